Hola ${name}:

Gracias por tu pago. Adjuntamos tu recibo.

Recibo:   ${number}
Concepto: ${description}
Pagado:   ${amount}

${brand.name}
