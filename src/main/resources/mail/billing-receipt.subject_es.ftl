Tu recibo ${number} de ${brand.name}
