package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantSchemaSelector;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one path from a tenant request to the tenant's data, taken at the start of every tenant transaction (through
 * {@code @TenantTransactional}). In that transaction, and in one statement, it reads the tenant's directory entry and
 * switches the connection to the tenant's schema; then it checks what the request asked for against it: the tenant is
 * visible, accepts writes if the request writes, has the endpoint's module enabled, and is the tenant the token was
 * issued for; then the caller is an active member holding one of the endpoint's roles (one indexed query, sent in the
 * same round trip as the first statement). Nothing is cached, so a suspension or a removal counts at once on every
 * replica.
 */
@ApplicationScoped
public class TenantGate {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantSchemaSelector schemas;

    @Inject
    MembershipLookup memberships;

    /** Opens the current tenant in the running transaction (once; later calls in it only confirm the tenant). */
    public void enter() {
        if (currentTenant.isExplicit()) {
            schemas.select(currentTenant.get().schemaName());
            return;
        }
        TenantAccess access = currentTenant
                .requested()
                .orElseThrow(() -> new IllegalStateException("No tenant is selected for this request or job"));
        String schema = access.slug().schemaName();
        if (schemas.isSelected(schema)) {
            return;
        }
        TenantRepository.Opened opened = tenants.openInTransaction(access.slug(), access.subject(), memberships)
                .orElseThrow(() -> noSuchTenant(access));
        schemas.selected(schema);
        Membership caller = admit(access, opened.tenant(), opened.member());
        currentTenant.admit(opened.tenant(), caller);
    }

    private Membership admit(TenantAccess access, TenantRef tenant, Optional<Membership> membership) {
        if (access.module() != null && !tenant.hasEnabled(access.module())) {
            throw moduleNotEnabled(tenant, access.module());
        }
        if (access.signedIn()
                && !Objects.equals(access.organizationId(), tenant.identity().organizationId())) {
            throw TenantTokens.notForTenant(access.slug());
        }
        if (access.write() && !tenant.status().acceptsWrites()) {
            throw new ForbiddenException(
                    "tenant-suspended",
                    "Tenant suspended",
                    "Tenant '" + tenant.slug() + "' is suspended: its data can be read but not changed until the"
                            + " platform operator resumes it.");
        }
        if (!access.signedIn()) {
            return null;
        }
        Membership member = membership.orElse(null);
        if (member == null) {
            if (access.membershipRequired()) {
                throw new ForbiddenException(
                        "not-a-member",
                        "Not a member",
                        "You are not a member of tenant '" + tenant.slug() + "'. Members join through an invitation,"
                                + " or once, through POST /members/me, when the tenant's organisation admits them.");
            }
            return null;
        }
        if (!member.holdsAnyOf(access.anyOfRoles())) {
            throw new ForbiddenException(
                    "role-not-held",
                    "Role not held",
                    "This needs one of the roles "
                            + access.anyOfRoles().stream()
                                    .map(TenantRole::id)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + "; your roles in tenant '" + tenant.slug() + "' no longer include them.");
        }
        return member;
    }

    private static ResourceNotFoundException noSuchTenant(TenantAccess access) {
        return new ResourceNotFoundException("There is no tenant '" + access.slug() + "'.");
    }

    private static ResourceNotFoundException moduleNotEnabled(TenantRef tenant, TenantModule module) {
        return new ResourceNotFoundException(
                "module-not-enabled",
                "Module not enabled",
                "Tenant '" + tenant.slug() + "' has not enabled the " + module.id() + " module.");
    }
}
