package dev.atrium.marketplace.application;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.similarity.Similarity;
import dev.atrium.platform.similarity.TextVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the embedding of each job's and profile's text for matching: a job scheduled in the transaction that wrote
 * the text, which reads the text, embeds it with the platform's similarity service (outside any transaction: it is
 * CPU work, and its first call loads the model), and stores the vector with the model's name. Until it has run, the
 * matcher ranks without the text term.
 */
@ApplicationScoped
public class MarketplaceEmbeddings implements JobHandler<MarketplaceEmbeddings.Request> {

    static final String KIND = "marketplace.embed";

    /** The job's data. @param subject {@code job} or {@code profile} */
    public record Request(String subject, UUID id) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Similarity similarity;

    @Inject
    MarketplaceEmbeddings self;

    /** Embeds the job's (or profile's) text as it is when the job runs; one job per write, the last one wins. */
    static void schedule(Jobs jobs, String subject, UUID id) {
        jobs.schedule(KIND, subject + "-" + id + "-" + UUID.randomUUID(), new Request(subject, id), Instant.now());
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
        String text = self.text(request);
        if (text == null) {
            return;
        }
        self.store(request, similarity.embed(text));
    }

    @TenantTransactional
    public String text(Request request) {
        List<Object[]> rows = "job".equals(request.subject())
                ? NativeQueries.rows(
                        em, "select title || '. ' || description from marketplace_job where id = ?1", request.id())
                : NativeQueries.rows(
                        em,
                        "select p.headline || '. ' || p.bio || coalesce('. ' || (select string_agg(i.title, '. '"
                                + " order by i.position) from marketplace_portfolio_item i where i.member_id ="
                                + " p.member_id), '') from marketplace_profile p where p.member_id = ?1",
                        request.id());
        return rows.isEmpty() ? null : (String) rows.get(0)[0];
    }

    @TenantTransactional
    public void store(Request request, TextVector vector) {
        NativeQueries.execute(
                em,
                "job".equals(request.subject())
                        ? "update marketplace_job set embedding = ?1, embedding_model = ?2 where id = ?3"
                        : "update marketplace_profile set embedding = ?1, embedding_model = ?2 where member_id = ?3",
                vector.toBytes(),
                similarity.model(),
                request.id());
    }
}
