package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.ForgedToken;
import dev.atrium.testing.TestSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running WAR on Liberty, with the real PostgreSQL and Keycloak, seen over HTTP. */
class FoundationIT {

    @Test
    void readinessIsUpWhenDatabaseAndKeycloakAnswer() {
        Api.Reply ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        JsonObject health = ready.json();
        assertEquals("UP", health.getString("status"));
        List<String> checks = health.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name"))
                .sorted()
                .toList();
        assertEquals(List.of("database", "keycloak-jwks"), checks);
    }

    @Test
    void startedOnlyAfterThePlatformSchemaIsMigratedAndTenantsApplied() {
        Api.Reply started = Api.anonymous().get("/health/started");
        assertEquals(200, started.status(), started::toString);
        JsonObject schema = started.json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("platform-schema"))
                .findFirst()
                .orElseThrow();
        assertFalse(schema.getJsonObject("data").getString("version").isBlank(), started::toString);
        assertTrue(started.body().contains("\"tenants\""), started::toString);
    }

    @Test
    void livenessIsUp() {
        assertEquals(200, Api.anonymous().get("/health/live").status());
    }

    @Test
    void meReturnsTheCallerFromARealKeycloakToken() {
        Api.Reply me = Api.withToken(TestSystem.operatorToken()).get("/api/v1/me");
        assertEquals(200, me.status(), me::toString);
        JsonObject caller = me.json();
        assertEquals("operator", caller.getString("username"));
        assertEquals("Platform Operator", caller.getString("name"));
        assertFalse(caller.getString("subject").isBlank());
        List<String> roles = caller.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
        assertTrue(roles.contains("platform-admin"), roles::toString);
    }

    @Test
    void meWorksForTheServiceAccount() {
        Api.Reply me = Api.withToken(TestSystem.serviceAccountToken()).get("/api/v1/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals("service-account-atrium-platform", me.json().getString("username"));
    }

    @Test
    void meWithoutATokenIsUnauthorized() {
        Api.Reply me = Api.anonymous().get("/api/v1/me");
        assertEquals(401, me.status(), me::toString);
        assertTrue(me.header("WWW-Authenticate").orElse("").startsWith("Bearer"), me::toString);
    }

    @Test
    void meWithATokenSignedByAnotherKeyIsUnauthorized() {
        String forged = ForgedToken.withRoles(TestSystem.issuer(), "intruder", "platform-admin");
        Api.Reply me = Api.withToken(forged).get("/api/v1/me");
        assertEquals(401, me.status(), me::toString);
        assertFalse(me.body().contains("intruder"));
    }

    @Test
    void meWithAGarbledTokenIsUnauthorized() {
        Api.Reply me = Api.withToken("not-a-jwt").get("/api/v1/me");
        assertEquals(401, me.status(), me::toString);
    }

    @Test
    void unknownPathIsAProblem() {
        Api.Reply reply = Api.anonymous().get("/api/v1/no-such-thing");
        assertEquals(404, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        JsonObject problem = reply.json();
        assertEquals(404, problem.getInt("status"));
        assertEquals("https://atrium.dev/problems/not-found", problem.getString("type"));
        assertEquals("/api/v1/no-such-thing", problem.getString("instance"));
    }

    @Test
    void wrongMethodIsAProblemThatListsTheAllowedOnes() {
        Api.Reply reply = Api.withToken(TestSystem.operatorToken()).delete("/api/v1/me");
        assertEquals(405, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertTrue(reply.header("Allow").orElse("").contains("GET"), reply::toString);
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Api.Reply openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/me"), openapi::toString);
        assertEquals(200, Api.anonymous().get("/openapi/ui/").status());
    }

    /** White-label frontends generate clients from the description: every operation documents its problems. */
    @Test
    void everyOperationDocumentsItsProblemResponsesWithTheSharedSchema() {
        jakarta.json.JsonObject document =
                Api.anonymous().get("/openapi?format=JSON").json();
        assertTrue(document.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        int operations = 0;
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().asJsonObject().entrySet()) {
                if (!java.util.Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                jakarta.json.JsonObject responses =
                        operation.getValue().asJsonObject().getJsonObject("responses");
                String where = operation.getKey() + " " + path.getKey();
                for (String status : java.util.List.of("400", "401", "403", "404", "500")) {
                    assertTrue(responses.containsKey(status), where + " documents " + status);
                    String schema = responses
                            .getJsonObject(status)
                            .getJsonObject("content")
                            .getJsonObject("application/problem+json")
                            .getJsonObject("schema")
                            .getString("$ref");
                    assertEquals("#/components/schemas/Problem", schema, where);
                }
            }
        }
        assertTrue(operations > 50, "the scan found the operations: " + operations);
    }
}
