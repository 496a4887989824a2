package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenancy figures, written to {@code target/benchmarks/tenancy.md}: onboarding time per tenant (split into schema and
 * Keycloak) and the latency of {@code GET /members/me} with few versus 100 tenants. A benchmark, not a test: it
 * asserts only that requests succeed. Run with {@code ./mvnw verify -Pbenchmark}.
 */
class TenancyBenchmark {

    private static final int ONBOARDINGS = 20;
    private static final int TENANTS = 100;
    private static final int WARM_UP = 300;
    private static final int SAMPLES = 2000;

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void onboardingAndMemberLatency() throws IOException {
        TestTenants.Tenant measured = TestTenants.onboard("bench");
        long tenantsAtStart = tenantCount();
        String few = latency(measured);

        List<Long> schema = new ArrayList<>();
        List<Long> identity = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        while (tenantCount() < TENANTS) {
            String slug = TestTenants.uniqueSlug("bench");
            long started = System.nanoTime();
            Api.Reply reply = operator.post(
                    "/api/v1/platform/tenants", TestTenants.definition(slug, "admin@" + slug + ".example"));
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            assertEquals(201, reply.status(), reply::toString);
            if (total.size() < ONBOARDINGS) {
                JsonObject timings = reply.json().getJsonObject("timings");
                schema.add(timings.getJsonNumber("schemaMillis").longValue());
                identity.add(timings.getJsonNumber("identityMillis").longValue());
                total.add(timings.getJsonNumber("totalMillis").longValue());
                wall.add(elapsed);
            }
        }
        String many = latency(measured);

        String report = """
                # Tenancy benchmark

                Machine: %d cores, Java %s; embedded PostgreSQL, Keycloak and Liberty on one host (the test stack).

                ## Onboarding, %d tenants one after another (ms)

                | part | median | max |
                |---|---|---|
                | schema + migrations | %d | %d |
                | Keycloak (organisation, client, roles, first admin) | %d | %d |
                | total, measured by the server | %d | %d |
                | total, measured by the caller (HTTP round trip) | %d | %d |

                ## GET /t/{slug}/api/v1/members/me, %d sequential requests after %d warm-up (ms)

                | tenants onboarded | p50 | p90 | p99 | max |
                |---|---|---|---|---|
                | %d | %s |
                | %d | %s |
                """.formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        ONBOARDINGS,
                        median(schema),
                        Collections.max(schema),
                        median(identity),
                        Collections.max(identity),
                        median(total),
                        Collections.max(total),
                        median(wall),
                        Collections.max(wall),
                        SAMPLES,
                        WARM_UP,
                        tenantsAtStart,
                        few,
                        tenantCount(),
                        many);
        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "tenancy.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private String latency(TestTenants.Tenant tenant) {
        Api api = Api.withToken(tenant.admin().token());
        String path = tenant.path("/members/me");
        for (int i = 0; i < WARM_UP; i++) {
            assertEquals(200, api.get(path).status());
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            assertEquals(200, api.get(path).status());
            samples.add((System.nanoTime() - started) / 1_000_000.0);
        }
        Collections.sort(samples);
        return "%.2f | %.2f | %.2f | %.2f"
                .formatted(
                        percentile(samples, 50),
                        percentile(samples, 90),
                        percentile(samples, 99),
                        samples.get(samples.size() - 1));
    }

    private long tenantCount() {
        return operator.get("/api/v1/platform/tenants?size=1")
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
