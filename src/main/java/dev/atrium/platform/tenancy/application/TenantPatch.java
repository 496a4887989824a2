package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.tenancy.application.TenantDefinition.BrandingDefinition;
import dev.atrium.platform.tenancy.application.TenantDefinition.Patterns;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** An operator's change to a tenant; parts left out stay as they are. Branding is replaced as a whole. */
public record TenantPatch(
        @Size(min = 1, max = 120) String name,

        @Pattern(regexp = Patterns.PLAN, message = "must be a plan id such as 'standard'")
        String plan,

        @Valid BrandingDefinition branding,
        @Size(max = 20) Set<@NotNull @Size(max = 20) String> modules,

        @Size(max = 10)
        Set<@NotNull @Pattern(regexp = Patterns.DOMAIN, message = "must be a lower-case host name") String> domains) {

    public TenantChanges changes() {
        return new TenantChanges(
                name,
                null,
                plan,
                branding == null ? null : branding.toBranding(),
                modules == null ? null : TenantDefinition.modulesOf(modules),
                domains);
    }
}
