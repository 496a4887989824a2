Your receipt ${number} from ${brand.name}
