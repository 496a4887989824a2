package dev.atrium.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The test system's Keycloak as its administrator sees it: for arranging what a test needs (a member's password,
 * a revoked permission) and for checking what the application left behind, never for the behaviour under test.
 */
public final class KeycloakAdmin {

    private final Api api;

    private KeycloakAdmin(String token) {
        this.api = Api.at(TestSystem.profile().keycloakUrl() + "/admin/realms/atrium")
                .withBearer(token);
    }

    public static KeycloakAdmin connect() {
        return new KeycloakAdmin(TestSystem.keycloakAdminToken());
    }

    /** Asks Keycloak to e-mail the account a link to set a new password (through the realm's SMTP server). */
    public void sendPasswordLink(String email) {
        require(api.put("/users/" + userId(email) + "/execute-actions-email", "[\"UPDATE_PASSWORD\"]"));
    }

    /** Gives the account a permanent password and clears "update password", so tests can sign in directly. */
    public void setPassword(String email, String password) {
        String id = userId(email);
        require(api.put(
                "/users/" + id + "/reset-password",
                Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", password)
                        .add("temporary", false)
                        .build()
                        .toString()));
        require(api.put(
                "/users/" + id,
                Json.createObjectBuilder()
                        .add("requiredActions", Json.createArrayBuilder())
                        .build()
                        .toString()));
    }

    /**
     * Makes a person a member of the tenant's Keycloak organisation directly, as the organisation's e-mail domain or
     * identity provider would, without an invitation through Atrium; they can sign in with {@code password}.
     */
    public String addOrganizationMember(String slug, String email, String password) {
        require(api.post(
                "/users",
                Json.createObjectBuilder()
                        .add("username", email)
                        .add("email", email)
                        .add("emailVerified", true)
                        .add("firstName", "Joining")
                        .add("lastName", "Person")
                        .add("enabled", true)
                        .build()
                        .toString()));
        setPassword(email, password);
        String organization = array(api.get("/organizations?exact=true&search=" + slug)).stream()
                .map(JsonValue::asJsonObject)
                .filter(org -> slug.equals(org.getString("alias", "")))
                .findFirst()
                .orElseThrow()
                .getString("id");
        String user = userId(email);
        require(api.post(
                "/organizations/" + organization + "/members",
                Json.createValue(user).toString()));
        return user;
    }

    public String userId(String email) {
        JsonArray users = array(api.get("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
        if (users.isEmpty()) {
            throw new IllegalStateException("No Keycloak user " + email);
        }
        return users.getJsonObject(0).getString("id");
    }

    /** Makes the tokens a client issues from now on live {@code seconds} (for tests of expiry). */
    public void setAccessTokenLifespan(String clientId, int seconds) {
        JsonObject client = array(api.get("/clients?clientId=" + clientId)).getJsonObject(0);
        JsonObject attributes = Json.createObjectBuilder(client.getJsonObject("attributes"))
                .add("access.token.lifespan", Integer.toString(seconds))
                .build();
        require(api.put(
                "/clients/" + client.getString("id"),
                Json.createObjectBuilder(client)
                        .add("attributes", attributes)
                        .build()
                        .toString()));
    }

    public boolean clientExists(String clientId) {
        return !array(api.get("/clients?clientId=" + clientId)).isEmpty();
    }

    public boolean organizationExists(String alias) {
        return array(api.get("/organizations?exact=true&search=" + alias)).stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(org -> alias.equals(org.getString("alias", "")));
    }

    /** Takes a realm-management role (e.g. manage-clients) from the platform's service account. */
    public void revokePlatformPermission(String role) {
        Api.Reply reply = api.send("DELETE", permissionPath(), "application/json", roleArray(role));
        require(reply);
    }

    public void restorePlatformPermission(String role) {
        require(api.post(permissionPath(), roleArray(role)));
    }

    private String permissionPath() {
        String platformClient = array(api.get("/clients?clientId=atrium-platform"))
                .getJsonObject(0)
                .getString("id");
        String serviceAccount = api.get("/clients/" + platformClient + "/service-account-user")
                .json()
                .getString("id");
        return "/users/" + serviceAccount + "/role-mappings/clients/" + realmManagement();
    }

    private String roleArray(String role) {
        JsonObject representation =
                api.get("/clients/" + realmManagement() + "/roles/" + role).json();
        return Json.createArrayBuilder().add(representation).build().toString();
    }

    private String realmManagement() {
        return array(api.get("/clients?clientId=realm-management"))
                .getJsonObject(0)
                .getString("id");
    }

    private static JsonArray array(Api.Reply reply) {
        require(reply);
        return Json.createReader(new java.io.StringReader(reply.body())).readArray();
    }

    private static void require(Api.Reply reply) {
        if (reply.status() >= 300) {
            throw new IllegalStateException("Keycloak admin call failed: " + reply);
        }
    }
}
