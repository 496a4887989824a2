package dev.atrium.identity.infrastructure;

import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.identity.domain.MemberStatus;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.LikePattern;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<Member> find(UUID id) {
        // One statement: the member joined with their skills and roles, instead of three selects.
        return em.createQuery("select m from Member m where m.id = :id and m.status = :active", Member.class)
                .setParameter("id", id)
                .setParameter("active", MemberStatus.ACTIVE)
                .setHint("eclipselink.left-join-fetch", "m.skills")
                .setHint("eclipselink.left-join-fetch", "m.roles")
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Member> anyWithId(UUID id) {
        return Optional.ofNullable(em.find(Member.class, id));
    }

    @Override
    public Optional<Member> findBySubject(String subject) {
        return em.createQuery("select m from Member m where m.subject = :subject", Member.class)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Member> activeWithEmail(String email) {
        return em.createQuery(
                        "select m from Member m where lower(m.email) = :email and m.status = :active", Member.class)
                .setParameter("email", email.trim().toLowerCase(java.util.Locale.ROOT))
                .setParameter("active", MemberStatus.ACTIVE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Member member) {
        em.persist(member);
    }

    @Override
    public Page<Member> list(TenantRole role, String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" where m.status = :active");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("active", MemberStatus.ACTIVE);
        if (role != null) {
            where.append(" and :role member of m.roles");
            parameters.put("role", role);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(m.displayName) like :text escape '\\' or lower(m.email) like :text escape '\\')");
            parameters.put("text", LikePattern.containing(text));
        }
        return JpaPages.page(
                em, Member.class, "Member m", where.toString(), "lower(m.displayName), m.id", parameters, page);
    }

    @Override
    public long countHolding(TenantRole role) {
        return em.createQuery(
                        "select count(m) from Member m where m.status = :active and :role member of m.roles",
                        Long.class)
                .setParameter("active", MemberStatus.ACTIVE)
                .setParameter("role", role)
                .getSingleResult();
    }

    @Override
    public long countActive() {
        return em.createQuery("select count(m) from Member m where m.status = :active", Long.class)
                .setParameter("active", MemberStatus.ACTIVE)
                .getSingleResult();
    }

    /** A transaction-scoped advisory lock keyed by the schema, so tenants never wait for each other. */
    @Override
    public void lockMembership() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(current_schema() || '.membership'))")
                .getSingleResult();
    }
}
