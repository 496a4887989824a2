package dev.atrium.platform;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestSystem;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Platform-service figures, written to {@code target/benchmarks/platform-services.md}: the outbox's delivery lag
 * (commit of the change to the consumer's completion) p50/p99 while probe events are written at 200 per second; the
 * job scheduler's pick-up latency (due time to start) p50/p99; and e-mails per second through the outbox to the
 * local SMTP server, against the same messages sent straight to it with Jakarta Mail from one client in the same run
 * (the reference). A benchmark, not a test: {@code ./mvnw verify -Pbenchmark -Dit.test=PlatformServicesBenchmark}.
 */
class PlatformServicesBenchmark {

    private static final int WRITES_PER_SECOND = 200;
    private static final int SECONDS = 10;
    private static final int JOBS = 100;
    private static final int MAILS = 500;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = TestSystem.operatorToken();

    @Test
    void platformServices() throws Exception {
        StringBuilder report = new StringBuilder("# Platform services\n\n");
        outboxLag(report);
        jobPickUp(report);
        mailThroughput(report);
        Path out =
                Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "platform-services.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void outboxLag(StringBuilder report) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long begin = System.nanoTime();
        int total = WRITES_PER_SECOND * SECONDS;
        pacer.scheduleAtFixedRate(
                () -> {
                    if (sent.size() < total) {
                        sent.add(http.sendAsync(
                                post("/api/v1/platform/probes/outbox"), HttpResponse.BodyHandlers.ofString()));
                    }
                },
                0,
                1_000_000 / WRITES_PER_SECOND,
                TimeUnit.MICROSECONDS);
        Await.until(
                "all probe writes sent",
                Duration.ofSeconds(SECONDS * 3L),
                () -> sent.size() >= total ? Optional.of(true) : Optional.empty());
        pacer.shutdownNow();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> reply : sent) {
            HttpResponse<String> response = reply.get();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("probe refused: " + response.body());
            }
            ids.add(json(response.body()).getString("id"));
        }
        double writeSeconds = (System.nanoTime() - begin) / 1e9;
        List<Long> lags = new ArrayList<>();
        for (String id : ids) {
            lags.add(Await.until("probe delivered", Duration.ofMinutes(2), () -> {
                JsonObject probe = Api.withToken(token)
                        .get("/api/v1/platform/probes/" + id)
                        .json();
                return probe.containsKey("completionMillis")
                        ? Optional.of(probe.getJsonNumber("completionMillis").longValue())
                        : Optional.empty();
            }));
        }
        Collections.sort(lags);
        report.append(String.format(
                "## Outbox delivery lag\n\n%d probe events written through the API at a target of %d/s (achieved %.0f/s);"
                        + " lag from the write (inside the transaction) to the consumer's completion:\n\n"
                        + "| p50 | p99 | max |\n|---|---|---|\n| %d ms | %d ms | %d ms |\n\n",
                total,
                WRITES_PER_SECOND,
                total / writeSeconds,
                percentile(lags, 50),
                percentile(lags, 99),
                lags.get(lags.size() - 1)));
    }

    private void jobPickUp(StringBuilder report) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            HttpResponse<String> created =
                    http.send(post("/api/v1/platform/probes/jobs"), HttpResponse.BodyHandlers.ofString());
            ids.add(json(created.body()).getString("id"));
            Thread.sleep(50);
        }
        List<Long> pickUps = new ArrayList<>();
        for (String id : ids) {
            pickUps.add(Await.until("job probe ran", Duration.ofMinutes(1), () -> {
                JsonObject probe = Api.withToken(token)
                        .get("/api/v1/platform/probes/" + id)
                        .json();
                return probe.containsKey("pickUpMillis")
                        ? Optional.of(probe.getJsonNumber("pickUpMillis").longValue())
                        : Optional.empty();
            }));
        }
        Collections.sort(pickUps);
        report.append(String.format(
                "## Job pick-up latency\n\n%d probe jobs due at once, scheduled 20 per second; from the due time (set"
                        + " inside the scheduling transaction) to the start of the run:\n\n"
                        + "| p50 | p99 | max |\n|---|---|---|\n| %d ms | %d ms | %d ms |\n\n",
                JOBS, percentile(pickUps, 50), percentile(pickUps, 99), pickUps.get(pickUps.size() - 1)));
    }

    /** Mail events are written straight into the outbox (as a use case would, in one transaction), then timed. */
    private void mailThroughput(StringBuilder report) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        long begin;
        try (Connection db = DriverManager.getConnection(
                TestSystem.profile().jdbcUrl(),
                TestSystem.profile().databaseUser(),
                TestSystem.profile().databasePassword())) {
            db.setAutoCommit(false);
            try (PreparedStatement write = db.prepareStatement(
                    "with e as (insert into platform.outbox_event (type, payload) values ('mail.requested',"
                            + " cast(? as jsonb)) returning id)"
                            + " insert into platform.outbox_delivery (event_id, consumer) select id, 'mail.send' from e")) {
                for (int i = 0; i < MAILS; i++) {
                    write.setString(
                            1,
                            "{\"to\":\"bench-" + run + "-" + i + "@mail.example\",\"template\":\"welcome\","
                                    + "\"locale\":\"en\",\"values\":{\"name\":\"Bench " + i
                                    + "\",\"roles\":\"student\"}}");
                    write.addBatch();
                }
                write.executeBatch();
            }
            begin = System.nanoTime();
            db.commit();
            db.setAutoCommit(true);
            Await.until("all mails delivered", Duration.ofMinutes(5), () -> {
                try (PreparedStatement pending = db.prepareStatement(
                        "select count(*) from platform.outbox_delivery d join platform.outbox_event e on e.id ="
                                + " d.event_id where d.status <> 'DELIVERED' and e.payload ->> 'to' like ?")) {
                    pending.setString(1, "bench-" + run + "-%");
                    try (ResultSet rows = pending.executeQuery()) {
                        rows.next();
                        return rows.getLong(1) == 0 ? Optional.of(true) : Optional.empty();
                    }
                } catch (java.sql.SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            });
        }
        double outboxSeconds = (System.nanoTime() - begin) / 1e9;

        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", Integer.toString(TestSystem.profile().smtpPort()));
        Session session = Session.getInstance(properties);
        long direct = System.nanoTime();
        for (int i = 0; i < MAILS; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(TestSystem.profile().mailFrom()));
            message.setRecipient(
                    Message.RecipientType.TO, new InternetAddress("direct-" + run + "-" + i + "@mail.example"));
            message.setSubject("Welcome to Atrium");
            message.setText("Hello Bench " + i);
            Transport.send(message);
        }
        double directSeconds = (System.nanoTime() - direct) / 1e9;
        double outboxRate = MAILS / outboxSeconds;
        double directRate = MAILS / directSeconds;
        report.append(String.format(
                "## E-mails through the outbox\n\n%d welcome messages (rendered from the templates, multipart text +"
                        + " HTML) from commit to all delivered to the local SMTP server, against the same number of"
                        + " plain messages sent straight to it by one Jakarta Mail client, one connection each:\n\n"
                        + "| through the outbox | straight to SMTP (reference) | ratio |\n|---|---|---|\n"
                        + "| %.0f/s | %.0f/s | %.2f |\n",
                MAILS, outboxRate, directRate, outboxRate / directRate));
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(TestSystem.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    private static JsonObject json(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return dev.atrium.testing.Percentiles.of(sorted).at(percent);
    }
}
