package dev.atrium.identity.infrastructure;

import dev.atrium.platform.errors.UpstreamException;

/** Keycloak could not be reached, or refused what the platform asked of it. */
public class IdentityProviderException extends UpstreamException {

    public IdentityProviderException(String detail, Throwable cause) {
        super("identity-provider-failed", "Identity provider failed", detail, cause);
    }
}
