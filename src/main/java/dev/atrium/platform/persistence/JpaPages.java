package dev.atrium.platform.persistence;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Map;

/**
 * One page of a JPQL query and the total behind it: the same filter is run once for the items (ordered, limited)
 * and once as a count, with the same parameters.
 */
public final class JpaPages {

    private JpaPages() {}

    /**
     * @param from entity and alias, e.g. {@code "Member m"}
     * @param where a JPQL condition starting with {@code " where"}, or empty
     * @param orderBy the ordering, e.g. {@code "m.createdAt desc, m.id"}
     */
    public static <T> Page<T> page(
            EntityManager em,
            Class<T> type,
            String from,
            String where,
            String orderBy,
            Map<String, Object> parameters,
            PageRequest page) {
        String alias = from.substring(from.indexOf(' ') + 1).trim();
        TypedQuery<T> items =
                em.createQuery("select " + alias + " from " + from + where + " order by " + orderBy, type);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ") from " + from + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return Page.of(
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                page,
                count.getSingleResult());
    }
}
