package dev.atrium.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay in k8s/ with the real Kustomize and validates every resource strictly (operators' CRD
 * schemas, Kubernetes' models), across resources and against policy; and proves on a broken install that the
 * validator catches what it should.
 */
class KubernetesManifestsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path BUILD = PROJECT.resolve("target");
    private static Kustomize kustomize;
    private static ManifestValidator validator;
    private static Path renderTree;

    @BeforeAll
    static void setUp() throws IOException {
        kustomize = Kustomize.installed(BUILD);
        validator = new ManifestValidator(CrdSchemas.load(PROJECT.resolve("src/test/resources/k8s/crds")));
        renderTree = renderTree();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersAndEveryResourceIsValid(String overlay) {
        String rendered = kustomize.build(renderTree.resolve("k8s/overlays/" + overlay));

        List<ManifestValidator.Finding> findings = validator.validate(rendered);

        assertEquals(List.of(), findings, () -> findings.stream()
                .map(Object::toString)
                .collect(Collectors.joining("\n")));
        Set<String> kinds = ManifestValidator.parse(rendered).stream()
                .map(r -> r.path("kind").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of(
                        "Cluster",
                        "ConfigMap",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "NetworkPolicy",
                        "ObjectStore",
                        "OpenLibertyApplication",
                        "ScheduledBackup",
                        "Secret"),
                kinds);
    }

    @Test
    void productionScalesOnCpuWithThreeDatabaseInstances() {
        List<JsonNode> prod = ManifestValidator.parse(kustomize.build(renderTree.resolve("k8s/overlays/prod")));
        JsonNode app = one(prod, "OpenLibertyApplication", "atrium");
        assertEquals(2, app.at("/spec/autoscaling/minReplicas").asInt());
        assertEquals(6, app.at("/spec/autoscaling/maxReplicas").asInt());
        assertEquals(3, one(prod, "Cluster", "atrium-db").at("/spec/instances").asInt());

        List<JsonNode> dev = ManifestValidator.parse(kustomize.build(renderTree.resolve("k8s/overlays/dev")));
        assertEquals(
                1,
                one(dev, "OpenLibertyApplication", "atrium")
                        .at("/spec/replicas")
                        .asInt());
        assertEquals(1, one(dev, "Cluster", "atrium-db").at("/spec/instances").asInt());
    }

    /** The application reads Stripe's keys from the install's Secret, under the keys its example file names. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void stripeKeysComeFromTheSecret(String overlay) {
        List<JsonNode> rendered =
                ManifestValidator.parse(kustomize.build(renderTree.resolve("k8s/overlays/" + overlay)));
        JsonNode app = one(rendered, "OpenLibertyApplication", "atrium");
        Map<String, JsonNode> env = new java.util.HashMap<>();
        app.at("/spec/env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        for (String variable : List.of("ATRIUM_STRIPE_SECRET_KEY", "ATRIUM_STRIPE_WEBHOOK_SECRETS")) {
            JsonNode reference = env.get(variable).at("/valueFrom/secretKeyRef");
            String secretName = reference.path("name").asText();
            JsonNode secret = rendered.stream()
                    .filter(r -> r.path("kind").asText().equals("Secret"))
                    .filter(r -> r.at("/metadata/name").asText().equals(secretName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(variable + " names no Secret " + secretName));
            assertTrue(
                    secret.at("/data").has(reference.path("key").asText()),
                    variable + ": Secret " + secretName + " has no key "
                            + reference.path("key").asText());
        }
    }

    @Test
    void realmImportIsTheRealmTheLocalStackImports() throws IOException {
        List<JsonNode> prod = ManifestValidator.parse(kustomize.build(renderTree.resolve("k8s/overlays/prod")));
        JsonNode realmImport = one(prod, "KeycloakRealmImport", "atrium-realm");
        JsonNode source = ManifestValidator.parse(
                        Files.readString(PROJECT.resolve("src/main/keycloak/atrium-realm-import.yaml")))
                .get(0);
        assertEquals(source.at("/spec/realm"), realmImport.at("/spec/realm"));
    }

    @Test
    void everyTenantDefinitionIsDeliveredToTheApplication() throws IOException {
        List<JsonNode> prod = ManifestValidator.parse(kustomize.build(renderTree.resolve("k8s/overlays/prod")));
        JsonNode tenants = prod.stream()
                .filter(r -> r.path("kind").asText().equals("ConfigMap"))
                .filter(r -> r.at("/metadata/name").asText().startsWith("atrium-tenants-"))
                .findFirst()
                .orElseThrow();
        Set<String> files;
        try (Stream<Path> list = Files.list(PROJECT.resolve("tenants"))) {
            files = list.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> delivered = new TreeSet<>();
        tenants.path("data").fieldNames().forEachRemaining(delivered::add);
        assertEquals(files, delivered, "tenants/kustomization.yaml must list every tenant definition");
        for (String file : files) {
            assertEquals(
                    Files.readString(PROJECT.resolve("tenants/" + file)),
                    tenants.at("/data/" + file).asText());
        }
    }

    @Test
    void brokenInstallIsReportedInEveryRespect() {
        String rendered = kustomize.build(PROJECT.resolve("src/test/resources/k8s/broken"));

        String findings =
                validator.validate(rendered).stream().map(Object::toString).collect(Collectors.joining("\n"));

        for (String expected : List.of(
                "OpenLibertyApplication/broken-app: .*replica.*",
                "OpenLibertyApplication/broken-app: image .*:latest is not pinned.*",
                "OpenLibertyApplication/broken-app: no startup probe",
                "OpenLibertyApplication/broken-app: no readiness probe",
                "OpenLibertyApplication/broken-app: autoscaling on CPU without a CPU request",
                "OpenLibertyApplication/broken-app: Secret missing-secret does not exist",
                "Cluster/lonely-db: image .* is not pinned.*",
                "Cluster/lonely-db: barmanObjectName missing-store names no ObjectStore",
                "Cluster/lonely-db: no NetworkPolicy restricts who reaches it",
                "ScheduledBackup/orphan-backup: cluster no-such-db names no Cluster",
                "KeycloakRealmImport/stray-realm: keycloakCRName no-such-keycloak names no Keycloak",
                "ConfigMap/odd-config: .*spec.*")) {
            assertTrue(
                    findings.lines().anyMatch(line -> line.matches(expected)),
                    () -> "expected a finding matching " + expected + " in:\n" + findings);
        }
    }

    private static JsonNode one(List<JsonNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .filter(r -> r.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    /**
     * A copy of what the overlays read (k8s/, tenants/, the realm), in which every git-ignored secrets file that is
     * absent is filled from its example: a fresh clone has none, and the repository's own files stay untouched.
     */
    private static Path renderTree() throws IOException {
        Path tree = BUILD.resolve("k8s-render");
        deleteTree(tree);
        for (String part : List.of("k8s", "tenants", "src/main/keycloak")) {
            copyTree(PROJECT.resolve(part), tree.resolve(part));
        }
        try (Stream<Path> files = Files.walk(tree.resolve("k8s/overlays"))) {
            for (Path example :
                    files.filter(f -> f.toString().endsWith(".env.example")).toList()) {
                Path secrets =
                        example.resolveSibling(example.getFileName().toString().replace(".example", ""));
                if (!Files.exists(secrets)) {
                    Files.copy(example, secrets);
                }
            }
        }
        return tree;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
