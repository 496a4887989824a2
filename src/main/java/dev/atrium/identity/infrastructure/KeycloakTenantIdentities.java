package dev.atrium.identity.infrastructure;

import dev.atrium.identity.domain.MemberAccounts.Account;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.TenantTokens;
import dev.atrium.platform.tenancy.domain.Branding;
import dev.atrium.platform.tenancy.domain.FirstAdmin;
import dev.atrium.platform.tenancy.domain.IdentityProvisioning;
import dev.atrium.platform.tenancy.domain.TenantIdentity;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant in Keycloak: an organisation (alias = slug: membership, later e-mail domains and the school's own SSO) and
 * a client {@code tenant-<slug>} that holds the five roles. The client's token carries its own roles in {@code
 * groups}, itself in {@code aud}, and the caller's organisations in {@code organization}; Keycloak's {@code roles}
 * scope is left off, because it would add every client the user has roles in to {@code aud}.
 */
@ApplicationScoped
public class KeycloakTenantIdentities implements IdentityProvisioning {

    /** The login theme kept in src/main/keycloak/themes; it reads the branding attributes below. */
    static final String LOGIN_THEME = "atrium";

    private static final String ORGANIZATION_ID_MAPPER = "tenant organization id";

    private static final List<String> DEFAULT_SCOPES =
            List.of("basic", "profile", "email", "web-origins", "acr", "organization");

    @Inject
    KeycloakAdminApi keycloak;

    @Inject
    KeycloakAccounts accounts;

    /**
     * Development and tests let tools sign members in with a password grant; production clients use the
     * authorisation code flow with PKCE only.
     */
    @Inject
    @ConfigProperty(name = "atrium.keycloak.direct-access-grants", defaultValue = "false")
    boolean directAccessGrants;

    /** Redirect URIs every tenant client accepts besides its own domains (e.g. local frontends in development). */
    @Inject
    @ConfigProperty(name = "atrium.keycloak.extra-redirect-uris")
    Optional<List<String>> extraRedirectUris;

    @Override
    public ProvisionedIdentity provision(
            TenantSlug slug, String name, Branding branding, Set<String> domains, FirstAdmin admin) {
        String organizationId = ensureOrganization(slug, name);
        String clientId = ensureClient(slug, name, branding, domains);
        ensureRoles(clientId);
        TenantIdentity identity = new TenantIdentity(organizationId, clientId);
        // Only what enrolment reads: the Keycloak resources; the directory entry's id is not needed here.
        TenantRef tenant = new TenantRef(
                null, slug, name, TenantStatus.PROVISIONING, null, slug.schemaName(), identity, branding, Set.of());
        Account account = accounts.enrol(tenant, admin.email(), admin.displayName());
        accounts.grant(tenant, account.subject(), Set.of(TenantRole.ADMIN));
        return new ProvisionedIdentity(identity, account.subject(), account.temporaryPassword());
    }

    @Override
    public void updateLoginBranding(TenantSlug slug, String name, Branding branding, Set<String> domains) {
        findClient(slug).ifPresent(clientId -> {
            keycloak.put(
                    "/clients/" + clientId,
                    Json.createObjectBuilder()
                            .add("clientId", slug.clientId())
                            .add("name", name)
                            .add("attributes", attributes(name, branding))
                            .add("redirectUris", redirectUris(domains))
                            .build());
            ensureOrganizationIdMapper(clientId);
        });
    }

    @Override
    public void remove(TenantSlug slug) {
        findClient(slug).ifPresent(clientId -> keycloak.delete("/clients/" + clientId, null));
        findOrganization(slug).ifPresent(organizationId -> keycloak.delete("/organizations/" + organizationId, null));
    }

    private String ensureOrganization(TenantSlug slug, String name) {
        return findOrganization(slug).orElseGet(() -> keycloak.create(
                        "/organizations",
                        Json.createObjectBuilder()
                                .add("name", slug.value())
                                .add("alias", slug.value())
                                .add("description", name)
                                .add("enabled", true)
                                .build())
                .orElseGet(() -> findOrganization(slug).orElseThrow()));
    }

    private Optional<String> findOrganization(TenantSlug slug) {
        return keycloak
                .list("/organizations", Map.of("search", slug.value(), "exact", "true", "briefRepresentation", "true"))
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(organization -> slug.value().equals(organization.getString("alias", "")))
                .map(organization -> organization.getString("id"))
                .findFirst();
    }

    private String ensureClient(TenantSlug slug, String name, Branding branding, Set<String> domains) {
        Optional<String> existing = findClient(slug);
        if (existing.isPresent()) {
            ensureOrganizationIdMapper(existing.get());
            return existing.get();
        }
        JsonObject client = Json.createObjectBuilder()
                .add("clientId", slug.clientId())
                .add("name", name)
                .add("description", "Sign-in for members of tenant " + slug + "; holds the tenant's roles.")
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", true)
                .add("standardFlowEnabled", true)
                .add("directAccessGrantsEnabled", directAccessGrants)
                .add("fullScopeAllowed", false)
                .add("redirectUris", redirectUris(domains))
                .add("webOrigins", Json.createArrayBuilder().add("+"))
                .add("attributes", attributes(name, branding).add("pkce.code.challenge.method", "S256"))
                .add("defaultClientScopes", Json.createArrayBuilder(DEFAULT_SCOPES))
                .add("optionalClientScopes", Json.createArrayBuilder(List.of("offline_access")))
                .add(
                        "protocolMappers",
                        Json.createArrayBuilder()
                                .add(mapper(
                                        "tenant roles",
                                        "oidc-usermodel-client-role-mapper",
                                        Map.of(
                                                "usermodel.clientRoleMapping.clientId", slug.clientId(),
                                                "claim.name", "groups",
                                                "multivalued", "true",
                                                "jsonType.label", "String",
                                                "access.token.claim", "true",
                                                "id.token.claim", "false",
                                                "userinfo.token.claim", "false",
                                                "introspection.token.claim", "true")))
                                .add(organizationIdMapper())
                                .add(mapper(
                                        "tenant audience",
                                        "oidc-audience-mapper",
                                        Map.of(
                                                "included.client.audience", slug.clientId(),
                                                "access.token.claim", "true",
                                                "id.token.claim", "false",
                                                "introspection.token.claim", "true"))))
                .build();
        return keycloak.create("/clients", client)
                .orElseGet(() -> findClient(slug).orElseThrow());
    }

    /**
     * The id of the tenant's organisation in every token of its client, under {@code tenant_organization}: the token
     * binding checks it, so that a token of a deleted tenant does not act in a new tenant of the same slug (which
     * inherits the client's name and the organisation's alias, but not the organisation's id).
     */
    private static JsonObjectBuilder organizationIdMapper() {
        return mapper(
                ORGANIZATION_ID_MAPPER,
                "oidc-organization-membership-mapper",
                Map.of(
                        "claim.name", TenantTokens.ORGANIZATION_IDS_CLAIM,
                        "jsonType.label", "JSON",
                        "multivalued", "true",
                        "addOrganizationId", "true",
                        "access.token.claim", "true",
                        "id.token.claim", "false",
                        "userinfo.token.claim", "false",
                        "introspection.token.claim", "true"));
    }

    /** Clients made before the organisation-id claim existed get its mapper (idempotent). */
    private void ensureOrganizationIdMapper(String clientId) {
        String mappers = "/clients/" + clientId + "/protocol-mappers/models";
        boolean present = keycloak.list(mappers, Map.of()).stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(mapper -> ORGANIZATION_ID_MAPPER.equals(mapper.getString("name", "")));
        if (!present) {
            keycloak.create(mappers, organizationIdMapper().build());
        }
    }

    private Optional<String> findClient(TenantSlug slug) {
        return keycloak.list("/clients", Map.of("clientId", slug.clientId())).stream()
                .map(JsonValue::asJsonObject)
                .filter(client -> slug.clientId().equals(client.getString("clientId", "")))
                .map(client -> client.getString("id"))
                .findFirst();
    }

    private void ensureRoles(String clientId) {
        Set<String> defined = new TreeSet<>();
        keycloak.list("/clients/" + clientId + "/roles", Map.of()).stream()
                .map(JsonValue::asJsonObject)
                .forEach(role -> defined.add(role.getString("name")));
        Arrays.stream(TenantRole.values())
                .filter(role -> !defined.contains(role.id()))
                .forEach(role -> keycloak.create(
                        "/clients/" + clientId + "/roles",
                        Json.createObjectBuilder()
                                .add("name", role.id())
                                .add("description", role.description())
                                .build()));
    }

    /** Client attributes the login theme reads to show the tenant's name and colours. */
    private static JsonObjectBuilder attributes(String name, Branding branding) {
        JsonObjectBuilder attributes = Json.createObjectBuilder().add("login_theme", LOGIN_THEME);
        attributes.add("atrium.name", branding.displayName() != null ? branding.displayName() : name);
        putIfPresent(attributes, "atrium.logoUrl", branding.logoUrl());
        putIfPresent(attributes, "atrium.primaryColor", branding.primaryColor());
        putIfPresent(attributes, "atrium.accentColor", branding.accentColor());
        putIfPresent(attributes, "atrium.faviconUrl", branding.faviconUrl());
        return attributes;
    }

    private static void putIfPresent(JsonObjectBuilder attributes, String key, String value) {
        attributes.add(key, value == null ? "" : value);
    }

    private JsonArrayBuilder redirectUris(Set<String> domains) {
        JsonArrayBuilder uris = Json.createArrayBuilder();
        domains.stream().sorted().forEach(domain -> uris.add("https://" + domain + "/*"));
        extraRedirectUris.orElse(List.of()).stream()
                .map(String::trim)
                .filter(uri -> !uri.isEmpty())
                .forEach(uris::add);
        return uris;
    }

    private static JsonObjectBuilder mapper(String name, String type, Map<String, String> config) {
        JsonObjectBuilder settings = Json.createObjectBuilder();
        config.forEach(settings::add);
        return Json.createObjectBuilder()
                .add("name", name)
                .add("protocol", "openid-connect")
                .add("protocolMapper", type)
                .add("config", settings);
    }
}
