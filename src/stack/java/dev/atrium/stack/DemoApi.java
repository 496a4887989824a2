package dev.atrium.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The running application's API as the demo's people use it: a token from Keycloak for a user through a client (a
 * tenant's, or the operator's CLI), and JSON requests with it. For the demo content that the stack makes by hand.
 */
final class DemoApi {

    /** The password of the demo tenants' sample members (the application's development setting). */
    static final String SAMPLE_PASSWORD = "atrium-demo";

    private final StackProfile profile;
    private final String keycloakUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoApi(StackProfile profile, String keycloakUrl) {
        this.profile = profile;
        this.keycloakUrl = keycloakUrl;
    }

    String token(String client, String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + encode(client) + "&username=" + encode(username) + "&password="
                + encode(password);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/atrium/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token for " + username + " (" + response.statusCode() + ")");
        }
        return com.google.gson.JsonParser.parseString(response.body())
                .getAsJsonObject()
                .get("access_token")
                .getAsString();
    }

    /** A sample member's token for their tenant. */
    String memberToken(String slug, String email) throws IOException, InterruptedException {
        return token("tenant-" + slug, email, SAMPLE_PASSWORD);
    }

    HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(profile.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
