package dev.atrium.platform.api;

import dev.atrium.platform.errors.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem answers of every operation in the API description, from one place: white-label frontends
 * generate their clients from it, and a client that knows only the happy path cannot show a validation error. Adds the
 * shared {@code Problem} schema (RFC 9457, with the validation problem's field list) and, on each operation, the
 * problem responses the platform can give it: 400 for bad input, 401 and 403 (under {@code /t/} also a suspended
 * tenant or a non-member), 404, 500 and 503; writes also 409; operations that take {@code If-Match} 412 and 428. An operation's own, more specific description of a status is kept.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean tenantPath = path.startsWith("/t/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Bad input: a malformed parameter or body; `errors` lists every failing field.");
        problems.put("401", "No valid bearer token.");
        problems.put(
                "403",
                tenantPath
                        ? "Not allowed: the token is for another tenant, the caller is not a member (`not-a-member`)"
                                + " or lacks the role, or the tenant is suspended (`tenant-suspended`)."
                        : "Not allowed for the caller's roles.");
        problems.put(
                "404",
                tenantPath
                        ? "No such resource, tenant, or module enabled for the tenant (`module-not-enabled`)."
                        : "No such resource.");
        if (write) {
            problems.put(
                    "409", "Conflicts with the current state (a rule of the domain, a quota, a concurrent change).");
        }
        if (conditional) {
            problems.put("412", "The If-Match version is no longer current: read again and retry.");
            problems.put("428", "If-Match is required: send the ETag of the version read.");
        }
        problems.put("500", "An unexpected failure; `instance` identifies it in the server log.");
        problems.put("503", "A dependency is briefly unavailable; retry after `Retry-After` seconds.");
        problems.forEach((status, description) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            if (operation.getResponses().getAPIResponse(status) == null) {
                operation.getResponses().addAPIResponse(status, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(Map.of(
                        "type", "https://atrium.dev/problems/validation",
                        "title", "Invalid request",
                        "status", 400,
                        "detail", "The request has invalid fields.",
                        "instance", "urn:uuid:3d1f6a2e-6f7b-4c8e-9a57-2b8f0d1c4e5a",
                        "errors", List.of(Map.of("field", "title", "message", "size must be between 1 and 300"))));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        return OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: what went wrong, for the caller to show or act on.")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("Identifies the kind of problem, e.g. .../problems/not-a-member"))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty(
                        "instance",
                        OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .type(Schema.SchemaType.ARRAY)
                                .description("The failing fields of a validation problem.")
                                .items(fieldError));
    }
}
