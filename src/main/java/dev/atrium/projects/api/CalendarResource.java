package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.CalendarFeeds;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's calendar feed: issue or rotate its secret URL, revoke it, and the feed itself. */
@Path("/t/{tenant}/api/v1/calendar")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Tag(name = "Tenant: tasks")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar";
    private static final Pattern SECRET = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    CalendarFeeds feeds;

    /** Where calendar apps subscribe. The URL is the secret: it is shown once, when issued. */
    public record Feed(URI url) {}

    @POST
    @Path("/feed")
    @RolesAllowed(MEMBER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue the caller's calendar feed URL, or rotate it (the previous URL stops working)")
    public Response issue(@Context UriInfo uri) {
        String secret = feeds.issue();
        URI url = uri.getBaseUriBuilder()
                .path("t")
                .path(tenant)
                .path("api/v1/calendar")
                .path(secret + ".ics")
                .build();
        return Response.status(Response.Status.CREATED).entity(new Feed(url)).build();
    }

    @DELETE
    @Path("/feed")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Revoke the caller's calendar feed")
    public Response revoke() {
        feeds.revoke();
        return Response.noContent().build();
    }

    @GET
    @Path("/{secret}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @Operation(
            summary =
                    "The feed (iCalendar): the member's task due dates and milestones; no token, the URL is the secret")
    public Response feed(@PathParam("secret") String secret) {
        if (!SECRET.matcher(secret).matches()) {
            throw new ResourceNotFoundException("There is no such calendar feed.");
        }
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return Response.ok(feeds.render(secret), TEXT_CALENDAR + "; charset=utf-8")
                .cacheControl(cache)
                .build();
    }
}
