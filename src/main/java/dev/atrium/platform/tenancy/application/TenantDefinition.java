package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.tenancy.domain.Branding;
import dev.atrium.platform.tenancy.domain.FirstAdmin;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import dev.atrium.platform.tenancy.domain.TenantKind;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant as an operator describes it: the body of an onboarding request, and one file of tenants as code. The slug
 * is checked by {@code TenantSlug}; kind, modules and plan by their own value types.
 */
public record TenantDefinition(
        @NotNull @Size(max = 40) String slug,
        @NotBlank @Size(max = 120) String name,
        @NotNull @Size(max = 20) String kind,

        @Pattern(regexp = Patterns.PLAN, message = "must be a plan id such as 'standard'")
        String plan,

        @Valid BrandingDefinition branding,
        @Size(max = 20) Set<@NotNull @Size(max = 20) String> modules,

        @Size(max = 10)
        Set<@NotNull @Pattern(regexp = Patterns.DOMAIN, message = "must be a lower-case host name") String> domains,

        @NotNull @Valid AdminDefinition admin,
        Boolean sampleData) {

    public static final String DEFAULT_PLAN = "standard";

    public TenantSlug tenantSlug() {
        return TenantSlug.of(slug);
    }

    public TenantKind tenantKind() {
        return TenantKind.fromId(kind);
    }

    public String planOrDefault() {
        return plan == null ? DEFAULT_PLAN : plan;
    }

    /** Whether modules seed example data when the tenant is onboarded (the demo tenants do). */
    public boolean withSampleData() {
        return Boolean.TRUE.equals(sampleData);
    }

    public FirstAdmin firstAdmin() {
        return new FirstAdmin(admin.email().toLowerCase(java.util.Locale.ROOT), admin.displayName());
    }

    /** The logo file named by the definition (tenants as code only), if any. */
    public java.util.Optional<String> logoFile() {
        return java.util.Optional.ofNullable(branding).map(BrandingDefinition::logoFile);
    }

    /** A logo file is for tenants as code, where the file sits beside the definition; the API takes a logoUrl. */
    public void requireNoLogoFile() {
        if (logoFile().isPresent()) {
            throw new dev.atrium.platform.errors.InvalidRequestException(
                    "branding.logoFile is for tenant definitions in the tenants folder; through the API, upload the"
                            + " logo as a public image (POST /t/{tenant}/api/v1/media) and set branding.logoUrl.");
        }
    }

    /** The same definition with its branding's logo at {@code url} (the uploaded logo file's address). */
    public TenantDefinition withLogoUrl(String url) {
        BrandingDefinition b = branding;
        BrandingDefinition changed = new BrandingDefinition(
                b.displayName(),
                url,
                b.primaryColor(),
                b.accentColor(),
                b.faviconUrl(),
                b.locale(),
                b.supportEmail(),
                b.logoFile());
        return new TenantDefinition(slug, name, kind, plan, changed, modules, domains, admin, sampleData);
    }

    /** Everything editable, as the changes that make an existing tenant match this definition. */
    public TenantChanges changes() {
        return new TenantChanges(
                name,
                tenantKind(),
                planOrDefault(),
                branding == null ? Branding.none() : branding.toBranding(),
                modulesOf(modules == null ? Set.of() : modules),
                domains == null ? Set.of() : domains);
    }

    static Set<TenantModule> modulesOf(Set<String> ids) {
        return ids.isEmpty()
                ? Set.of()
                : EnumSet.copyOf(ids.stream().map(TenantModule::fromId).collect(Collectors.toSet()));
    }

    /** The tenant's look; every part optional. */
    public record BrandingDefinition(
            @Size(max = 120) String displayName,

            @Size(max = 500) @Pattern(regexp = Patterns.URL, message = "must be an http(s) URL")
            String logoUrl,

            @Pattern(regexp = Patterns.COLOUR, message = "must be a colour like #1a2b3c")
            String primaryColor,

            @Pattern(regexp = Patterns.COLOUR, message = "must be a colour like #1a2b3c")
            String accentColor,

            @Size(max = 500) @Pattern(regexp = Patterns.URL, message = "must be an http(s) URL")
            String faviconUrl,

            @Pattern(regexp = Patterns.LOCALE, message = "must be a language tag like en or pt-BR")
            String locale,

            @Size(max = 254) @Email String supportEmail,

            @Pattern(regexp = Patterns.FILE_NAME, message = "must be a file name beside the definition, like logo.png")
            String logoFile) {

        public Branding toBranding() {
            return new Branding(displayName, logoUrl, primaryColor, accentColor, faviconUrl, locale, supportEmail);
        }
    }

    /** The first administrator: who gets the tenant's admin role when it is onboarded. */
    public record AdminDefinition(
            @NotBlank @Size(max = 254) @Email String email,
            @NotBlank @Size(max = 120) String displayName) {}

    /** Formats shared by onboarding, PATCH and tenants as code. */
    public static final class Patterns {
        public static final String PLAN = "^[a-z][a-z0-9-]{1,30}$";
        public static final String DOMAIN =
                "^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$|^[a-z0-9-]+\\.localhost$";
        public static final String URL = "^https?://[^\\s\"'<>]{1,490}$";
        /** A file in the definitions folder: no folders, no parent references. */
        public static final String FILE_NAME = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(png|jpe?g)$";

        public static final String COLOUR = "^#[0-9a-fA-F]{6}$";
        public static final String LOCALE = "^[a-z]{2,3}(-[A-Z]{2})?$";

        private Patterns() {}
    }
}
