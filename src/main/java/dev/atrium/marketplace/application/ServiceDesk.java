package dev.atrium.marketplace.application;

import dev.atrium.marketplace.application.ServiceViews.ServiceView;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Service;
import dev.atrium.marketplace.domain.ServiceStatus;
import dev.atrium.marketplace.domain.ServiceTier;
import dev.atrium.marketplace.domain.TierLevel;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Professionals' services: drafted, changed, published, paused and archived by their professional; read by members,
 * and browsed (active ones of active professionals) by text, category, skill, price and delivery time.
 */
@ApplicationScoped
@TenantTransactional
public class ServiceDesk {

    /** Longest text searched for: a query, not a document. */
    static final int MAX_QUERY = 200;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    Taxonomy taxonomy;

    @Inject
    MarketplaceMedia files;

    @Inject
    Now clock;

    /** What a request says about a service, before its category and skills are resolved. */
    public record ServiceTerms(Service.Details details, String category, Collection<String> skills) {}

    public ServiceView create(ServiceTerms terms, boolean publish) {
        Membership professional = access.professional();
        OffsetDateTime now = clock.dateTime();
        Service service = Service.draft(professional.memberId(), resolved(terms), now);
        if (publish) {
            service.publish(em.find(Profile.class, professional.memberId()), now);
        }
        em.persist(service);
        files.attach("service", service.id(), service.media());
        return view(service);
    }

    public ServiceView revise(UUID serviceId, EntityTags.IfMatch ifMatch, ServiceTerms changes) {
        Service service = access.serviceOfProfessional(serviceId);
        ifMatch.check(service.version());
        List<UUID> before = service.media();
        service.revise(resolved(changes), clock.dateTime());
        files.attach("service", service.id(), before, service.media());
        em.flush();
        return view(service);
    }

    private Service.Details resolved(ServiceTerms terms) {
        Service.Details details = terms.details();
        UUID category = terms.category() == null ? null : taxonomy.category(terms.category());
        Taxonomy.SkillSet skills = terms.skills() == null ? null : taxonomy.skillsOf(terms.skills());
        return new Service.Details(
                details.title(),
                details.description(),
                category,
                details.currency(),
                skills == null ? null : skills.ids(),
                skills == null ? null : skills.names(),
                details.tiers(),
                details.questions(),
                details.media());
    }

    /** Lists it and opens it to orders; its professional's profile must be active. */
    public ServiceView publish(UUID serviceId) {
        Service service = access.serviceOfProfessional(serviceId);
        service.publish(em.find(Profile.class, service.professionalId()), clock.dateTime());
        em.flush();
        return view(service);
    }

    public ServiceView pause(UUID serviceId) {
        Service service = access.serviceOfProfessional(serviceId);
        service.pause(clock.dateTime());
        em.flush();
        return view(service);
    }

    /** Archives it for good; contracts its orders made go on. */
    public ServiceView archive(UUID serviceId) {
        Service service = access.serviceOfProfessional(serviceId);
        service.archive(clock.dateTime());
        em.flush();
        return view(service);
    }

    public ServiceView get(UUID serviceId) {
        return view(access.serviceToRead(serviceId));
    }

    /** The caller's own services, any status (or the one asked), newest first. */
    public Page<ServiceView> mine(ServiceStatus status, PageRequest page) {
        Membership caller = access.caller();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", caller.memberId());
        String where = " where s.professionalId = :me";
        if (status != null) {
            where += " and s.status = :status";
            parameters.put("status", status);
        }
        // Ids first, then the services with their collections (see views).
        TypedQuery<UUID> ids = em.createQuery(
                "select s.id from MarketplaceService s" + where + " order by s.createdAt desc, s.id", UUID.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from MarketplaceService s" + where, Long.class);
        parameters.forEach((name, value) -> {
            ids.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ServiceView> services = views(
                ids.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList());
        return Page.of(services, page, count.getSingleResult());
    }

    /** How browsed services are ordered: by how well they match the text, newest first, or cheapest first. */
    public enum Sort {
        RELEVANCE,
        NEWEST,
        PRICE
    }

    /**
     * What a member browses for; every part optional. Prices are minor units of {@code currency}, which a price range
     * or the price order needs (prices in different currencies do not compare). A service matches the price range and
     * the delivery time when one of its tiers does.
     */
    public record Filter(
            String text,
            String category,
            String skill,
            UUID professional,
            String currency,
            Long minPrice,
            Long maxPrice,
            Integer maxDeliveryDays,
            Sort sort) {}

    /**
     * Active services of professionals still active in the marketplace, matching the filter: ranked by full-text
     * relevance when there is a text (else newest first), or cheapest first. Ids and the total come from one query,
     * the services (with their tiers, skills, questions and media) from one more.
     */
    public Page<ServiceView> browse(Filter filter, PageRequest page) {
        access.caller();
        if (filter.text() != null && filter.text().length() > MAX_QUERY) {
            throw new InvalidParameterException("q", "must be at most " + MAX_QUERY + " characters");
        }
        if (filter.currency() != null && !filter.currency().matches("[a-z]{3}")) {
            throw new InvalidParameterException("currency", "must be an ISO 4217 code in lower case, e.g. eur");
        }
        if (filter.maxDeliveryDays() != null && filter.maxDeliveryDays() < 1) {
            throw new InvalidParameterException("maxDeliveryDays", "must be 1 or more");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where s.status = 'ACTIVE'");
        if (filter.category() != null) {
            parameters.add(NativeQueries.text(taxonomy.category(filter.category())));
            where.append(" and s.category_id = ?").append(parameters.size());
        }
        if (filter.skill() != null) {
            UUID skill =
                    taxonomy.skillsOf(List.of(filter.skill())).ids().iterator().next();
            parameters.add(NativeQueries.text(skill));
            where.append(" and exists (select 1 from marketplace_service_skill k where k.service_id = s.id"
                            + " and k.skill_id = ?")
                    .append(parameters.size())
                    .append(")");
        }
        if (filter.professional() != null) {
            parameters.add(NativeQueries.text(filter.professional()));
            where.append(" and s.professional_id = ?").append(parameters.size());
        }
        boolean priced = filter.minPrice() != null || filter.maxPrice() != null;
        if ((priced || filter.sort() == Sort.PRICE) && filter.currency() == null) {
            throw new InvalidParameterException(
                    "currency",
                    "is needed with a price range or the price order (prices in different currencies do not compare)");
        }
        if (filter.minPrice() != null && filter.maxPrice() != null && filter.minPrice() > filter.maxPrice()) {
            throw new InvalidParameterException("minPrice", "must not be above maxPrice");
        }
        if (filter.currency() != null) {
            parameters.add(filter.currency());
            where.append(" and s.currency = ?").append(parameters.size());
        }
        if (priced || filter.maxDeliveryDays() != null) {
            where.append(" and exists (select 1 from marketplace_service_tier t where t.service_id = s.id");
            if (filter.minPrice() != null) {
                parameters.add(filter.minPrice());
                where.append(" and t.price >= ?").append(parameters.size());
            }
            if (filter.maxPrice() != null) {
                parameters.add(filter.maxPrice());
                where.append(" and t.price <= ?").append(parameters.size());
            }
            if (filter.maxDeliveryDays() != null) {
                parameters.add(filter.maxDeliveryDays());
                where.append(" and t.delivery_days <= ?").append(parameters.size());
            }
            where.append(")");
        }
        String order = " order by s.published_at desc, s.id";
        if (filter.text() != null && !filter.text().isBlank()) {
            parameters.add(filter.text().strip());
            int text = parameters.size();
            where.append(" and s.search @@ websearch_to_tsquery('english', ?")
                    .append(text)
                    .append(")");
            if (filter.sort() == null || filter.sort() == Sort.RELEVANCE) {
                order = " order by ts_rank(s.search, websearch_to_tsquery('english', ?" + text
                        + ")) desc, s.published_at desc, s.id";
            }
        }
        if (filter.sort() == Sort.PRICE) {
            order = " order by (select min(t.price) from marketplace_service_tier t where t.service_id = s.id), s.id";
        }
        // Services of a professional who left or lost the role are not listed (their profile is inactive).
        String from = " from marketplace_service s join marketplace_profile p on p.member_id = s.professional_id"
                + " and p.active";
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select s.id, count(*) over ()" + from + where + order + " limit " + page.size() + " offset "
                        + page.offset(),
                parameters);
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0)[1]).longValue();
        } else if (page.offset() == 0) {
            total = 0;
        } else {
            total = ((Number) NativeQueries.rows(em, "select count(*)" + from + where, parameters)
                            .get(0)[0])
                    .longValue();
        }
        return Page.of(
                views(rows.stream().map(row -> NativeQueries.uuid(row[0])).toList()), page, total);
    }

    /**
     * The views of these services, in the order given, in a few reads whatever their number: the services with their
     * skills, questions and media batch-read, their tiers in one projection. (EclipseLink 4.0 batch-reads a collection of
     * embeddables wrongly: the tiers it builds cannot be compared when the transaction commits, which fails it; read as
     * columns they are never registered.)
     */
    private List<ServiceView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Service> byId = em.createQuery("select s from MarketplaceService s where s.id in :ids", Service.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "s.skills")
                .setHint("eclipselink.batch", "s.questions")
                .setHint("eclipselink.batch", "s.media")
                .getResultStream()
                .collect(Collectors.toMap(Service::id, Function.identity()));
        Map<UUID, List<ServiceTier>> tiers = new HashMap<>();
        em.createQuery(
                        "select s.id, t.level, t.name, t.price, t.deliveryDays, t.revisions, t.included"
                                + " from MarketplaceService s join s.tiers t where s.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(row -> tiers.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                        .add(ServiceTier.of(
                                (TierLevel) row[1],
                                (String) row[2],
                                ((Number) row[3]).longValue(),
                                ((Number) row[4]).intValue(),
                                ((Number) row[5]).intValue(),
                                ServiceTier.lines((String) row[6]))));
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        return ids.stream()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(service -> ServiceView.of(service, tiers.getOrDefault(service.id(), List.of()), catalogue))
                .toList();
    }

    private ServiceView view(Service service) {
        return ServiceView.of(service, taxonomy.catalogue());
    }
}
