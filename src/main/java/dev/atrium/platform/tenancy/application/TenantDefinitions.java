package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.api.JsonbConfiguration;
import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Tenants as code: a tenant definition (YAML or JSON) applied idempotently. An absent, failed or deleted tenant is
 * onboarded; an existing one is updated where it differs; nothing is ever deleted. The start-up job applies the
 * files in {@code tenants/}; operators apply one definition through the platform API.
 */
@ApplicationScoped
public class TenantDefinitions {

    /** Definitions are small; this keeps a hostile document from costing much memory or time. */
    static final int MAX_DOCUMENT_CHARS = 64 * 1024;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantOnboarding onboarding;

    @Inject
    TenantAdministration administration;

    @Inject
    Validator validator;

    private final Jsonb jsonb = JsonbConfiguration.strict();

    /** What applying a definition did. {@code firstAdmin} is present only when the tenant was onboarded. */
    public record Applied(Outcome outcome, TenantView tenant, OnboardedTenant.FirstAdminAccess firstAdmin) {

        public enum Outcome {
            CREATED,
            UPDATED,
            UNCHANGED
        }
    }

    public Applied apply(TenantDefinition definition, Actor actor) {
        definition.requireNoLogoFile();
        return applyValidated(definition, actor);
    }

    /**
     * Applies a definition of tenants as code from its folder: as {@link #apply}, plus its {@code logoFile}, uploaded to
     * the tenant's media when it is new or changed and set as the branding's logo.
     */
    public Applied apply(TenantDefinition definition, Actor actor, Path folder) {
        Optional<String> logoFile = definition.logoFile();
        if (logoFile.isEmpty()) {
            return applyValidated(definition, actor);
        }
        Path file = folder.resolve(logoFile.get()).normalize();
        if (!file.getParent().equals(folder.normalize()) || !Files.isRegularFile(file)) {
            throw new InvalidRequestException("The logo file '" + logoFile.get() + "' is not beside the definition.");
        }
        String current = directory
                .find(definition.tenantSlug())
                .map(tenant -> tenant.branding().logoUrl())
                .orElse(null);
        Applied applied = applyValidated(definition.withLogoUrl(current), actor);
        if (logos.isCurrent(current, file)) {
            return applied;
        }
        String uploaded = logos.upload(directory.ref(definition.tenantSlug()), file);
        TenantDirectory.Revision revision = administration.revise(
                definition.tenantSlug(), definition.withLogoUrl(uploaded).changes(), actor);
        return new Applied(
                applied.outcome() == Applied.Outcome.CREATED ? Applied.Outcome.CREATED : Applied.Outcome.UPDATED,
                revision.tenant(),
                applied.firstAdmin());
    }

    private Applied applyValidated(TenantDefinition definition, Actor actor) {
        Set<ConstraintViolation<TenantDefinition>> violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        TenantSlug slug = definition.tenantSlug();
        TenantChanges changes = definition.changes(); // checks kind and modules before anything is created
        Optional<TenantView> existing = directory.find(slug);
        boolean onboarded = existing.map(t -> !isOnboardable(t)).orElse(false);
        if (!onboarded) {
            OnboardedTenant created = onboarding.onboard(definition, actor);
            return new Applied(Applied.Outcome.CREATED, created.tenant(), created.firstAdmin());
        }
        if (existing.get().status().equals(TenantStatus.PROVISIONING.id())) {
            throw new ConflictException(
                    "tenant-onboarding-in-progress",
                    "Onboarding in progress",
                    "Tenant '" + slug + "' is being onboarded right now; apply its definition again afterwards.");
        }
        TenantDirectory.Revision revision = administration.revise(slug, changes, actor);
        Applied.Outcome outcome = revision.changed().isEmpty() ? Applied.Outcome.UNCHANGED : Applied.Outcome.UPDATED;
        return new Applied(outcome, revision.tenant(), null);
    }

    /** Reads one definition from YAML (JSON is YAML too), with the API's rules: unknown fields are errors. */
    public TenantDefinition parse(String document) {
        if (document == null || document.isBlank()) {
            throw new InvalidRequestException("The tenant definition is empty.");
        }
        if (document.length() > MAX_DOCUMENT_CHARS) {
            throw new InvalidRequestException(
                    "A tenant definition may not exceed " + MAX_DOCUMENT_CHARS + " characters.");
        }
        Object loaded;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(MAX_DOCUMENT_CHARS);
            loaded = new Yaml(new SafeConstructor(options)).load(document);
        } catch (YAMLException unreadable) {
            throw new InvalidRequestException("The tenant definition is not valid YAML: " + firstLine(unreadable));
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidRequestException("A tenant definition is a mapping of fields (slug, name, kind, ...).");
        }
        try {
            @SuppressWarnings("unchecked")
            String json =
                    Json.createObjectBuilder((Map<String, Object>) map).build().toString();
            return jsonb.fromJson(json, TenantDefinition.class);
        } catch (JsonbException | IllegalArgumentException | ClassCastException unbindable) {
            throw new InvalidRequestException(
                    "The tenant definition does not match the expected fields: " + firstLine(unbindable));
        }
    }

    @Inject
    TenantLogos logos;

    private static boolean isOnboardable(TenantView tenant) {
        return tenant.status().equals(TenantStatus.FAILED.id())
                || tenant.status().equals(TenantStatus.DELETED.id());
    }

    private static String firstLine(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
