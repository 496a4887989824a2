package dev.atrium.platform.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TenantStartupTest {

    @Test
    void tenantDefinitionsAreTheYamlFilesButKustomizesOwn() {
        assertTrue(TenantStartup.isDefinition(Path.of("tenants/northfield-school.yaml")));
        assertTrue(TenantStartup.isDefinition(Path.of("tenants/acme.yml")));
        assertFalse(TenantStartup.isDefinition(Path.of("tenants/kustomization.yaml")));
        assertFalse(TenantStartup.isDefinition(Path.of("tenants/README.md")));
    }
}
