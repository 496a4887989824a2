package dev.atrium.billing.api;

import dev.atrium.billing.application.Ledger;
import dev.atrium.billing.application.LedgerView;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of a tenant's money: its ledger, the same lines its admins read. */
@Path("/api/v1/platform/tenants/{slug}/billing")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: billing")
public class PlatformBillingResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Ledger ledger;

    @GET
    @Path("/ledger")
    @Operation(summary = "A tenant's ledger, newest first, with each kind's totals (operators)")
    public LedgerView ledger(
            @PathParam("slug") String slug, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        TenantRef tenant = directory.ref(TenantSlug.of(slug));
        if (!tenant.status().hasWorkingSchema()) {
            throw new ResourceNotFoundException("Tenant '" + slug + "' has no data any more.");
        }
        return currentTenant.runAs(tenant, () -> ledger.read(request));
    }
}
