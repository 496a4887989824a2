package dev.atrium.notifications.api;

import dev.atrium.notifications.application.NotificationCentre;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unsubscribe link of notification e-mails, used without signing in: {@code GET} shows what it stops and a button
 * (mail scanners follow links, so a GET changes nothing); {@code POST} stops it, and is also what mail clients send
 * for one-click unsubscribe (RFC 8058).
 */
@Path("/t/{tenant}/api/v1/notifications/unsubscribe")
@TenantApi(TenantModule.NOTIFICATIONS)
@RequestScoped
@Tag(name = "Notifications")
public class UnsubscribeResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    NotificationCentre centre;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "What an e-mail's unsubscribe link stops, with a button to stop it (no sign-in)")
    public String confirm(@QueryParam("token") String token) {
        NotificationCentre.Unsubscribing what = centre.unsubscribing(token);
        return page(
                what.brand(),
                "Stop e-mails about " + what.what() + "?",
                "<form method=\"post\"><button type=\"submit\" style=\"padding:10px 18px\">Stop these e-mails</button>"
                        + "</form>");
    }

    @POST
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Stop the e-mails an unsubscribe link names (no sign-in; RFC 8058 one-click)")
    public String unsubscribe(@QueryParam("token") String token) {
        NotificationCentre.Unsubscribing what = centre.unsubscribe(token);
        return page(
                what.brand(),
                "You will no longer get e-mails about " + what.what() + ".",
                "<p>Your other notification settings have not changed.</p>");
    }

    private static String page(String brand, String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><meta name=\"viewport\""
                + " content=\"width=device-width\"><title>" + escape(brand) + "</title></head><body"
                + " style=\"font-family:Helvetica,Arial,sans-serif;max-width:32em;margin:3em auto\"><h1 style=\"font-size"
                + ":1.3em\">" + escape(title) + "</h1>" + body + "<p style=\"color:#6e7781\">" + escape(brand)
                + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
