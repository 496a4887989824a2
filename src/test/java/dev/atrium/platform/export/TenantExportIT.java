package dev.atrium.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.media.MediaSamples;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A tenant's export: built in the background, every module's data and the media files, downloadable by link. */
class TenantExportIT {

    @Test
    void anAdminExportsTheTenantsDataAndMediaAsAZip() throws Exception {
        Tenant tenant = TestTenants.onboard("exp");
        Api admin = tenant.admin().api();
        assertEquals(
                201,
                admin.post(tenant.path("/projects"), "{\"name\": \"Export me\", \"visibility\": \"tenant\"}")
                        .status());
        String medium = MediaSamples.uploadPublicPng(tenant, tenant.admin());

        Api.Reply started = admin.post(tenant.path("/exports"), "");
        assertEquals(202, started.status(), started::toString);
        assertTrue(started.header("Location").isPresent());
        String id = started.json().getString("id");
        JsonObject ready = ready(admin, tenant.path("/exports/" + id));
        assertEquals(100, ready.getInt("progress"));

        Map<String, byte[]> zip = unzip(ready.getString("downloadUrl"));
        assertTrue(text(zip, "identity/member.json").contains(tenant.admin().email()), zip.keySet()::toString);
        assertTrue(text(zip, "projects/project.json").contains("Export me"));
        assertTrue(text(zip, "media/media.json").contains(medium));
        assertTrue(text(zip, "audit/admin_audit.json").contains("tenant.export"));
        byte[] logo = zip.get("media/" + medium + "/logo.png");
        assertEquals(64, ImageIO.read(new ByteArrayInputStream(logo)).getWidth());
        JsonObject manifest =
                Json.createReader(new StringReader(text(zip, "manifest.json"))).readObject();
        assertEquals(tenant.slug(), manifest.getString("tenant"));
        assertEquals(0, manifest.getJsonArray("unclaimedTables").size(), "every table is a module's decision");
        assertEquals(1, manifest.getInt("mediaFiles"));
        assertFalse(zip.keySet().stream().anyMatch(name -> name.contains("calendar_feed")), "no secrets");

        assertEquals(1, admin.get(tenant.path("/exports")).json().getInt("total"));

        // A week later: the export expires and its file is deleted.
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        TestSystem.profile().jdbcUrl(),
                        TestSystem.profile().databaseUser(),
                        TestSystem.profile().databasePassword());
                java.sql.Statement age = db.createStatement()) {
            age.executeUpdate("update \"t_" + tenant.slug().replace('-', '_')
                    + "\".tenant_export set expires_at = now() - interval '1 minute'");
        }
        Api operator = Api.withToken(TestSystem.operatorToken());
        assertEquals(
                204,
                operator.post("/api/v1/platform/jobs/recurring/exports.expire/run", "")
                        .status());
        JsonObject expired = Await.until("the export expired", Duration.ofSeconds(30), () -> {
            JsonObject export = admin.get(tenant.path("/exports/" + id)).json();
            return export.getString("status").equals("expired") ? Optional.of(export) : Optional.empty();
        });
        assertFalse(expired.containsKey("downloadUrl"));
        HttpResponse<byte[]> gone = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ready.getString("downloadUrl")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, gone.statusCode(), "the file is deleted");
    }

    @Test
    void theOperatorCanExportATenantAndOnlyAdminsOfTheTenantCanOtherwise() throws Exception {
        Tenant tenant = TestTenants.onboard("expo");
        Api operator = Api.withToken(TestSystem.operatorToken());
        Api.Reply started = operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/exports", "");
        assertEquals(202, started.status(), started::toString);
        JsonObject ready = ready(
                operator,
                "/api/v1/platform/tenants/" + tenant.slug() + "/exports/"
                        + started.json().getString("id"));
        assertTrue(ready.getString("requestedBy").startsWith("platform operator"));
        assertTrue(unzip(ready.getString("downloadUrl")).containsKey("manifest.json"));

        assertEquals(
                403,
                TestTenants.invite(tenant, "student")
                        .api()
                        .post(tenant.path("/exports"), "")
                        .status());
        EndpointMatrix.forModule(tenant, null)
                .admin("POST", "/exports", null)
                .admin("GET", "/exports", null)
                .admin("GET", "/exports/" + started.json().getString("id"), null)
                .verify(tenant.admin().email());
        Tenant other = TestTenants.onboard("expx");
        assertEquals(
                404,
                other.admin()
                        .api()
                        .get(other.path("/exports/" + started.json().getString("id")))
                        .status());
    }

    private static JsonObject ready(Api api, String path) {
        return Await.until("export ready", Duration.ofSeconds(60), () -> {
            JsonObject export = api.get(path).json();
            if (export.getString("status").equals("failed")) {
                throw new AssertionError("export failed: " + export);
            }
            return export.getString("status").equals("ready") ? Optional.of(export) : Optional.empty();
        });
    }

    private static Map<String, byte[]> unzip(String url) throws Exception {
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> zip, String name) {
        byte[] bytes = zip.get(name);
        assertTrue(bytes != null, () -> name + " missing from " + zip.keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
