package dev.atrium.stack.stripe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends events to webhook endpoints from one thread, in the order the events were made, signed as Stripe signs them.
 * A delivery that gets no answer or a non-2xx status is tried again on the {@link RetrySchedule} while later ones go
 * ahead, and one line is logged per failure. Deliveries can be held and released in order or reversed, to test a
 * receiver against late and out-of-order events.
 */
final class Deliveries implements AutoCloseable {

    /** One event to one endpoint, with the body signed at each attempt. */
    record Delivery(String eventId, String eventType, String endpointId, String url, String secret, String body) {}

    private record Attempt(Delivery delivery, int number, long dueNanos, long order) {}

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final RetrySchedule schedule;
    private final Clock clock;
    private final Consumer<Delivery> delivered;
    private final PriorityQueue<Attempt> queue =
            new PriorityQueue<>(Comparator.comparingLong(Attempt::dueNanos).thenComparingLong(Attempt::order));
    private final List<Delivery> held = new ArrayList<>();
    private final Thread thread;
    private long order;
    private boolean holding;
    private boolean closed;
    private Socket sending;

    /** Starts the delivery thread; {@code delivered} is told of each delivery an endpoint accepted. */
    Deliveries(RetrySchedule schedule, Clock clock, Consumer<Delivery> delivered) {
        this.schedule = schedule;
        this.clock = clock;
        this.delivered = delivered;
        this.thread = new Thread(this::run, "local-stripe-webhooks");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    synchronized void enqueue(Delivery delivery) {
        if (holding) {
            held.add(delivery);
            return;
        }
        schedule(delivery, 1, System.nanoTime());
    }

    private void schedule(Delivery delivery, int attempt, long dueNanos) {
        queue.add(new Attempt(delivery, attempt, dueNanos, order++));
        notifyAll();
    }

    /** From now on deliveries wait until {@link #release}. */
    synchronized int hold() {
        holding = true;
        return held.size();
    }

    /** Sends the held deliveries, in the order their events were made or the reverse, and stops holding. */
    synchronized int release(boolean reversed) {
        holding = false;
        List<Delivery> released = new ArrayList<>(held);
        held.clear();
        if (reversed) {
            Collections.reverse(released);
        }
        long now = System.nanoTime();
        released.forEach(delivery -> schedule(delivery, 1, now));
        return released.size();
    }

    synchronized int heldCount() {
        return held.size();
    }

    /** Waits until nothing is due or being sent (held deliveries aside); false if that took longer than the timeout. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() || sending != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void run() {
        while (true) {
            Attempt attempt = next();
            if (attempt == null) {
                return;
            }
            String failure = send(attempt.delivery());
            finish(attempt, failure);
        }
    }

    private synchronized Attempt next() {
        try {
            while (!closed && (queue.isEmpty() || queue.peek().dueNanos() > System.nanoTime())) {
                wait(queue.isEmpty() ? 0 : Math.max(1, (queue.peek().dueNanos() - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException interrupted) {
            return null;
        }
        if (closed) {
            return null;
        }
        sending = new Socket();
        return queue.poll();
    }

    private void finish(Attempt attempt, String failure) {
        synchronized (this) {
            sending = null;
            if (failure != null && !closed) {
                retryOrGiveUp(attempt, failure);
            }
            notifyAll();
        }
        if (failure == null) {
            delivered.accept(attempt.delivery());
        }
    }

    private void retryOrGiveUp(Attempt attempt, String failure) {
        Delivery delivery = attempt.delivery();
        boolean again = attempt.number() < schedule.attempts();
        Duration wait = schedule.after(attempt.number());
        System.out.printf(
                "[stripe] webhook %s (%s) to %s failed on attempt %d of %d: %s; %s%n",
                delivery.eventId(),
                delivery.eventType(),
                delivery.url(),
                attempt.number(),
                schedule.attempts(),
                failure,
                again ? "trying again in " + wait.toMillis() / 1000.0 + " s" : "giving up");
        if (again) {
            schedule(delivery, attempt.number() + 1, System.nanoTime() + wait.toNanos());
        }
    }

    /** Posts the event; null when the endpoint answered 2xx, else what went wrong. */
    private String send(Delivery delivery) {
        Socket socket;
        synchronized (this) {
            socket = sending;
        }
        try (socket) {
            int status = post(socket, delivery);
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException | RuntimeException failed) {
            return failed.getClass().getSimpleName() + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
        }
    }

    /**
     * A plain HTTP/1.1 POST that closes its connection, on a socket {@link #close()} can close: no connection pool and
     * no client threads outlive the server.
     */
    private int post(Socket plain, Delivery delivery) throws IOException {
        URI url = URI.create(delivery.url());
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        plain.connect(new InetSocketAddress(url.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
        plain.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
        Socket socket = tls
                ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, url.getHost(), port, true)
                : plain;
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String signature =
                WebhookSignature.header(delivery.secret(), clock.instant().getEpochSecond(), delivery.body());
        String head = "POST " + target + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "") + "\r\n"
                + "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)\r\n"
                + "Accept: */*; q=0.5, application/xml\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Stripe-Signature: " + signature + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String statusLine = in.readLine();
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("no HTTP answer");
        }
        String[] parts = statusLine.split(" ", 3);
        return Integer.parseInt(parts[1]);
    }

    /** Stops the thread, abandoning what was not delivered (the events stay retrievable and can be redelivered). */
    @Override
    public void close() {
        Socket current;
        synchronized (this) {
            closed = true;
            current = sending;
            notifyAll();
        }
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing only to unblock the delivery thread
            }
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
