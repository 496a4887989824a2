package dev.atrium.platform.audit;

import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The platform audit log. Entries are written in their own transaction, so that a failed or refused action is
 * recorded even though the action's own transaction rolled back.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Now clock;

    /** Calls through the container, so that {@link #add}'s own transaction is started. */
    @Inject
    AuditTrail self;

    /** Runs an action and records its outcome: SUCCEEDED, REFUSED (a 4xx problem) or FAILED, with the reason. */
    public <T> T record(Actor actor, String action, String target, Supplier<T> work) {
        try {
            T result = work.get();
            self.add(actor, action, target, AuditEntry.Outcome.SUCCEEDED, describe(result));
            return result;
        } catch (AtriumException problem) {
            AuditEntry.Outcome outcome =
                    problem.status() < 500 ? AuditEntry.Outcome.REFUSED : AuditEntry.Outcome.FAILED;
            self.add(actor, action, target, outcome, problem.getMessage());
            throw problem;
        } catch (RuntimeException failure) {
            add(
                    actor,
                    action,
                    target,
                    AuditEntry.Outcome.FAILED,
                    failure.getClass().getSimpleName());
            throw failure;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(Actor actor, String action, String target, AuditEntry.Outcome outcome, String detail) {
        em.persist(new AuditEntry(actor, action, target, outcome, detail, clock.dateTime()));
    }

    @Transactional
    public Page<AuditEntry> list(String target, String action, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        String where = " where 1 = 1";
        if (target != null) {
            where += " and e.target = :target";
            parameters.put("target", target);
        }
        if (action != null) {
            where += " and e.action = :action";
            parameters.put("action", action);
        }
        return JpaPages.page(em, AuditEntry.class, "AuditEntry e", where, "e.occurredAt desc", parameters, page);
    }

    /** Results that describe themselves for the log (e.g. which fields changed) implement this. */
    public interface Described {
        String auditDetail();
    }

    private static String describe(Object result) {
        return result instanceof Described described ? described.auditDetail() : null;
    }
}
