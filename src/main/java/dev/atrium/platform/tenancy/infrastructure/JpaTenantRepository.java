package dev.atrium.platform.tenancy.infrastructure;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.LikePattern;
import dev.atrium.platform.tenancy.domain.Branding;
import dev.atrium.platform.tenancy.domain.Tenant;
import dev.atrium.platform.tenancy.domain.TenantFilter;
import dev.atrium.platform.tenancy.domain.TenantIdentity;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantRepository;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<Tenant> find(TenantSlug slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    /**
     * One round trip: the directory entry, its modules and the schema switch. {@code set_config} runs only for the row
     * found, so an unknown or hidden tenant switches nothing.
     */
    private static final String OPEN_IN_TRANSACTION = "select t.slug, t.name, t.status, t.plan, t.schema_name,"
            + " t.keycloak_organization_id, t.keycloak_client_id, t.display_name, t.logo_url, t.primary_color,"
            + " t.accent_color, t.favicon_url, t.locale, t.support_email,"
            + " (select string_agg(m.module, ',') from platform.tenant_module m where m.tenant_id = t.id),"
            + " set_config('search_path', '\"' || t.schema_name || '\"', true)"
            + " from platform.tenant t where t.slug = ?1 and t.status in ('ACTIVE', 'SUSPENDED')";

    @Override
    public Optional<TenantRef> openInTransaction(TenantSlug slug) {
        List<?> rows = em.createNativeQuery(OPEN_IN_TRANSACTION)
                .setParameter(1, slug.value())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Set<TenantModule> modules = row[14] == null
                ? Set.of()
                : Arrays.stream(row[14].toString().split(","))
                        .map(TenantModule::valueOf)
                        .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new TenantRef(
                TenantSlug.of((String) row[0]),
                (String) row[1],
                TenantStatus.valueOf((String) row[2]),
                (String) row[3],
                (String) row[4],
                new TenantIdentity((String) row[5], (String) row[6]),
                new Branding(
                        (String) row[7],
                        (String) row[8],
                        (String) row[9],
                        (String) row[10],
                        (String) row[11],
                        (String) row[12],
                        (String) row[13]),
                modules));
    }

    @Override
    public Optional<Tenant> lock(TenantSlug slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Tenant tenant) {
        try {
            em.persist(tenant);
            em.flush();
        } catch (PersistenceException uniqueViolation) {
            // The slug, schema or a domain was taken by a concurrent onboarding between our check and this insert.
            throw new ConflictException(
                    "tenant-exists",
                    "Tenant exists",
                    "Tenant '" + tenant.slug() + "' or one of its domains was registered at the same time by another"
                            + " request.");
        }
    }

    @Override
    public Page<Tenant> list(TenantFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and t.status = :status");
            parameters.put("status", filter.status());
        } else {
            where.append(" and t.status <> :deleted");
            parameters.put("deleted", TenantStatus.DELETED);
        }
        if (filter.kind() != null) {
            where.append(" and t.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            where.append(" and (lower(t.name) like :text escape '\\' or t.slug like :text escape '\\')");
            parameters.put("text", LikePattern.containing(filter.nameContains()));
        }
        return JpaPages.page(em, Tenant.class, "Tenant t", where.toString(), "t.slug", parameters, page);
    }

    @Override
    public Optional<String> slugOfDomain(String domain) {
        List<?> rows = em.createNativeQuery("select t.slug from platform.tenant t join platform.tenant_domain d"
                        + " on d.tenant_id = t.id where d.domain = ?1")
                .setParameter(1, domain)
                .getResultList();
        return rows.stream().map(Object::toString).findFirst();
    }

    @Override
    public Map<String, String> domains() {
        Map<String, String> domains = new HashMap<>();
        for (Object row : em.createNativeQuery("select d.domain, t.slug from platform.tenant_domain d"
                        + " join platform.tenant t on t.id = d.tenant_id")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            domains.put(columns[0].toString(), columns[1].toString());
        }
        return domains;
    }

    @Override
    public List<Tenant> withSchemas() {
        return new ArrayList<>(em.createQuery(
                        "select t from Tenant t where t.status in :statuses order by t.slug", Tenant.class)
                .setParameter("statuses", List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.ARCHIVED))
                .getResultList());
    }
}
