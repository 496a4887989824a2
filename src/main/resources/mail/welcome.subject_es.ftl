Te damos la bienvenida a ${brand.name}
