package dev.atrium.platform.media;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;
import org.junit.jupiter.api.Test;

/**
 * Media figures, written to {@code target/benchmarks/media.md}: upload and download throughput of a 10 MB file through
 * the API and of a 1 GB video (straight to storage up, streamed through the server down), with the server's heap
 * sampled during each transfer (jstat on the Liberty JVM); and the processing time of a 12-megapixel photo, against
 * decoding and thumbnailing the same photo in this JVM (the reference). A benchmark, not a test: {@code ./mvnw verify
 * -Pbenchmark -Dit.test=MediaBenchmark}.
 */
class MediaBenchmark {

    private static final long MB = 1_000_000L;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void media() throws Exception {
        Tenant tenant = TestTenants.onboard("mediab", "premium", "projects");
        Member member = TestTenants.invite(tenant, "professional");
        StringBuilder report = new StringBuilder("# Media\n\n");
        long pid = libertyPid();
        report.append("| transfer | size | time | throughput | server heap used during it (min / max) |\n")
                .append("|---|---|---|---|---|\n");

        // 10 MB through the API both ways.
        byte[] pdf = new byte[(int) (10 * MB)];
        byte[] header = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        HeapSampler heap = HeapSampler.start(pid);
        long begin = System.nanoTime();
        HttpResponse<String> uploaded = http.send(
                authorized(member, tenant.path("/media?kind=document&filename=big.pdf&visibility=public"))
                        .header("Content-Type", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;
        require(uploaded.statusCode() == 201, uploaded.body());
        row(report, "upload through the API", 10 * MB, seconds, heap.stop());
        String small = json(uploaded.body()).getString("id");
        heap = HeapSampler.start(pid);
        begin = System.nanoTime();
        long received = drain(tenant.path("/media/" + small + "/content"));
        row(
                report,
                "download through the API (streamed from storage)",
                received,
                (System.nanoTime() - begin) / 1e9,
                heap.stop());

        // 1 GB video: a real H.264 MP4 followed by a 1 GB free box, so that processing can read it.
        byte[] clip = SampleFiles.video(1);
        long padding = 1000 * MB;
        long size = clip.length + padding;
        Api.Reply started = member.api()
                .post(
                        tenant.path("/media/uploads"),
                        "{\"kind\": \"video\", \"filename\": \"big.mp4\", \"contentType\": \"video/mp4\","
                                + " \"visibility\": \"public\", \"size\": " + size + "}");
        require(started.status() == 201, started.toString());
        JsonObject upload = started.json().getJsonObject("upload");
        String big = started.json().getJsonObject("media").getString("id");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.getString("url")))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> video(clip, padding)), size));
        upload.getJsonObject("headers").forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                put.header(name, ((jakarta.json.JsonString) value).getString());
            }
        });
        heap = HeapSampler.start(pid);
        begin = System.nanoTime();
        HttpResponse<String> stored = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        seconds = (System.nanoTime() - begin) / 1e9;
        require(stored.statusCode() == 200, stored.body());
        row(report, "upload straight to storage (signed URL)", size, seconds, heap.stop());
        Api.Reply completed = member.api().post(tenant.path("/media/" + big + "/complete"), "");
        require(completed.status() == 200, completed.toString());
        long processingBegin = System.nanoTime();
        JsonObject ready = ready(member, tenant, big);
        double processing = (System.nanoTime() - processingBegin) / 1e9;
        heap = HeapSampler.start(pid);
        begin = System.nanoTime();
        received = drain(tenant.path("/media/" + big + "/content"));
        row(
                report,
                "download through the API (streamed from storage)",
                received,
                (System.nanoTime() - begin) / 1e9,
                heap.stop());
        report.append(String.format(
                "\nThe 1 GB video was processed (downloaded by the job, duration %d ms and a poster read) in %.1f s.%n%n",
                ready.getJsonNumber("durationMs").longValue(), processing));

        // A 12-megapixel photo.
        byte[] photo = SampleFiles.photo(4000, 3000);
        long localBegin = System.nanoTime();
        var decoded = ImageIO.read(new ByteArrayInputStream(photo));
        double decode = (System.nanoTime() - localBegin) / 1e9;
        localBegin = System.nanoTime();
        Thumbnails.of(decoded).size(320, 320).asBufferedImage();
        double thumbnail = (System.nanoTime() - localBegin) / 1e9;
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Reply sent =
                    member.api().upload(tenant.path("/media?kind=image&filename=photo.jpg"), "image/jpeg", photo);
            require(sent.status() == 201, sent.toString());
            long processBegin = System.nanoTime();
            ready(member, tenant, sent.json().getString("id"));
            runs.add((System.nanoTime() - processBegin) / 1e9);
        }
        runs.sort(Double::compare);
        report.append(String.format(
                "## A 12-megapixel photo (4000 × 3000 JPEG, %.1f MB)%n%n"
                        + "| processing in the server (upload answered → ready: download, upright re-encode without"
                        + " metadata, thumbnail, medium, three uploads), median of 3 | reference in this JVM: decode"
                        + " + 320 px thumbnail | ratio |%n|---|---|---|%n| %.2f s | %.2f s + %.2f s | %.1f |%n",
                photo.length / 1e6, runs.get(1), decode, thumbnail, runs.get(1) / (decode + thumbnail)));
        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "media.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static InputStream video(byte[] clip, long padding) {
        byte[] box = new byte[8];
        long boxSize = padding;
        box[0] = (byte) (boxSize >>> 24);
        box[1] = (byte) (boxSize >>> 16);
        box[2] = (byte) (boxSize >>> 8);
        box[3] = (byte) boxSize;
        box[4] = 'f';
        box[5] = 'r';
        box[6] = 'e';
        box[7] = 'e';
        return new SequenceInputStream(
                new SequenceInputStream(new ByteArrayInputStream(clip), new ByteArrayInputStream(box)),
                new ZeroStream(padding - 8));
    }

    /** {@code length} zero bytes, without holding them. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    private long drain(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(dev.atrium.testing.TestSystem.baseUrl() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        require(response.statusCode() == 200, "download " + response.statusCode());
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream body = response.body()) {
            int read;
            while ((read = body.read(buffer)) != -1) {
                total += read;
            }
        }
        return total;
    }

    private static HttpRequest.Builder authorized(Member member, String path) {
        return HttpRequest.newBuilder(URI.create(dev.atrium.testing.TestSystem.baseUrl() + path))
                .header("Authorization", "Bearer " + member.token());
    }

    private static JsonObject ready(Member member, Tenant tenant, String id) {
        return Await.until("medium ready", Duration.ofMinutes(10), () -> {
            JsonObject medium = member.api().get(tenant.path("/media/" + id)).json();
            require(!medium.getString("status").equals("failed"), medium.toString());
            return medium.getString("status").equals("ready") ? Optional.of(medium) : Optional.empty();
        });
    }

    private static void row(StringBuilder report, String what, long bytes, double seconds, long[] heap) {
        report.append(String.format(
                "| %s | %.0f MB | %.2f s | %.0f MB/s | %d / %d MB |%n",
                what, bytes / 1e6, seconds, bytes / 1e6 / seconds, heap[0] / (1 << 20), heap[1] / (1 << 20)));
    }

    private static JsonObject json(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject();
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    /** The Liberty JVM of the test system (its command line names the test server). */
    private static long libertyPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("atrium-it"))
                .filter(p -> p.info().command().orElse("").endsWith("java"))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Liberty JVM found"));
    }

    /** Samples the used heap of a JVM every 100 ms with jstat while a transfer runs. */
    private static final class HeapSampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong max = new AtomicLong();
        private Thread thread;

        static HeapSampler start(long pid) {
            HeapSampler sampler = new HeapSampler();
            String jstat =
                    Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
            sampler.thread = new Thread(() -> {
                while (sampler.running.get()) {
                    try {
                        Process process = new ProcessBuilder(jstat, "-gc", Long.toString(pid)).start();
                        List<String> lines = new String(process.getInputStream().readAllBytes())
                                .lines()
                                .toList();
                        process.waitFor();
                        if (lines.size() == 2) {
                            String[] names = lines.get(0).trim().split("\\s+");
                            String[] values = lines.get(1).trim().split("\\s+");
                            double used = 0;
                            for (int i = 0; i < names.length; i++) {
                                if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                                    used += Double.parseDouble(values[i]);
                                }
                            }
                            long bytes = (long) (used * 1024);
                            sampler.min.accumulateAndGet(bytes, Math::min);
                            sampler.max.accumulateAndGet(bytes, Math::max);
                        }
                        Thread.sleep(100);
                    } catch (Exception stopped) {
                        return;
                    }
                }
            });
            sampler.thread.start();
            return sampler;
        }

        long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return new long[] {min.get() == Long.MAX_VALUE ? 0 : min.get(), max.get()};
        }
    }
}
