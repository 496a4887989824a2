package dev.atrium.stack.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A webhook endpoint for the tests, as the application's is: it takes Stripe's POSTs, keeps them, and verifies them
 * with stripe-java's {@link Webhook#constructEvent} and its secret. It can be told to fail the next deliveries.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Delivery(String body, String signature, String contentType) {}

    private final String secret;
    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Deque<Integer> nextStatuses = new ArrayDeque<>();

    private WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int status = record(new Delivery(
                        body,
                        exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static WebhookReceiver start(String secret) throws IOException {
        return new WebhookReceiver(secret);
    }

    private synchronized int record(Delivery delivery) {
        Integer status = nextStatuses.poll();
        if (status == null || status < 300) {
            deliveries.add(delivery);
        }
        return status == null ? 200 : status;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/api/v1/billing/stripe/webhook";
    }

    /** The next {@code count} deliveries are answered with the status (and not kept). */
    synchronized void answerNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            nextStatuses.add(status);
        }
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every delivery kept, verified with this receiver's secret, in arrival order. */
    List<Event> events() throws SignatureVerificationException {
        List<Event> events = new ArrayList<>();
        for (Delivery delivery : deliveries()) {
            events.add(Webhook.constructEvent(delivery.body(), delivery.signature(), secret));
        }
        return events;
    }

    List<String> types() throws SignatureVerificationException {
        return events().stream().map(Event::getType).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
