package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantAccess;
import dev.atrium.platform.tenancy.application.TenantTokens;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every request to a tenant API ({@code /t/{tenant}/api/v1/...}) passes here before its resource runs. Without reading
 * any data it checks what the token alone can show (it was issued by the tenant's client to a member of its
 * organisation) and records what the request asks for: the tenant, whether it writes, the endpoint's module, whether
 * it needs a member and which roles. {@code TenantGate} checks that against the directory and the member list in the
 * use case's own transaction. Runs before the role check, so that a token of another tenant is refused as such,
 * whatever its roles.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class TenantBindingFilter implements ContainerRequestFilter {

    /** The path parameter that every tenant resource declares for its tenant. */
    public static final String TENANT_PARAMETER = "tenant";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Inject
    CurrentTenant currentTenant;

    @Override
    public void filter(ContainerRequestContext request) {
        String tenant = request.getUriInfo().getPathParameters().getFirst(TENANT_PARAMETER);
        if (tenant == null) {
            return;
        }
        TenantSlug slug = slugOf(tenant);
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller != null && !(caller instanceof JsonWebToken)) {
            throw new ForbiddenException(
                    "token-required",
                    "Token required",
                    "Tenant APIs accept only bearer tokens issued by the platform's identity provider.");
        }
        JsonWebToken token = (JsonWebToken) caller;
        if (token != null) {
            TenantTokens.requireIssuedFor(slug, token);
        }
        Method method = resource.getResourceMethod();
        currentTenant.request(new TenantAccess(
                slug,
                !READS.contains(request.getMethod()) && !method.isAnnotationPresent(OpenWhileSuspended.class),
                token == null ? null : token.getSubject(),
                token == null ? null : TenantTokens.organizationId(token, slug),
                moduleOf(resource.getResourceClass()),
                token != null && !method.isAnnotationPresent(OpenToNonMembers.class),
                rolesOf(method)));
    }

    private static TenantSlug slugOf(String tenant) {
        try {
            return TenantSlug.of(tenant);
        } catch (InvalidRequestException notASlug) {
            throw new ResourceNotFoundException("There is no tenant '" + tenant + "'.");
        }
    }

    private static TenantModule moduleOf(Class<?> resourceClass) {
        TenantApi api = resourceClass.getAnnotation(TenantApi.class);
        if (api == null) {
            throw new IllegalStateException(resourceClass.getName() + " serves a tenant path without @TenantApi");
        }
        return api.value().length == 0 ? null : api.value()[0];
    }

    /** The tenant roles the method names; none for {@link Roles#MEMBER} (any member) and for public methods. */
    static Set<TenantRole> rolesOf(Method method) {
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return Set.of();
        }
        List<String> names = Arrays.asList(allowed.value());
        if (names.contains(Roles.MEMBER)) {
            return Set.of();
        }
        Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);
        Arrays.stream(TenantRole.values())
                .filter(role -> names.contains(role.id()))
                .forEach(roles::add);
        return roles;
    }
}
