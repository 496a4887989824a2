package dev.atrium.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' CRD schemas (src/test/resources/k8s/crds), made strict: an object schema that lists its properties
 * and does not say {@code x-kubernetes-preserve-unknown-fields} accepts no other property, as the API server's
 * strict field validation would. {@code x-kubernetes-int-or-string} and {@code nullable} become JSON Schema.
 */
final class CrdSchemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Keycloak Operator 26.6+ serves the 26.0 v2alpha1 schema as v2beta1 (see the CRDs' README). */
    private static final Map<String, String> SAME_SCHEMA =
            Map.of("k8s.keycloak.org/v2beta1", "k8s.keycloak.org/v2alpha1");

    private final Map<String, JsonSchema> byApiVersionAndKind = new HashMap<>();

    static CrdSchemas load(Path folder) {
        CrdSchemas schemas = new CrdSchemas();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (JsonNode crd : YAML.readerFor(JsonNode.class)
                        .<JsonNode>readValues(file.toFile())
                        .readAll()) {
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode version : crd.at("/spec/versions")) {
                        ObjectNode schema = (ObjectNode) strict(version.at("/schema/openAPIV3Schema"));
                        withObjectFields((ObjectNode) schema.get("properties"));
                        schemas.byApiVersionAndKind.put(
                                group + "/" + version.get("name").asText() + " " + kind, factory.getSchema(schema));
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return schemas;
    }

    Optional<JsonSchema> schemaOf(String apiVersion, String kind) {
        String version = SAME_SCHEMA.getOrDefault(apiVersion, apiVersion);
        return Optional.ofNullable(byApiVersionAndKind.get(version + " " + kind));
    }

    /** Every object has these whether or not a CRD's schema lists them (some generated ones do not). */
    private static void withObjectFields(ObjectNode properties) {
        if (!properties.has("apiVersion")) {
            properties.set("apiVersion", NODES.objectNode().put("type", "string"));
        }
        if (!properties.has("kind")) {
            properties.set("kind", NODES.objectNode().put("type", "string"));
        }
        if (!properties.has("metadata")) {
            properties.set("metadata", NODES.objectNode().put("type", "object"));
        }
    }

    static JsonNode strict(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            ArrayNode anyOf = NODES.arrayNode();
            anyOf.add(NODES.objectNode().put("type", "integer"));
            anyOf.add(NODES.objectNode().put("type", "string"));
            return NODES.objectNode().set("anyOf", anyOf);
        }
        ObjectNode copy = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "properties" -> {
                    ObjectNode properties = NODES.objectNode();
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), strict(p.getValue())));
                    copy.set(name, properties);
                }
                case "items", "additionalProperties", "not" -> copy.set(name, strict(value));
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode all = NODES.arrayNode();
                    value.forEach(item -> all.add(strict(item)));
                    copy.set(name, all);
                }
                case "format" -> {
                    // Formats such as int32 or date-time are advisory here; the API server does not reject on them.
                }
                default -> copy.set(name, value);
            }
        }
        if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
            ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
            copy.set("type", types);
        }
        boolean preserveUnknown =
                schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
