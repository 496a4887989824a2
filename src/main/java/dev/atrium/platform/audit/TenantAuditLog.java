package dev.atrium.platform.audit;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's own audit log. Modules record what a member did ({@code member.invite}, {@code member.roles},
 * {@code media.delete}) inside the use case's transaction, so an action and its entry commit together; the actor is
 * the caller, or the platform for work without one (onboarding, jobs).
 */
@ApplicationScoped
public class TenantAuditLog {

    static final String PLATFORM = "platform";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now now;

    /** Records an action of the current caller in the running tenant transaction. */
    public void record(String action, String target, String detail) {
        Optional<Membership> caller = currentTenant.caller();
        em.persist(new TenantAuditEntry(
                caller.map(Membership::memberId).orElse(null),
                caller.map(Membership::displayName)
                        .filter(name -> name != null && !name.isBlank())
                        .orElse(caller.isPresent() ? "member" : PLATFORM),
                action,
                target,
                detail,
                now.dateTime()));
    }

    /** The log, newest first; filter by action. */
    @TenantTransactional
    public Page<TenantAuditEntry> list(String action, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = " where 1 = 1";
        if (action != null && !action.isBlank()) {
            where += " and e.action = :action";
            parameters.put("action", action);
        }
        return JpaPages.page(
                em, TenantAuditEntry.class, "TenantAuditEntry e", where, "e.occurredAt desc", parameters, page);
    }
}
