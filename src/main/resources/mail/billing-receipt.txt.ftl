Hello ${name},

Thank you for your payment. Your receipt is attached.

Receipt: ${number}
For:     ${description}
Paid:    ${amount}

${brand.name}
