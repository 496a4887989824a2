package dev.atrium.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.api.AtriumApplication;
import dev.atrium.platform.api.JsonbConfiguration;
import dev.atrium.platform.security.Roles;
import dev.atrium.testing.Api;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's error handling deployed into Liberty (Arquillian) with a probe resource, called over HTTP: every
 * kind of failure comes back as {@code application/problem+json}, and a server error reveals nothing but an id that
 * is also in the server log.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemMappingIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "problem-mapping.war")
                .addPackage(AtriumException.class.getPackage())
                .addClasses(AtriumApplication.class, JsonbConfiguration.class, Roles.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    private Api api() {
        return Api.at(base.toExternalForm().replaceAll("/$", ""));
    }

    @Test
    void wellFormedValidBodyIsAccepted() {
        Api.Reply reply = api().post("/probe", "{\"name\":\"pens\",\"quantity\":3}");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("pens", reply.json().getString("name"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Api.Reply reply = api().post("/probe", "{\"name\": \"pens\", ");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals("https://atrium.dev/problems/unreadable-body", reply.json().getString("type"));
    }

    @Test
    void unknownFieldIsABadRequestProblem() {
        Api.Reply reply = api().post("/probe", "{\"name\":\"pens\",\"quantity\":3,\"price\":1}");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    @Test
    void wrongFieldTypeIsABadRequestProblem() {
        Api.Reply reply = api().post("/probe", "{\"name\":\"pens\",\"quantity\":\"many\"}");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    @Test
    void validationFailureListsEveryFailingField() {
        Api.Reply reply = api().post("/probe", "{\"name\":\"\",\"quantity\":0}");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        JsonObject problem = reply.json();
        assertEquals("https://atrium.dev/problems/validation-failed", problem.getString("type"));
        var fields = problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field"))
                .toList();
        assertEquals(java.util.List.of("name", "quantity"), fields);
    }

    @Test
    void missingBodyIsAValidationProblem() {
        Api.Reply reply = api().send("POST", "/probe", "application/json", "");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        Api.Reply reply = api().send("POST", "/probe", "text/plain", "pens");
        assertEquals(415, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    @Test
    void domainExceptionBecomesItsOwnProblem() {
        Api.Reply reply = api().get("/probe/conflict");
        assertEquals(409, reply.status(), reply::toString);
        assertEquals("https://atrium.dev/problems/probe-conflict", reply.json().getString("type"));
        assertEquals("The probe is in a conflicting state.", reply.json().getString("detail"));
    }

    @Test
    void unexpectedFailureRevealsOnlyAnInstanceIdThatIsInTheLog() throws Exception {
        Api.Reply reply = api().get("/probe/failure");
        assertEquals(500, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertFalse(reply.body().contains("secret internal detail"), reply::toString);
        assertFalse(reply.body().contains("IllegalStateException"), reply::toString);
        String instance = reply.json().getString("instance");
        assertTrue(instance.startsWith("urn:uuid:"), instance);
        Path log = Path.of(System.getProperty("atrium.build.directory", "target"), "stack/test/liberty.log");
        assertTrue(awaitLogLine(log, instance), "the instance id " + instance + " is logged with the failure");
    }

    private static boolean awaitLogLine(Path log, String text) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
