package dev.atrium.platform.security;

/**
 * Role names used in {@code @RolesAllowed}. Token groups map to roles of the same name; {@link #AUTHENTICATED} is
 * bound in server.xml to every authenticated caller, because Liberty's JAX-RS does not honour {@code "**"}.
 */
public final class Roles {

    /** Any caller with a valid token of the {@code atrium} realm. */
    public static final String AUTHENTICATED = "authenticated";

    /**
     * Any active member of the request's tenant, whatever their roles: the tenant gate checks the membership itself.
     * Bound in server.xml to every authenticated caller, because membership is not a token group.
     */
    public static final String MEMBER = "member";

    /** Platform operators and the platform service account (realm role). */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Tenant roles, held as roles of the tenant's Keycloak client and read only from a token bound to the tenant. */
    public static final String ADMIN = "admin";

    public static final String CLIENT = "client";
    public static final String PROFESSIONAL = "professional";
    public static final String STUDENT = "student";
    public static final String ADVERTISER = "advertiser";

    private Roles() {}
}
