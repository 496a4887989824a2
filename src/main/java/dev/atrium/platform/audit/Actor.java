package dev.atrium.platform.audit;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who did something on the platform: an operator's username, a service account, or the platform itself. */
public record Actor(String name) {

    /** Tenants applied from their definitions at start-up (tenants as code). */
    public static final Actor TENANTS_AS_CODE = new Actor("system:tenants-as-code");

    /** A deletion an operator scheduled, carried out when its grace period ended. */
    public static final Actor SCHEDULED_DELETION = new Actor("system:scheduled-deletion");

    /** Billing, acting on the payment provider's word: a plan paid, unpaid or cancelled. */
    public static final Actor BILLING = new Actor("system:billing");

    public static Actor of(JsonWebToken token) {
        String username = token.getClaim("preferred_username");
        return new Actor(username != null ? username : token.getSubject());
    }
}
