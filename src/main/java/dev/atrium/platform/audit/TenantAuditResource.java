package dev.atrium.platform.audit;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's own audit log, for its admins. */
@Path("/t/{tenant}/api/v1/audit")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: audit")
public class TenantAuditResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TenantAuditLog log;

    /** One entry as admins read it. */
    public record Entry(
            OffsetDateTime occurredAt, UUID actorId, String actorName, String action, String target, String detail) {

        static Entry of(TenantAuditEntry entry) {
            return new Entry(
                    entry.occurredAt(),
                    entry.actorId(),
                    entry.actorName(),
                    entry.action(),
                    entry.target(),
                    entry.detail());
        }
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the tenant's admins and members did to its membership and data, newest first")
    public Page<Entry> list(
            @QueryParam("action") String action, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return log.list(action, PageRequest.of(page, size)).map(Entry::of);
    }
}
