package dev.atrium.platform.errors;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that does not parse (a page that is not a number, an id that is not a UUID). A
 * {@code WebApplicationException}, because the JAX-RS runtime passes only those through unchanged from parameter
 * conversion (anything else becomes a misleading 404); mapped to a 400 problem naming the parameter.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
