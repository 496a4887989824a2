package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant directory. Callers run inside a transaction. */
public interface TenantRepository {

    Optional<Tenant> find(TenantSlug slug);

    /** By the directory id that jobs and outbox deliveries carry. */
    Optional<Tenant> find(java.util.UUID id);

    /**
     * For a request: reads a tenant visible to its members (active or suspended) and, in the same statement, switches
     * the running transaction to its schema; with a subject, also runs {@code memberships}' query for it, in the same
     * network round trip. Empty, with nothing switched, if there is no such tenant.
     */
    Optional<Opened> openInTransaction(TenantSlug slug, String subject, MembershipLookup memberships);

    /** A tenant opened for a request, and the caller's active membership if they have one. */
    record Opened(TenantRef tenant, Optional<Membership> member) {}

    /** Finds and locks the tenant's row until the transaction ends, so that two lifecycle changes serialise. */
    Optional<Tenant> lock(TenantSlug slug);

    /** Adds a new tenant; a concurrent addition of the same slug or domain fails as a conflict. */
    void add(Tenant tenant);

    Page<Tenant> list(TenantFilter filter, PageRequest page);

    /** Which tenant (slug) a domain belongs to, if any. */
    Optional<String> slugOfDomain(String domain);

    /** Every registered domain and the slug of its tenant. */
    Map<String, String> domains();

    List<Tenant> withSchemas();
}
