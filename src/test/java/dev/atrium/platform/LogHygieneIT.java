package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.ForgedToken;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ordinary refusals leave no noise in the server's logs: a rejected token is not written out, a use case's 404 or 409
 * leaves no FFDC incident file, and a path the container refuses is a 400 problem without a stack trace at ERROR.
 */
class LogHygieneIT {

    private static final Path SERVER_LOGS =
            Path.of(System.getProperty("atrium.build.directory", "target"), "liberty/wlp/usr/servers/atrium-it/logs");

    @Test
    void rejectedTokensAndOrdinaryRefusalsLeaveNoSecretsErrorsOrIncidents() throws Exception {
        Tenant tenant = TestTenants.onboard("quiet");
        Api admin = tenant.admin().api();
        long logBefore = Files.size(SERVER_LOGS.resolve("messages.log"));
        List<Path> incidentsBefore = incidents();

        String forged = ForgedToken.withRoles(TestSystem.issuer(), "intruder", "admin");
        assertEquals(401, Api.withToken(forged).get(tenant.path("/members/me")).status());
        assertEquals(
                401,
                Api.withToken("not.a.token").get(tenant.path("/members/me")).status());
        assertEquals(
                404, admin.get(tenant.path("/projects/" + UUID.randomUUID())).status());
        assertEquals(
                409,
                admin.delete(tenant.path("/members/" + tenant.admin().id())).status());
        Api operator = Api.withToken(TestSystem.operatorToken());
        assertEquals(
                404, operator.get("/api/v1/platform/tenants/no-such-tenant").status());
        assertEquals(
                200,
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/archive", "")
                        .status());
        assertEquals(
                409,
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/suspend", "")
                        .status(),
                "an archived tenant cannot be suspended");
        Api.Reply dots = Api.anonymous().get("/t/" + tenant.slug() + "/api/v1/%2e%2e/%2e%2e/health/live");
        assertEquals(400, dots.status(), dots::toString);
        assertTrue(dots.isProblem(), dots::toString);

        String written = newText(SERVER_LOGS.resolve("messages.log"), logBefore);
        assertFalse(written.contains(forged), "the rejected token is not logged");
        assertFalse(written.contains(forged.substring(forged.lastIndexOf('.') + 1)), "nor its signature");
        assertFalse(written.lines().anyMatch(line -> line.contains(" E ")), "nothing at ERROR:\n" + written);
        assertEquals(incidentsBefore, incidents(), "no FFDC incident for ordinary refusals");
    }

    private static List<Path> incidents() throws Exception {
        Path ffdc = SERVER_LOGS.resolve("ffdc");
        if (!Files.isDirectory(ffdc)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            return files.filter(file -> file.getFileName().toString().startsWith("ffdc_"))
                    .sorted()
                    .toList();
        }
    }

    private static String newText(Path log, long from) throws Exception {
        byte[] all = Files.readAllBytes(log);
        return new String(
                all,
                (int) Math.min(from, all.length),
                all.length - (int) Math.min(from, all.length),
                StandardCharsets.UTF_8);
    }
}
