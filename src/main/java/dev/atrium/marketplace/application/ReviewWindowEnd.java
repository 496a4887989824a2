package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.ReviewWindow;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * The end of a contract's review window: whatever was written is published then, so a party who never writes cannot
 * keep the other's review sealed for ever (nor learn what it says before writing their own). A job per window,
 * scheduled in the transaction that ended the contract for the moment the window ends; it publishes only if the
 * window is still unpublished (both parties may have written meanwhile).
 */
@ApplicationScoped
public class ReviewWindowEnd implements JobHandler<ReviewWindowEnd.Request> {

    static final String KIND = "marketplace.review-window-end";

    /** The job's data: the contract whose review window ends. */
    public record Request(UUID contractId) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ReviewDesk reviews;

    @Inject
    Jobs jobs;

    @Inject
    Now clock;

    @Inject
    ReviewWindowEnd self;

    static void schedule(Jobs jobs, ReviewWindow window) {
        jobs.schedule(
                KIND,
                "contract-" + window.contractId(),
                new Request(window.contractId()),
                window.closesAt().toInstant());
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
        self.publishIfEnded(request);
    }

    @TenantTransactional
    public void publishIfEnded(Request request) {
        ReviewWindow window = em.find(ReviewWindow.class, request.contractId(), LockModeType.PESSIMISTIC_WRITE);
        if (window == null || window.published()) {
            return;
        }
        if (!window.ended(clock.dateTime())) {
            // Run before the window's end (its time was moved): a job for the end itself, which a job id of its own
            // lets exist beside this one while it runs.
            jobs.schedule(
                    KIND,
                    "contract-" + window.contractId() + "-at-"
                            + window.closesAt().toInstant().toEpochMilli(),
                    request,
                    window.closesAt().toInstant());
            return;
        }
        reviews.publish(window, reviews.reviewsOf(window.contractId()));
    }
}
