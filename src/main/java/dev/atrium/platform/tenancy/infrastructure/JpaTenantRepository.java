package dev.atrium.platform.tenancy.infrastructure;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.LikePattern;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Override
    public Optional<Tenant> find(java.util.UUID id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    /**
     * The directory entry, its modules and the schema switch, in one statement. {@code set_config} runs only for the
     * row found, so an unknown or hidden tenant switches nothing.
     */
    private static final String OPEN_IN_TRANSACTION = "select t.slug, t.name, t.status, t.plan, t.schema_name,"
            + " t.keycloak_organization_id, t.keycloak_client_id, t.display_name, t.logo_url, t.primary_color,"
            + " t.accent_color, t.favicon_url, t.locale, t.support_email,"
            + " (select string_agg(m.module, ',') from platform.tenant_module m where m.tenant_id = t.id),"
            + " set_config('search_path', '\"' || t.schema_name || '\"', true), t.id"
            + " from platform.tenant t where t.slug = ? and t.status in ('ACTIVE', 'SUSPENDED')";

    /** PostgreSQL's "undefined table": the membership query ran without a tenant schema, i.e. no tenant was found. */
    private static final String UNDEFINED_TABLE = "42P01";

    /**
     * Both statements go to PostgreSQL in one round trip (pgjdbc sends a multi-statement query as one batch); the
     * server runs them in order, so the membership query resolves its tables in the schema the first one selected.
     * They run on the transaction's own connection, which EclipseLink uses for the rest of the use case.
     */
    @Override
    public Optional<Opened> openInTransaction(TenantSlug slug, String subject, MembershipLookup memberships) {
        Connection connection = em.unwrap(Connection.class);
        String sql =
                subject == null ? OPEN_IN_TRANSACTION : OPEN_IN_TRANSACTION + "; " + memberships.activeMemberQuery();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, slug.value());
            if (subject != null) {
                statement.setString(2, subject);
            }
            statement.execute();
            TenantRef tenant;
            try (ResultSet rows = statement.getResultSet()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                tenant = tenantRef(rows);
            }
            Optional<Membership> member = Optional.empty();
            if (subject != null && statement.getMoreResults()) {
                try (ResultSet rows = statement.getResultSet()) {
                    member = rows.next() ? Optional.of(memberships.read(rows)) : Optional.empty();
                }
            }
            return Optional.of(new Opened(tenant, member));
        } catch (SQLException failed) {
            if (UNDEFINED_TABLE.equals(failed.getSQLState())) {
                return Optional.empty();
            }
            throw new PersistenceException("Could not open tenant " + slug, failed);
        }
    }

    private static TenantRef tenantRef(ResultSet row) throws SQLException {
        String modules = row.getString(15);
        return new TenantRef(
                row.getObject(17, java.util.UUID.class),
                TenantSlug.of(row.getString(1)),
                row.getString(2),
                TenantStatus.valueOf(row.getString(3)),
                row.getString(4),
                row.getString(5),
                new TenantIdentity(row.getString(6), row.getString(7)),
                new Branding(
                        row.getString(8),
                        row.getString(9),
                        row.getString(10),
                        row.getString(11),
                        row.getString(12),
                        row.getString(13),
                        row.getString(14)),
                modules == null
                        ? Set.of()
                        : Arrays.stream(modules.split(","))
                                .map(TenantModule::valueOf)
                                .collect(Collectors.toUnmodifiableSet()));
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
