package dev.atrium.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a rendered set of manifests: every resource against its schema (strictly), references between resources,
 * and the install's policies. Returns findings rather than failing at the first, so one run shows every problem.
 */
final class ManifestValidator {

    /** Built-in kinds, checked with Kubernetes' own models (client-java, generated from Kubernetes' OpenAPI). */
    private static final Map<String, String> BUILT_IN = Map.of(
            "v1 ConfigMap", "V1ConfigMap",
            "v1 Secret", "V1Secret",
            "v1 Service", "V1Service",
            "networking.k8s.io/v1 NetworkPolicy", "V1NetworkPolicy");

    private final CrdSchemas crds;

    ManifestValidator(CrdSchemas crds) {
        this.crds = crds;
    }

    /** One problem with one resource. */
    record Finding(String resource, String problem) {
        @Override
        public String toString() {
            return resource + ": " + problem;
        }
    }

    List<Finding> validate(String renderedYaml) {
        List<JsonNode> resources = parse(renderedYaml);
        List<Finding> findings = new ArrayList<>();
        resources.forEach(resource -> checkSchema(resource, findings::add));
        new References(resources).check(findings::add);
        resources.forEach(resource -> checkPolicy(resource, findings::add));
        return findings;
    }

    static List<JsonNode> parse(String yaml) {
        try {
            return CrdSchemas.YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
                    .filter(node -> node != null && !node.isNull() && !node.isMissingNode())
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String nameOf(JsonNode resource) {
        return resource.path("kind").asText() + "/"
                + resource.at("/metadata/name").asText();
    }

    private void checkSchema(JsonNode resource, Consumer<Finding> findings) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        String name = nameOf(resource);
        Optional<JsonSchema> crd = crds.schemaOf(apiVersion, kind);
        if (crd.isPresent()) {
            for (ValidationMessage message : crd.get().validate(resource)) {
                findings.accept(new Finding(name, message.getMessage()));
            }
            return;
        }
        String model = BUILT_IN.get(apiVersion + " " + kind);
        if (model == null) {
            findings.accept(new Finding(name, "no schema known for " + apiVersion + " " + kind));
            return;
        }
        try {
            Method validate = Class.forName("io.kubernetes.client.openapi.models." + model)
                    .getMethod("validateJsonElement", com.google.gson.JsonElement.class);
            validate.invoke(null, JsonParser.parseString(resource.toString()));
        } catch (InvocationTargetException invalid) {
            findings.accept(new Finding(name, String.valueOf(invalid.getCause().getMessage())));
        } catch (ReflectiveOperationException missing) {
            throw new IllegalStateException("Kubernetes model " + model + " not found", missing);
        }
    }

    private static void checkPolicy(JsonNode resource, Consumer<Finding> findings) {
        String name = nameOf(resource);
        switch (resource.path("kind").asText()) {
            case "OpenLibertyApplication" -> {
                checkImage(name, resource.at("/spec/applicationImage"), findings);
                for (String probe : List.of("startup", "liveness", "readiness")) {
                    if (resource.at("/spec/probes/" + probe).isMissingNode()) {
                        findings.accept(new Finding(name, "no " + probe + " probe"));
                    }
                }
                if (!resource.at("/spec/autoscaling").isMissingNode()
                        && resource.at("/spec/resources/requests/cpu").isMissingNode()) {
                    findings.accept(new Finding(name, "autoscaling on CPU without a CPU request"));
                }
            }
            case "Keycloak" -> checkImage(name, resource.at("/spec/image"), findings);
            case "Cluster" -> checkImage(name, resource.at("/spec/imageName"), findings);
            default -> {}
        }
    }

    private static void checkImage(String name, JsonNode image, Consumer<Finding> findings) {
        if (image.isMissingNode()) {
            return;
        }
        String reference = image.asText();
        String lastPart = reference.substring(reference.lastIndexOf('/') + 1);
        if (!reference.contains("@sha256:") && (!lastPart.contains(":") || lastPart.endsWith(":latest"))) {
            findings.accept(
                    new Finding(name, "image " + reference + " is not pinned to a version (no tag or :latest)"));
        }
    }

    /** What resources say about each other: names they refer to must exist. */
    private static final class References {

        private final List<JsonNode> resources;
        private final Set<String> secrets = new HashSet<>();
        private final Set<String> configMaps = new HashSet<>();
        private final Set<String> clusters = new HashSet<>();
        private final Set<String> objectStores = new HashSet<>();
        private final Set<String> keycloaks = new HashSet<>();

        References(List<JsonNode> resources) {
            this.resources = resources;
            for (JsonNode resource : resources) {
                String name = resource.at("/metadata/name").asText();
                switch (resource.path("kind").asText()) {
                    case "Secret" -> secrets.add(name);
                    case "ConfigMap" -> configMaps.add(name);
                    case "Cluster" -> {
                        clusters.add(name);
                        // CloudNativePG creates the application user's secret of every cluster it bootstraps.
                        secrets.add(name + "-app");
                    }
                    case "ObjectStore" -> objectStores.add(name);
                    case "Keycloak" -> keycloaks.add(name);
                    default -> {}
                }
            }
        }

        void check(Consumer<Finding> findings) {
            for (JsonNode resource : resources) {
                String name = nameOf(resource);
                JsonNode spec = resource.path("spec");
                switch (resource.path("kind").asText()) {
                    case "OpenLibertyApplication" -> {
                        spec.path("env").forEach(env -> secret(name, env.at("/valueFrom/secretKeyRef/name"), findings));
                        spec.path("env")
                                .forEach(env -> configMap(name, env.at("/valueFrom/configMapKeyRef/name"), findings));
                        spec.path("envFrom").forEach(from -> secret(name, from.at("/secretRef/name"), findings));
                        spec.path("envFrom").forEach(from -> configMap(name, from.at("/configMapRef/name"), findings));
                        spec.path("volumes").forEach(volume -> configMap(name, volume.at("/configMap/name"), findings));
                        spec.path("volumes").forEach(volume -> secret(name, volume.at("/secret/secretName"), findings));
                    }
                    case "Keycloak" -> {
                        secret(name, spec.at("/db/usernameSecret/name"), findings);
                        secret(name, spec.at("/db/passwordSecret/name"), findings);
                        secret(name, spec.at("/http/tlsSecret"), findings);
                        clusterService(name, spec.at("/db/host"), findings);
                    }
                    case "KeycloakRealmImport" -> {
                        String keycloak = spec.path("keycloakCRName").asText();
                        if (!keycloaks.contains(keycloak)) {
                            findings.accept(new Finding(name, "keycloakCRName " + keycloak + " names no Keycloak"));
                        }
                        spec.path("placeholders").forEach(p -> secret(name, p.at("/secret/name"), findings));
                    }
                    case "ObjectStore" -> {
                        secret(name, spec.at("/configuration/s3Credentials/accessKeyId/name"), findings);
                        secret(name, spec.at("/configuration/s3Credentials/secretAccessKey/name"), findings);
                    }
                    case "Cluster" ->
                        spec.path("plugins").forEach(plugin -> {
                            JsonNode store = plugin.at("/parameters/barmanObjectName");
                            if (!store.isMissingNode() && !objectStores.contains(store.asText())) {
                                findings.accept(new Finding(
                                        name, "barmanObjectName " + store.asText() + " names no ObjectStore"));
                            }
                        });
                    case "ScheduledBackup" -> scheduledBackup(name, spec, findings);
                    case "ConfigMap" -> clusterService(name, resource.at("/data/ATRIUM_DB_HOST"), findings);
                    default -> {}
                }
            }
            for (String cluster : clusters) {
                boolean guarded = resources.stream()
                        .filter(r -> r.path("kind").asText().equals("NetworkPolicy"))
                        .anyMatch(policy -> cluster.equals(policy.at("/spec/podSelector/matchLabels/cnpg.io~1cluster")
                                .asText()));
                if (!guarded) {
                    findings.accept(new Finding("Cluster/" + cluster, "no NetworkPolicy restricts who reaches it"));
                }
            }
        }

        private void scheduledBackup(String name, JsonNode spec, Consumer<Finding> findings) {
            String cluster = spec.at("/cluster/name").asText();
            Optional<JsonNode> target = resources.stream()
                    .filter(r -> r.path("kind").asText().equals("Cluster"))
                    .filter(r -> r.at("/metadata/name").asText().equals(cluster))
                    .findFirst();
            if (target.isEmpty()) {
                findings.accept(new Finding(name, "cluster " + cluster + " names no Cluster"));
                return;
            }
            if (spec.path("method").asText().equals("plugin")) {
                boolean archived = false;
                for (JsonNode plugin : target.get().at("/spec/plugins")) {
                    archived |= plugin.path("name")
                                    .asText()
                                    .equals(spec.at("/pluginConfiguration/name").asText())
                            && objectStores.contains(
                                    plugin.at("/parameters/barmanObjectName").asText());
                }
                if (!archived) {
                    findings.accept(new Finding(
                            name,
                            "cluster " + cluster + " has no plugin "
                                    + spec.at("/pluginConfiguration/name").asText()
                                    + " writing to an existing ObjectStore"));
                }
            }
        }

        private void secret(String name, JsonNode reference, Consumer<Finding> findings) {
            if (!reference.isMissingNode() && !secrets.contains(reference.asText())) {
                findings.accept(new Finding(name, "Secret " + reference.asText() + " does not exist"));
            }
        }

        private void configMap(String name, JsonNode reference, Consumer<Finding> findings) {
            if (!reference.isMissingNode() && !configMaps.contains(reference.asText())) {
                findings.accept(new Finding(name, "ConfigMap " + reference.asText() + " does not exist"));
            }
        }

        /** A CloudNativePG service host ({@code <cluster>-rw}, {@code -ro}, {@code -r}) must name a Cluster. */
        private void clusterService(String name, JsonNode host, Consumer<Finding> findings) {
            if (host.isMissingNode()) {
                return;
            }
            String cluster = host.asText().replaceAll("-(rw|ro|r)$", "");
            if (!clusters.contains(cluster)) {
                findings.accept(new Finding(name, "database host " + host.asText() + " names no Cluster"));
            }
        }
    }
}
