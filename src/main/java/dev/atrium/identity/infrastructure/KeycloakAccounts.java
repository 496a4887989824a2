package dev.atrium.identity.infrastructure;

import dev.atrium.identity.domain.MemberAccounts;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Member accounts in Keycloak: users, organisation memberships and the roles of the tenant's client. */
@ApplicationScoped
public class KeycloakAccounts implements MemberAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class.getName());
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KeycloakAdminApi keycloak;

    /**
     * Development and tests: new accounts get a generated temporary password, returned to the caller, instead of an
     * e-mail (there is no mail server). Either way the person must choose their own password at first sign-in.
     */
    @Inject
    @ConfigProperty(name = "atrium.identity.temporary-passwords", defaultValue = "false")
    boolean temporaryPasswords;

    /** The demo tenants' sample members' password, on a development machine only (DevelopmentSettings checks). */
    @Inject
    @ConfigProperty(name = "atrium.identity.sample-password")
    java.util.Optional<String> samplePassword;

    @Override
    public Account enrol(TenantRef tenant, String email, String displayName) {
        return enrol(tenant, email, displayName, null);
    }

    @Override
    public Account enrolSample(TenantRef tenant, String email, String displayName) {
        return enrol(
                tenant,
                email,
                displayName,
                samplePassword.filter(password -> !password.isBlank()).orElse(null));
    }

    private Account enrol(TenantRef tenant, String email, String displayName, String permanentPassword) {
        Account account = findOrCreate(email, displayName, tenant.slug().clientId(), permanentPassword);
        keycloak.post(
                "/organizations/" + tenant.identity().organizationId() + "/members",
                Json.createValue(account.subject()));
        return account;
    }

    @Override
    public void grant(TenantRef tenant, String subject, Set<TenantRole> roles) {
        String clientPath = "/clients/" + tenant.identity().clientId();
        String mappings = "/users/" + subject + "/role-mappings/clients/"
                + tenant.identity().clientId();
        Set<String> wanted = roles.stream().map(TenantRole::id).collect(Collectors.toSet());
        Map<String, JsonObject> defined = keycloak.list(clientPath + "/roles", Map.of()).stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(role -> role.getString("name"), role -> role));
        JsonArray held = keycloak.list(mappings, Map.of());
        JsonArrayBuilder revoke = Json.createArrayBuilder();
        held.stream()
                .map(JsonValue::asJsonObject)
                .filter(role -> !wanted.contains(role.getString("name")))
                .forEach(revoke::add);
        JsonArray toRevoke = revoke.build();
        if (!toRevoke.isEmpty()) {
            keycloak.delete(mappings, toRevoke);
        }
        JsonArrayBuilder add = Json.createArrayBuilder();
        wanted.stream().map(defined::get).filter(java.util.Objects::nonNull).forEach(add::add);
        JsonArray toAdd = add.build();
        if (!toAdd.isEmpty()) {
            keycloak.post(mappings, toAdd);
        }
    }

    @Override
    public Optional<Set<TenantRole>> standing(TenantRef tenant, String subject) {
        if (keycloak.find("/organizations/" + tenant.identity().organizationId() + "/members/" + subject)
                .isEmpty()) {
            return Optional.empty();
        }
        Set<TenantRole> held = EnumSet.noneOf(TenantRole.class);
        keycloak
                .list(
                        "/users/" + subject + "/role-mappings/clients/"
                                + tenant.identity().clientId(),
                        Map.of())
                .stream()
                .map(role -> role.asJsonObject().getString("name"))
                .flatMap(name -> Arrays.stream(TenantRole.values()).filter(r -> r.id().equals(name)))
                .forEach(held::add);
        return Optional.of(held);
    }

    @Override
    public void withdraw(TenantRef tenant, String subject) {
        grant(tenant, subject, Set.of());
        keycloak.delete("/organizations/" + tenant.identity().organizationId() + "/members/" + subject, null);
    }

    /** The account with this e-mail, created if there is none. */
    Account findOrCreate(String email, String displayName, String clientId, String permanentPassword) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        JsonArray existing = keycloak.list("/users", Map.of("email", normalised, "exact", "true"));
        if (!existing.isEmpty()) {
            return new Account(existing.getJsonObject(0).getString("id"), normalised, false, null);
        }
        boolean permanent = permanentPassword != null;
        String password = permanent ? permanentPassword : temporaryPasswords ? temporaryPassword() : null;
        var user = Json.createObjectBuilder()
                .add("username", normalised)
                .add("email", normalised)
                .add("firstName", firstName(displayName))
                .add("enabled", true)
                .add(
                        "requiredActions",
                        permanent
                                ? Json.createArrayBuilder()
                                : Json.createArrayBuilder().add("UPDATE_PASSWORD"))
                .add(
                        "credentials",
                        password == null
                                ? Json.createArrayBuilder()
                                : Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("type", "password")
                                                .add("value", password)
                                                .add("temporary", !permanent)));
        if (!lastName(displayName).isEmpty()) {
            user.add("lastName", lastName(displayName));
        }
        String id = keycloak.create("/users", user.build())
                .orElseGet(() -> keycloak.list("/users", Map.of("email", normalised, "exact", "true"))
                        .getJsonObject(0)
                        .getString("id"));
        if (password == null) {
            sendPasswordEmail(id, clientId);
        }
        return new Account(id, normalised, true, password);
    }

    /**
     * Asks Keycloak to e-mail the new member a link to choose a password. Without a mail server configured in the
     * realm this fails; the member can still use "forgot password" on the login page, so it is logged, not fatal.
     */
    private void sendPasswordEmail(String userId, String clientId) {
        try {
            keycloak.put(
                    "/users/" + userId + "/execute-actions-email?client_id=" + clientId,
                    Json.createArrayBuilder().add("UPDATE_PASSWORD").build());
        } catch (IdentityProviderException noMail) {
            LOG.warning(
                    () -> "Could not e-mail account " + userId + " a link to set a password: " + noMail.getMessage());
        }
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String firstName(String displayName) {
        String trimmed = displayName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String lastName(String displayName) {
        String trimmed = displayName.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1);
    }
}
