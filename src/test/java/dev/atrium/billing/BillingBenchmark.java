package dev.atrium.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.stack.stripe.LocalStripe;
import dev.atrium.testing.Api;
import dev.atrium.testing.Percentiles;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Billing figures, written to {@code target/benchmarks/billing.md}: the time from a Checkout completed at Stripe to the
 * entitlement being usable through the API (p50/p99, one purchase at a time), and the webhook events applied per second
 * when a burst of purchases' events is released at once. The reference, measured in the same run: how fast the same
 * burst is only received (verified, queued and answered 200, which is all Stripe waits for). A benchmark, not a test:
 * {@code ./mvnw verify -Pbenchmark -Dit.test=BillingBenchmark}.
 */
class BillingBenchmark {

    private static final int SEQUENTIAL = 100;
    private static final int BURST = 200;

    private Tenant tenant;

    @Test
    void checkoutToEntitlementAndWebhookThroughput() throws Exception {
        tenant = TestTenants.onboard("bench", "premium", "billing");
        Member buyer = TestTenants.invite(tenant, "client");
        List<String> items = items(SEQUENTIAL + BURST);
        LocalStripe stripe = TestSystem.stripe();

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            String session = checkout(buyer, items.get(i));
            stripe.payCheckoutSession(session, "pm_card_visa");
            long paid = System.nanoTime();
            String entitlement = "\"bench-" + i + "\"";
            while (!buyer.api().get(tenant.path("/billing/entitlements")).body().contains(entitlement)) {
                Thread.onSpinWait();
            }
            latencies.add(System.nanoTime() - paid);
        }

        List<String> sessions = new ArrayList<>();
        for (int i = SEQUENTIAL; i < SEQUENTIAL + BURST; i++) {
            sessions.add(checkout(buyer, items.get(i)));
        }
        // Everything the checkouts sent so far delivered and applied, so that only the burst is counted.
        OffsetDateTime since = OffsetDateTime.now().minusMinutes(10);
        stripe.awaitWebhookDeliveries(Duration.ofMinutes(1));
        long appliedBefore = appliedSince(since);
        for (long settled = -1; settled != appliedBefore; ) {
            settled = appliedBefore;
            Thread.sleep(500);
            appliedBefore = appliedSince(since);
        }
        stripe.holdWebhooks();
        for (String session : sessions) {
            stripe.payCheckoutSession(session, "pm_card_visa");
        }
        long released = System.nanoTime();
        int events = stripe.releaseWebhooks(LocalStripe.ReleaseOrder.CREATED);
        stripe.awaitWebhookDeliveries(Duration.ofMinutes(5));
        long received = System.nanoTime() - released;
        while (entitlements(buyer) < SEQUENTIAL + BURST) {
            Thread.sleep(20);
        }
        long applied = System.nanoTime() - released;
        long queued = appliedSince(since) - appliedBefore;

        Percentiles latency = Percentiles.of(latencies);
        String report = String.format(
                """
                # Billing

                One Liberty, the local Stripe and PostgreSQL on this machine (2 cores, shared).

                ## Checkout completed to entitlement usable

                %d purchases one after another: the time from the local Stripe completing the payment (its events
                sent) to `GET /billing/entitlements` showing what the purchase grants.

                | p50 | p99 | max |
                |---|---|---|
                | %.0f ms | %.0f ms | %.0f ms |

                ## Webhook events

                %d purchases paid while deliveries were held, then %d events released at once.

                | | time | events per second |
                |---|---|---|
                | received: all delivered, verified, queued if billing acts on them, answered 200 (the reference) | %.2f s | %.0f delivered |
                | applied: every purchase's entitlement usable (%d events acted on, each re-read from Stripe and recorded once) | %.2f s | %.0f acted on |

                Applied / received (time): %.1f×.
                """,
                SEQUENTIAL,
                latency.at(50) / 1e6,
                latency.at(99) / 1e6,
                latency.max() / 1e6,
                BURST,
                events,
                received / 1e9,
                events / (received / 1e9),
                queued,
                applied / 1e9,
                queued / (applied / 1e9),
                (double) applied / received);
        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "billing.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** How many of the benchmark's entitlements the member holds now. */
    private int entitlements(Member member) {
        return member.api().get(tenant.path("/billing/entitlements")).body().split("\"bench-", -1).length - 1;
    }

    private List<String> items(int count) {
        List<String> ids = new ArrayList<>();
        Api admin = tenant.admin().api();
        for (int i = 0; i < count; i++) {
            Api.Reply made = admin.post(
                    tenant.path("/billing/products"),
                    "{\"name\": \"Item " + i + "\", \"currency\": \"eur\", \"priceOnce\": " + (100 + i)
                            + ", \"entitlements\": [\"bench-" + i + "\"]}");
            assertEquals(201, made.status(), made::toString);
            ids.add(made.json().getString("id"));
        }
        return ids;
    }

    private String checkout(Member member, String item) {
        Api.Reply reply = member.api().post(tenant.path("/billing/products/" + item + "/checkout"), "{}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    /** Stripe events applied (or deliberately ignored) since a moment, as their marks in the platform schema say. */
    private static long appliedSince(OffsetDateTime since) throws Exception {
        try (Connection db = DriverManager.getConnection(
                        TestSystem.profile().jdbcUrl(),
                        TestSystem.profile().databaseUser(),
                        TestSystem.profile().databasePassword());
                PreparedStatement count =
                        db.prepareStatement("select count(*) from platform.stripe_event where processed_at >= ?")) {
            count.setObject(1, since);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
