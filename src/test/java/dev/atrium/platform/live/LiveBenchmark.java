package dev.atrium.platform.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.stack.LocalStack;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.Percentiles;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Real-time delivery figures, written to {@code target/benchmarks/live.md}: with 1,000 WebSocket connections open on
 * one server (200 members, 5 devices each, all held by this load client), the send-to-delivery latency (the REST call
 * that sends, to the frame on the recipient's socket) p50/p99 for direct messages and for a 200-member group; the
 * messages per second sustained; the server's heap per connection; and the same delivery latency to sockets held by a
 * second Liberty replica sharing the database. The reference, measured in the same run: a bare PostgreSQL NOTIFY from
 * one connection to a LISTENing one (the hop every delivery takes). A benchmark, not a test:
 * {@code ./mvnw verify -Pbenchmark -Dit.test=LiveBenchmark}.
 */
class LiveBenchmark {

    private static final int MEMBERS = 200;
    private static final int DEVICES = 5;
    private static final int REPLICA_HTTP_PORT = 29180;
    private static final int REPLICA_HTTPS_PORT = 29543;

    private final HttpClient http = HttpClient.newHttpClient();
    private Tenant tenant;
    private final List<Member> members = Collections.synchronizedList(new ArrayList<>());

    /** One device's socket: when each message first arrived on it. */
    private static final class Device implements WebSocket.Listener {
        final Member member;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Device(Member member) {
            this.member = member;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.sendText("{\"type\":\"authenticate\",\"token\":\"" + member.token() + "\"}", true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.contains("\"message.created\"")) {
                    JsonObject frame = Json.createReader(new StringReader(text)).readObject();
                    arrivals.putIfAbsent(
                            frame.getJsonObject("data").getJsonObject("message").getString("id"), now);
                } else if (text.contains("\"ready\"")) {
                    ready.complete(null);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Test
    void live() throws Exception {
        StringBuilder report = new StringBuilder("# Live delivery\n\n");
        tenant = TestTenants.onboard("live-bench", "standard", "messaging");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> invited = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            invited.add(pool.submit(() -> {
                Member member = TestTenants.invite(tenant, "student");
                member.token();
                members.add(member);
            }));
        }
        for (Future<?> each : invited) {
            each.get();
        }

        long pid = TestSystem.applicationPid();
        long heapBefore = heapAfterFullGc(pid);
        List<Device> devices = open(TestSystem.baseUrl(), DEVICES);
        long heapAfter = heapAfterFullGc(pid);
        report.append(String.format(
                "%d connections open on one server (%d members × %d devices).%n%n"
                        + "| heap after full GC, no sockets | with %d sockets | per connection |%n|---|---|---|%n"
                        + "| %.1f MiB | %.1f MiB | %.1f KiB |%n%n",
                devices.size(),
                MEMBERS,
                DEVICES,
                devices.size(),
                heapBefore / 1048576.0,
                heapAfter / 1048576.0,
                (heapAfter - heapBefore) / 1024.0 / devices.size()));

        Percentiles notify = rawNotify(500);
        report.append(String.format(
                "Reference: a bare PostgreSQL NOTIFY to a LISTENing connection, %d times: p50 %.2f ms, p99 %.2f ms.%n%n",
                notify.count(), notify.at(50) / 1e6, notify.at(99) / 1e6));

        // Warm-up, not reported: the first few hundred deliveries compile the path (JIT) and fill the pools.
        direct(devices, 300, pool);
        report.append("| delivery | frames | p50 | p99 | max | p50 / NOTIFY p50 |\n|---|---|---|---|---|---|\n");
        report.append(row("direct message, 1,000 sockets open", direct(devices, 300, pool), notify));
        report.append(row("200-member group (1,000 sockets each message)", group(devices, 20), notify));
        report.append('\n');

        sustained(devices, pool, report);

        try (LocalStack.Replica replica = TestSystem.startReplica(REPLICA_HTTP_PORT, REPLICA_HTTPS_PORT)) {
            List<Device> remote = open(replica.baseUrl(), 1);
            List<Long> onReplica = new ArrayList<>();
            List<Long> onPrimary = new ArrayList<>();
            deliverDirect(devices, 200, pool, onPrimary, remote, onReplica);
            report.append(String.format(
                    "%nTwo replicas sharing one PostgreSQL: %d direct messages sent through the first; each recipient"
                            + " holds a socket on each replica.%n%n| socket on | p50 | p99 | max |%n|---|---|---|---|%n",
                    onReplica.size()));
            Percentiles primary = Percentiles.of(onPrimary);
            Percentiles second = Percentiles.of(onReplica);
            report.append(String.format(
                    "| the replica that took the send | %.1f ms | %.1f ms | %.1f ms |%n",
                    primary.at(50) / 1e6, primary.at(99) / 1e6, primary.max() / 1e6));
            report.append(String.format(
                    "| the other replica | %.1f ms | %.1f ms | %.1f ms |%n",
                    second.at(50) / 1e6, second.at(99) / 1e6, second.max() / 1e6));
            remote.forEach(device -> device.socket.abort());
        }
        devices.forEach(device -> device.socket.abort());
        pool.shutdown();

        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "live.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private List<Device> open(String baseUrl, int perMember) throws Exception {
        List<Device> devices = new ArrayList<>();
        URI uri = URI.create(baseUrl.replace("http", "ws") + "/t/" + tenant.slug() + "/api/v1/live/socket");
        for (Member member : members) {
            for (int i = 0; i < perMember; i++) {
                Device device = new Device(member);
                device.socket =
                        http.newWebSocketBuilder().buildAsync(uri, device).join();
                devices.add(device);
            }
        }
        for (Device device : devices) {
            device.ready.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        return devices;
    }

    /** Direct messages between pairs (member i writes to member i + half), a few at a time. */
    private Percentiles direct(List<Device> devices, int messages, ExecutorService pool) throws Exception {
        List<Long> latencies = new ArrayList<>();
        deliverDirect(devices, messages, pool, latencies, List.of(), new ArrayList<>());
        return Percentiles.of(latencies);
    }

    private void deliverDirect(
            List<Device> primary,
            int messages,
            ExecutorService pool,
            List<Long> onPrimary,
            List<Device> replica,
            List<Long> onReplica)
            throws Exception {
        int half = members.size() / 2;
        Map<Member, String> conversations = new ConcurrentHashMap<>();
        for (int i = 0; i < half; i++) {
            Member from = members.get(i);
            conversations.put(
                    from,
                    from.api()
                            .post(
                                    tenant.path("/conversations"),
                                    "{\"kind\":\"direct\",\"with\":\""
                                            + members.get(i + half).id() + "\"}")
                            .json()
                            .getString("id"));
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Member> recipientOf = new ConcurrentHashMap<>();
        List<Future<?>> sends = new ArrayList<>();
        for (int n = 0; n < messages; n++) {
            int pair = n % half;
            sends.add(pool.submit(() -> {
                Member from = members.get(pair);
                Api api = from.api(); // its token fetched (or reused) before the clock starts
                long begin = System.nanoTime();
                String id = send(api, conversations.get(from), "direct");
                sentAt.put(id, begin);
                recipientOf.put(id, members.get(pair + half));
            }));
            if (n % 10 == 9) {
                Thread.sleep(100); // 100 messages a second, so latency is measured below saturation
            }
        }
        for (Future<?> send : sends) {
            send.get();
        }
        collect(primary, sentAt, recipientOf, onPrimary);
        collect(replica, sentAt, recipientOf, onReplica);
    }

    /** Each message's arrival on every socket of its recipient. */
    private static void collect(
            List<Device> devices, Map<String, Long> sentAt, Map<String, Member> recipientOf, List<Long> into) {
        for (Device device : devices) {
            for (Map.Entry<String, Member> message : recipientOf.entrySet()) {
                if (message.getValue() == device.member) {
                    Long arrived = Await.until(
                            "delivery of " + message.getKey(),
                            Duration.ofSeconds(60),
                            () -> Optional.ofNullable(device.arrivals.get(message.getKey())));
                    into.add(arrived - sentAt.get(message.getKey()));
                }
            }
        }
    }

    /** Messages to a group of every member, each from another member, four a second. */
    private Percentiles group(List<Device> devices, int messages) throws Exception {
        Member owner = members.get(0);
        var everyone = Json.createArrayBuilder();
        members.stream().skip(1).forEach(member -> everyone.add(member.id()));
        String group = owner.api()
                .post(
                        tenant.path("/conversations"),
                        Json.createObjectBuilder()
                                .add("kind", "group")
                                .add("title", "Everyone")
                                .add("members", everyone)
                                .build()
                                .toString())
                .json()
                .getString("id");
        List<Long> latencies = new ArrayList<>();
        for (int n = 0; n < messages; n++) {
            Api api = members.get(n * 7 % members.size()).api();
            long begin = System.nanoTime();
            String id = send(api, group, "group");
            for (Device device : devices) {
                long arrived = Await.until(
                        "group delivery", Duration.ofSeconds(60), () -> Optional.ofNullable(device.arrivals.get(id)));
                latencies.add(arrived - begin);
            }
            Thread.sleep(250);
        }
        return Percentiles.of(latencies);
    }

    /** As many direct messages as 16 clients can send in 10 s, each sender within its rate limit. */
    private void sustained(List<Device> devices, ExecutorService pool, StringBuilder report) throws Exception {
        int half = members.size() / 2;
        Map<Member, String> conversations = new ConcurrentHashMap<>();
        for (int i = 0; i < half; i++) {
            Member from = members.get(i + half);
            conversations.put(
                    from,
                    from.api()
                            .post(
                                    tenant.path("/conversations"),
                                    "{\"kind\":\"direct\",\"with\":\""
                                            + members.get(i).id() + "\"}")
                            .json()
                            .getString("id"));
        }
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(10).toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long n = next.getAndIncrement();
                    if (n >= half * 20L) {
                        return;
                    }
                    Member from = members.get(half + (int) (n % half));
                    sent.add(send(from.api(), conversations.get(from), "load"));
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double sendSeconds = (System.nanoTime() - begin) / 1e9;
        List<String> ids = List.copyOf(sent);
        long deliveredBy = Await.until("every sustained message delivered", Duration.ofSeconds(120), () -> {
            long frames = devices.stream()
                    .filter(device -> members.indexOf(device.member) < half)
                    .mapToLong(device ->
                            ids.stream().filter(device.arrivals::containsKey).count())
                    .sum();
            return frames == (long) ids.size() * DEVICES ? Optional.of(System.nanoTime()) : Optional.empty();
        });
        double deliverSeconds = (deliveredBy - begin) / 1e9;
        report.append(String.format(
                "Sustained: %d direct messages sent by 16 clients in %.1f s (%.0f messages/s accepted); all %d frames"
                        + " (%d devices per recipient) delivered %.1f s after the first send (%.0f frames/s).%n",
                ids.size(),
                sendSeconds,
                ids.size() / sendSeconds,
                ids.size() * DEVICES,
                DEVICES,
                deliverSeconds,
                ids.size() * DEVICES / deliverSeconds));
    }

    private String send(Api from, String conversation, String text) {
        Api.Reply sent =
                from.post(tenant.path("/conversations/" + conversation + "/messages"), "{\"body\":\"" + text + "\"}");
        assertEquals(201, sent.status(), sent::toString);
        return sent.json().getString("id");
    }

    private static String row(String what, Percentiles latencies, Percentiles notify) {
        return String.format(
                "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f |%n",
                what,
                latencies.count(),
                latencies.at(50) / 1e6,
                latencies.at(99) / 1e6,
                latencies.max() / 1e6,
                (double) latencies.at(50) / notify.at(50));
    }

    /** NOTIFY on one connection, timed until the LISTENing connection has it. */
    private static Percentiles rawNotify(int times) throws Exception {
        List<Long> latencies = new ArrayList<>();
        try (Connection talker = connect();
                Connection listener = connect();
                Statement listen = listener.createStatement();
                Statement talk = talker.createStatement()) {
            listen.execute("LISTEN bench_reference");
            PGConnection postgres = listener.unwrap(PGConnection.class);
            for (int i = 0; i < times; i++) {
                long begin = System.nanoTime();
                talk.execute("NOTIFY bench_reference, '" + i + "'");
                while (postgres.getNotifications(1000).length == 0) {
                    // wait for it
                }
                latencies.add(System.nanoTime() - begin);
            }
        }
        return Percentiles.of(latencies);
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(
                TestSystem.profile().jdbcUrl(),
                TestSystem.profile().databaseUser(),
                TestSystem.profile().databasePassword());
    }

    /** The used heap of the server's JVM after a full collection (jcmd, from the same JDK). */
    private static long heapAfterFullGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(pid), "GC.run");
        String info = run(jcmd, Long.toString(pid), "GC.heap_info");
        java.util.regex.Matcher used =
                java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
