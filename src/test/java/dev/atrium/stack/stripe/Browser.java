package dev.atrium.stack.stripe;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP for the tests: a browser on the pages (redirects not followed) and curl on the control API. */
final class Browser {

    /** An answer: its status, body and where it redirects to. */
    record Page(int status, String body, String location) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private Browser() {}

    static Page get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static Page post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return post(url, form, null);
    }

    /** A form POST, with the secret key as Bearer token when one is given (the control API). */
    static Page post(String url, Map<String, String> form, String key) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Page(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("Location").orElse(null));
    }
}
