package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.tenancy.application.TenantResolution;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every request to a tenant API ({@code /t/{tenant}/api/v1/...}) passes here before its resource runs: the tenant
 * must exist and be visible, the caller's token must have been issued for it, and a suspended tenant refuses
 * changes. Runs before the role check, so that a token of another tenant is refused as such, whatever its roles.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class TenantBindingFilter implements ContainerRequestFilter {

    /** The path parameter that every tenant resource declares for its tenant. */
    public static final String TENANT_PARAMETER = "tenant";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    TenantResolution resolution;

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String tenant = uri.getPathParameters().getFirst(TENANT_PARAMETER);
        if (tenant == null) {
            return;
        }
        Principal caller = request.getSecurityContext().getUserPrincipal();
        JsonWebToken token = caller instanceof JsonWebToken jwt ? jwt : null;
        resolution.enter(tenant, !READS.contains(request.getMethod()), token);
    }
}
