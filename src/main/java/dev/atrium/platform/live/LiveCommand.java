package dev.atrium.platform.live;

import jakarta.json.JsonObject;

/**
 * Something a client may ask over its live socket (a CDI bean of the module that owns it, e.g. messaging's
 * {@code typing}). It runs exactly as a request of the member would: the tenant gate checks the connection's token,
 * membership and the tenant again, and the command calls its module's use cases.
 */
public interface LiveCommand {

    /** The frame's {@code type} this command answers. */
    String type();

    /** The module it belongs to: a tenant that has not enabled it refuses the command (404 module-not-enabled). */
    dev.atrium.platform.tenancy.domain.TenantModule module();

    /** Carries out the command; an {@code AtriumException} is sent back to the client as an error frame. */
    void handle(JsonObject command);
}
