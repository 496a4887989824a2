package dev.atrium.platform.export;

import dev.atrium.platform.audit.TenantAuditLog;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The export use cases, each a short tenant transaction; the building itself is {@link TenantExportJob}. */
@ApplicationScoped
public class TenantExports {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Now now;

    @Inject
    TenantAuditLog audit;

    /** How long a finished export can be downloaded. */
    @Inject
    @ConfigProperty(name = "atrium.export.keep-for", defaultValue = "P7D")
    Duration keepFor;

    /** Starts an export of the selected tenant, built by a job; in the tenant's audit log. */
    @TenantTransactional
    public TenantExport request(String requestedBy) {
        TenantExport export = new TenantExport(requestedBy, now.dateTime());
        em.persist(export);
        jobs.schedule(
                TenantExportJob.KIND, export.id().toString(), new TenantExportJob.Request(export.id()), Instant.now());
        audit.record("tenant.export", export.id().toString(), "requested by " + requestedBy);
        return export;
    }

    @TenantTransactional
    public TenantExport find(UUID id) {
        TenantExport export = em.find(TenantExport.class, id);
        if (export == null) {
            throw new ResourceNotFoundException(
                    "export-not-found", "Export not found", "There is no export " + id + ".");
        }
        return export;
    }

    @TenantTransactional
    public Page<TenantExport> list(PageRequest page) {
        return JpaPages.page(em, TenantExport.class, "TenantExport e", "", "e.requestedAt desc", Map.of(), page);
    }

    /** The export to build, marked running; empty if it is finished (a repeated job run) or gone. */
    @TenantTransactional
    public Optional<TenantExport> begin(UUID id) {
        TenantExport export = em.find(TenantExport.class, id);
        if (export == null || export.isFinished()) {
            return Optional.empty();
        }
        export.running(1);
        return Optional.of(export);
    }

    @TenantTransactional
    public void at(UUID id, int percent) {
        Optional.ofNullable(em.find(TenantExport.class, id)).ifPresent(export -> export.running(percent));
    }

    @TenantTransactional
    public void ready(UUID id, long size) {
        Optional.ofNullable(em.find(TenantExport.class, id))
                .ifPresent(export ->
                        export.ready(size, now.dateTime(), now.dateTime().plus(keepFor)));
    }

    @TenantTransactional
    public void failed(UUID id, String reason) {
        Optional.ofNullable(em.find(TenantExport.class, id)).ifPresent(export -> export.failed(reason, now.dateTime()));
    }

    /** The ready exports whose time is up: the caller deletes each one's file, then marks it expired. */
    @TenantTransactional
    public List<TenantExport> dueToExpire() {
        return em.createQuery(
                        "select e from TenantExport e where e.status = 'ready' and e.expiresAt < :now",
                        TenantExport.class)
                .setParameter("now", now.dateTime())
                .getResultList();
    }

    @TenantTransactional
    public void markExpired(UUID id) {
        Optional.ofNullable(em.find(TenantExport.class, id)).ifPresent(TenantExport::expired);
    }
}
