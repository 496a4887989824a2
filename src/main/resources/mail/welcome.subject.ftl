Welcome to ${brand.name}
