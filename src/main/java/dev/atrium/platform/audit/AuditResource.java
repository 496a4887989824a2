package dev.atrium.platform.audit;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform audit log for operators, newest first. */
@Path("/api/v1/platform/audit")
@RequestScoped
@Tag(name = "Platform: audit")
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** One audit entry as operators read it. */
    public record AuditEntryView(
            OffsetDateTime occurredAt, String actor, String action, String target, String outcome, String detail) {

        static AuditEntryView of(AuditEntry entry) {
            return new AuditEntryView(
                    entry.occurredAt(), entry.actor(), entry.action(), entry.target(), entry.outcome(), entry.detail());
        }
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Audit entries, newest first; filter by target (a tenant slug) and action")
    public Page<AuditEntryView> list(
            @QueryParam("target") String target,
            @QueryParam("action") String action,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return trail.list(target, action, PageRequest.of(page, size)).map(AuditEntryView::of);
    }
}
