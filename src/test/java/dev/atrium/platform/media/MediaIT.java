package dev.atrium.platform.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Media through the real S3 server of the test system: uploads checked against their bytes, sizes and the plan's
 * quota; images processed (variants, metadata gone); video and audio durations and a poster; public media cached and
 * streamed in ranges; private media through signed URLs; large uploads straight to storage; and no way into another
 * tenant's media.
 */
class MediaIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Tenant tenant;
    private static Member student;

    @BeforeAll
    static void tenant() {
        tenant = TestTenants.onboard("media");
        student = TestTenants.invite(tenant, "student");
    }

    @Test
    void anImageIsStoredProcessedIntoVariantsAndLosesItsMetadata() throws Exception {
        byte[] photo = SampleFiles.jpegWithComment(2000, 1500);
        Api.Reply uploaded = student.api()
                .upload(path("/media?kind=image&filename=photo.jpg&visibility=public"), "image/jpeg", photo);
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertTrue(uploaded.header("Location").isPresent());
        String id = uploaded.json().getString("id");

        JsonObject ready = ready(student.api(), id);
        assertEquals(2000, ready.getInt("width"));
        assertEquals(1500, ready.getInt("height"));
        assertEquals(
                "[\"thumbnail\",\"medium\"]", ready.getJsonArray("variants").toString());

        HttpResponse<byte[]> original = Api.anonymous().download(path("/media/" + id + "/content"));
        assertEquals(200, original.statusCode());
        assertEquals("image/jpeg", original.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(
                new String(original.body(), StandardCharsets.ISO_8859_1).contains(SampleFiles.SECRET_COMMENT),
                "the comment is gone from the stored original");
        assertTrue(new String(photo, StandardCharsets.ISO_8859_1).contains(SampleFiles.SECRET_COMMENT));

        BufferedImage thumbnail = image(Api.anonymous().download(path("/media/" + id + "/content?variant=thumbnail")));
        assertEquals(320, thumbnail.getWidth());
        assertEquals(240, thumbnail.getHeight());
        BufferedImage medium = image(Api.anonymous().download(path("/media/" + id + "/content?variant=medium")));
        assertEquals(1280, medium.getWidth());
        assertEquals(
                404,
                Api.anonymous()
                        .download(path("/media/" + id + "/content?variant=huge"))
                        .statusCode());
    }

    @Test
    void publicMediaAreCachedForAYearAndStreamedInRanges() {
        String id = uploadReady(SampleFiles.png(300, 200), "image", "image/png", "chart.png", "public");
        HttpResponse<byte[]> whole = Api.anonymous().download(path("/media/" + id + "/content"));
        assertEquals(200, whole.statusCode());
        String cache = whole.headers().firstValue("Cache-Control").orElseThrow();
        assertTrue(cache.contains("max-age=31536000") && cache.contains("immutable"), cache);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());

        HttpResponse<byte[]> part =
                Api.anonymous().download(path("/media/" + id + "/content"), "Range", "bytes=10-109");
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes 10-109/" + whole.body().length,
                part.headers().firstValue("Content-Range").orElseThrow());
        assertEquals(100, part.body().length);
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.body(), 10, 110), part.body());

        HttpResponse<byte[]> unchanged =
                Api.anonymous().download(path("/media/" + id + "/content"), "If-None-Match", etag);
        assertEquals(304, unchanged.statusCode());
    }

    @Test
    void aDeclaredTypeThatTheBytesContradictIsRefusedAndNothingIsStored() {
        long before = storageUsed();
        Api.Reply lie = student.api()
                .upload(path("/media?kind=image&filename=cat.png"), "image/png", SampleFiles.jpegWithComment(100, 100));
        assertEquals(415, lie.status(), lie::toString);
        assertTrue(lie.json().getString("type").endsWith("/media-content-mismatch"), lie::toString);
        Api.Reply script = student.api()
                .upload(
                        path("/media?kind=image&filename=x.jpg"),
                        "image/jpeg",
                        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, script.status(), script::toString);
        Api.Reply wrongKind = student.api()
                .upload(
                        path("/media?kind=image&filename=notes.txt"),
                        "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, wrongKind.status(), wrongKind::toString);
        assertTrue(wrongKind.json().getString("type").endsWith("/media-type-not-accepted"), wrongKind::toString);
        Api.Reply unknownKind =
                student.api().upload(path("/media?kind=hologram&filename=x.bin"), "image/png", SampleFiles.png(10, 10));
        assertEquals(400, unknownKind.status(), unknownKind::toString);
        Api.Reply empty = student.api().upload(path("/media?kind=image&filename=x.png"), "image/png", new byte[0]);
        assertEquals(400, empty.status(), empty::toString);
        assertEquals(before, storageUsed(), "nothing refused counts against the quota");
    }

    @Test
    void aHeadOfPublicContentAnswersItsHeadersAndAnImageBombFailsWithoutHarm() throws Exception {
        String id = uploadReady(SampleFiles.png(120, 80), "image", "image/png", "head.png", "public");
        HttpResponse<Void> head = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(dev.atrium.testing.TestSystem.baseUrl() + path("/media/" + id + "/content")))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        long length =
                Api.anonymous().download(path("/media/" + id + "/content")).body().length;
        assertEquals(
                Long.toString(length),
                head.headers().firstValue("Content-Length").orElseThrow());

        Api.Reply bomb = student.api()
                .upload(
                        path("/media?kind=image&filename=bomb.png"),
                        "image/png",
                        SampleFiles.pngClaiming(60_000, 60_000));
        assertEquals(201, bomb.status(), bomb::toString);
        String bombId = bomb.json().getString("id");
        JsonObject failed = Await.until("the bomb refused", Duration.ofSeconds(30), () -> {
            JsonObject medium = student.api().get(path("/media/" + bombId)).json();
            return medium.getString("status").equals("failed") ? Optional.of(medium) : Optional.empty();
        });
        assertTrue(failed.getString("failure").contains("pixels"), failed::toString);
        assertEquals(200, Api.anonymous().get("/health/live").status(), "the server is fine");
    }

    @Test
    void aFileNameWithControlCharactersOrFoldersIsRefused() {
        for (String name : new String[] {"a%0D%0AX-Injected:%201.png", "..%2F..%2Fetc.png", "a%5Cb.png"}) {
            Api.Reply refused = student.api()
                    .upload(path("/media?kind=image&filename=" + name), "image/png", SampleFiles.png(10, 10));
            assertEquals(400, refused.status(), name + ": " + refused);
        }
        String id = uploadReady(SampleFiles.png(10, 10), "image", "image/png", "caf%C3%A9%20menu.png", "public");
        String disposition = Api.anonymous()
                .download(path("/media/" + id + "/content"))
                .headers()
                .firstValue("Content-Disposition")
                .orElseThrow();
        assertTrue(disposition.contains("filename*=UTF-8''caf%C3%A9%20menu.png"), disposition);
    }

    @Test
    void aFileOverItsKindsLimitIsRefusedBeforeItIsStored() {
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(SampleFiles.png(10, 10), 0, big, 0, 50);
        Api.Reply refused = student.api().upload(path("/media?kind=image&filename=big.png"), "image/png", big);
        assertEquals(413, refused.status(), refused::toString);
        assertTrue(refused.json().getString("detail").contains("/media/uploads"), refused::toString);
    }

    @Test
    void anUploadPastThePlansStorageQuotaOrItsKindsLimitIsRefused() {
        Api.Reply refusedAgain = student.api()
                .post(
                        path("/media/uploads"),
                        "{\"kind\": \"video\", \"filename\": \"film.mp4\", \"contentType\": \"video/mp4\","
                                + " \"size\": 3000000000}");
        assertEquals(413, refusedAgain.status(), refusedAgain::toString);
        Tenant trial = TestTenants.onboard("mediaq", "trial", "projects");
        Api.Reply overQuota = trial.admin()
                .api()
                .post(
                        trial.path("/media/uploads"),
                        "{\"kind\": \"video\", \"filename\": \"film.mp4\", \"contentType\": \"video/mp4\","
                                + " \"size\": 104857601}");
        assertEquals(409, overQuota.status(), overQuota::toString);
        assertTrue(overQuota.json().getString("type").endsWith("/quota-exceeded"), overQuota::toString);
    }

    @Test
    void aLargeUploadGoesStraightToStorageAndIsCheckedWhenCompleted() throws Exception {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        Api.Reply started = student.api()
                .post(
                        path("/media/uploads"),
                        "{\"kind\": \"document\", \"filename\": \"syllabus.pdf\", \"contentType\": \"application/pdf\","
                                + " \"size\": " + pdf.length + "}");
        assertEquals(201, started.status(), started::toString);
        String id = started.json().getJsonObject("media").getString("id");
        assertEquals("awaiting-upload", started.json().getJsonObject("media").getString("status"));
        assertEquals(200, put(started.json().getJsonObject("upload"), pdf), "stored by S3");

        Api.Reply completed = student.api().post(path("/media/" + id + "/complete"), "");
        assertEquals(200, completed.status(), completed::toString);
        assertEquals("ready", completed.json().getString("status"));
        JsonObject signed = student.api().get(path("/media/" + id + "/url")).json();
        HttpResponse<byte[]> fetched = HTTP.send(
                HttpRequest.newBuilder(URI.create(signed.getString("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(pdf, fetched.body());
        byte[] swapped = pdf.clone();
        swapped[pdf.length - 2] = 'X';
        put(started.json().getJsonObject("upload"), swapped);
        HttpResponse<byte[]> still = HTTP.send(
                HttpRequest.newBuilder(URI.create(student.api()
                                .get(path("/media/" + id + "/url"))
                                .json()
                                .getString("url")))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(pdf, still.body(), "the signed URL used again does not replace the checked file");

        byte[] text = "just text, not a pdf".getBytes(StandardCharsets.US_ASCII);
        Api.Reply lying = student.api()
                .post(
                        path("/media/uploads"),
                        "{\"kind\": \"document\", \"filename\": \"fake.pdf\", \"contentType\": \"application/pdf\","
                                + " \"size\": " + text.length + "}");
        String fake = lying.json().getJsonObject("media").getString("id");
        put(lying.json().getJsonObject("upload"), text);
        Api.Reply refused = student.api().post(path("/media/" + fake + "/complete"), "");
        assertEquals(415, refused.status(), refused::toString);
        assertEquals(404, student.api().get(path("/media/" + fake)).status(), "the refused upload is gone");

        Api.Reply early = student.api()
                .post(
                        path("/media/uploads"),
                        "{\"kind\": \"document\", \"filename\": \"later.pdf\", \"contentType\": \"application/pdf\","
                                + " \"size\": 10}");
        Api.Reply notYet = student.api()
                .post(path("/media/" + early.json().getJsonObject("media").getString("id") + "/complete"), "");
        assertEquals(400, notYet.status(), notYet::toString);
    }

    @Test
    void aVideoGetsItsDurationAndAPosterAndAudioItsDuration() {
        String video = uploadReady(SampleFiles.video(2), "video", "video/mp4", "clip.mp4", "public");
        JsonObject clip = student.api().get(path("/media/" + video)).json();
        assertTrue(Math.abs(clip.getJsonNumber("durationMs").longValue() - 2000) <= 250, clip::toString);
        assertEquals("[\"poster\"]", clip.getJsonArray("variants").toString());
        HttpResponse<byte[]> poster = Api.anonymous().download(path("/media/" + video + "/content?variant=poster"));
        assertEquals(200, poster.statusCode());
        assertEquals(160, image(poster).getWidth());

        String sound = uploadReady(SampleFiles.wave(1500), "audio", "audio/wav", "tone.wav", "private");
        JsonObject tone = student.api().get(path("/media/" + sound)).json();
        assertEquals(1500, tone.getJsonNumber("durationMs").longValue(), tone::toString);

        String song = uploadReady(SampleFiles.mp3(100), "audio", "audio/mpeg", "song.mp3", "private");
        JsonObject mp3 = student.api().get(path("/media/" + song)).json();
        long expected = 100 * 1152 * 1000L / 44100;
        assertTrue(Math.abs(mp3.getJsonNumber("durationMs").longValue() - expected) <= 100, mp3::toString);
        assertFalse(mp3.containsKey("note"), mp3::toString);
    }

    @Test
    void privateMediaAreForTheirUploaderAndAdminsThroughShortLivedUrls() throws Exception {
        String id = uploadReady(SampleFiles.png(50, 50), "image", "image/png", "private.png", "private");
        Member other = TestTenants.invite(tenant, "student");
        assertEquals(404, other.api().get(path("/media/" + id)).status());
        assertEquals(
                404, Api.anonymous().download(path("/media/" + id + "/content")).statusCode());
        assertEquals(200, tenant.admin().api().get(path("/media/" + id)).status());
        JsonObject signed = student.api()
                .get(path("/media/" + id + "/url?variant=thumbnail"))
                .json();
        HttpResponse<byte[]> fetched = HTTP.send(
                HttpRequest.newBuilder(URI.create(signed.getString("url"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertEquals(404, other.api().delete(path("/media/" + id)).status(), "not theirs to delete, nor to see");
        assertEquals(200, student.api().get(path("/media/" + id)).status());
    }

    @Test
    void anotherTenantNeverReachesTheseMediaByIdOrUrl() {
        String id = uploadReady(SampleFiles.png(40, 40), "image", "image/png", "ours.png", "public");
        Tenant other = TestTenants.onboard("mediax");
        assertEquals(404, other.admin().api().get(other.path("/media/" + id)).status());
        assertEquals(
                404,
                Api.anonymous()
                        .download(other.path("/media/" + id + "/content"))
                        .statusCode());
        assertEquals(
                404,
                other.admin().api().get(other.path("/media/" + id + "/url")).status());
        assertEquals(404, other.admin().api().delete(other.path("/media/" + id)).status());
        Api.Reply crossToken = other.admin().api().get(path("/media/" + id));
        assertEquals(403, crossToken.status(), crossToken::toString);
        assertEquals(
                200, Api.anonymous().download(path("/media/" + id + "/content")).statusCode());
    }

    @Test
    void aDeletedMediumIsGoneAndItsBytesFollow() throws Exception {
        String id = uploadReady(SampleFiles.png(40, 40), "image", "image/png", "gone.png", "private");
        String url = student.api().get(path("/media/" + id + "/url")).json().getString("url");
        assertEquals(204, student.api().delete(path("/media/" + id)).status());
        assertEquals(404, student.api().get(path("/media/" + id)).status());
        Await.until("the object deleted from storage", Duration.ofSeconds(30), () -> {
            try {
                int status = HTTP.send(
                                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status == 404 ? Optional.of(true) : Optional.empty();
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
    }

    @Test
    void theSweepRemovesUploadsNothingOwnsAfterADayAndKeepsTheRest() throws Exception {
        String stale = uploadReady(SampleFiles.png(30, 30), "image", "image/png", "stale.png", "private");
        String fresh = uploadReady(SampleFiles.png(30, 30), "image", "image/png", "fresh.png", "private");
        String url = student.api().get(path("/media/" + stale + "/url")).json().getString("url");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        dev.atrium.testing.TestSystem.profile().jdbcUrl(),
                        dev.atrium.testing.TestSystem.profile().databaseUser(),
                        dev.atrium.testing.TestSystem.profile().databasePassword());
                java.sql.PreparedStatement age = db.prepareStatement("update \"t_"
                        + tenant.slug().replace('-', '_') + "\".media set created_at = now() - interval '2 days'"
                        + " where id = ?::uuid")) {
            age.setString(1, stale);
            assertEquals(1, age.executeUpdate());
        }
        Api operator = Api.withToken(dev.atrium.testing.TestSystem.operatorToken());
        assertEquals(
                204,
                operator.post("/api/v1/platform/jobs/recurring/media.sweep/run", "")
                        .status());
        Await.until(
                "the stale upload swept",
                Duration.ofSeconds(30),
                () -> student.api().get(path("/media/" + stale)).status() == 404
                        ? Optional.of(true)
                        : Optional.empty());
        assertEquals(200, student.api().get(path("/media/" + fresh)).status(), "a recent upload stays");
        Await.until("its bytes deleted", Duration.ofSeconds(30), () -> {
            try {
                return HTTP.send(
                                                HttpRequest.newBuilder(URI.create(url))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 404
                        ? Optional.of(true)
                        : Optional.empty();
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        assertEquals(
                404,
                operator.post("/api/v1/platform/jobs/recurring/no.such/run", "").status());
    }

    @Test
    void everyMediaEndpointRefusesStrangersAndOtherTenants() {
        String id = uploadReady(SampleFiles.png(20, 20), "image", "image/png", "matrix.png", "private");
        EndpointMatrix.forModule(tenant, null)
                .member("POST", "/media?kind=image&filename=a.png", "{}")
                .member(
                        "POST",
                        "/media/uploads",
                        "{\"kind\": \"image\", \"filename\": \"a.png\", \"contentType\": \"image/png\", \"size\": 10}")
                .member("GET", "/media/" + id, null)
                .member("GET", "/media/" + id + "/url", null)
                .member("POST", "/media/" + id + "/complete", null)
                .member("DELETE", "/media/" + id, null)
                .open("GET", "/media/" + id + "/content", null)
                .verify("matrix.png");
    }

    private String uploadReady(byte[] bytes, String kind, String type, String filename, String visibility) {
        Api.Reply uploaded = student.api()
                .upload(
                        path("/media?kind=" + kind + "&filename=" + filename + "&visibility=" + visibility),
                        type,
                        bytes);
        assertEquals(201, uploaded.status(), uploaded::toString);
        return ready(student.api(), uploaded.json().getString("id")).getString("id");
    }

    private static JsonObject ready(Api api, String id) {
        return Await.until("medium " + id + " ready", Duration.ofSeconds(60), () -> {
            JsonObject medium = api.get(path("/media/" + id)).json();
            if (medium.getString("status").equals("failed")) {
                throw new AssertionError("processing failed: " + medium);
            }
            return medium.getString("status").equals("ready") ? Optional.of(medium) : Optional.empty();
        });
    }

    private static long storageUsed() {
        return tenant.admin()
                .api()
                .get(path("/usage"))
                .json()
                .getJsonObject("quotas")
                .getJsonObject("storageBytes")
                .getJsonNumber("used")
                .longValue();
    }

    private static int put(JsonObject upload, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.getString("url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.getJsonObject("headers").forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, ((jakarta.json.JsonString) value).getString());
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static BufferedImage image(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode());
        try {
            return ImageIO.read(new ByteArrayInputStream(response.body()));
        } catch (java.io.IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String path(String rest) {
        return tenant.path(rest);
    }
}
