package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Drops a tenant whose scheduled deletion has come due: the same deletion as the operator's immediate one (schema,
 * Keycloak organisation and client, media objects), recorded in the audit log as the scheduled deletion's. A platform
 * job: it names its tenant in its data, and does nothing if the tenant was restored (or deleted) meanwhile.
 */
@ApplicationScoped
public class TenantDeletionJob implements JobHandler<TenantDeletionJob.Request> {

    public static final String KIND = "tenancy.delete-tenant";
    private static final Logger LOG = Logger.getLogger(TenantDeletionJob.class.getName());

    /** The job's data. */
    public record Request(UUID tenantId, String slug) {}

    @Inject
    TenantDirectory directory;

    @Inject
    TenantOnboarding onboarding;

    static String jobId(UUID tenantId) {
        return "tenant-" + tenantId;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public void run(Request request, JobRun run) {
        if (!directory.isDeletionDue(request.tenantId())) {
            LOG.info(() -> "Scheduled deletion of tenant " + request.slug() + " no longer wanted; nothing dropped");
            return;
        }
        onboarding.delete(TenantSlug.of(request.slug()), request.slug(), Actor.SCHEDULED_DELETION);
        LOG.info(() -> "Tenant " + request.slug() + " deleted at the end of its grace period");
    }
}
