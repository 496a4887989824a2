package dev.atrium.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small black-box HTTP client for the API under test. */
public final class Api {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final String host;
    private final java.util.Map<String, String> headers;

    private Api(String baseUrl, String token) {
        this(baseUrl, token, null);
    }

    private Api(String baseUrl, String token, String host) {
        this(baseUrl, token, host, java.util.Map.of());
    }

    private Api(String baseUrl, String token, String host, java.util.Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.host = host;
        this.headers = headers;
    }

    /** The same caller, sending one more header (e.g. If-Match). */
    public Api withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, token, host, java.util.Map.copyOf(more));
    }

    /** The same server, with a bearer token. */
    public Api withBearer(String bearer) {
        return new Api(baseUrl, bearer, host);
    }

    /** The same caller, sending the given Host header (a tenant's own domain). */
    public Api onHost(String hostName) {
        return new Api(baseUrl, token, hostName);
    }

    public static Api anonymous() {
        return new Api(TestSystem.baseUrl(), null);
    }

    public static Api withToken(String token) {
        return new Api(TestSystem.baseUrl(), token);
    }

    public static Api at(String baseUrl) {
        return new Api(baseUrl, null);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends raw bytes (an upload). */
    public Reply upload(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose answer is kept as bytes (media), with extra headers such as Range. */
    public HttpResponse<byte[]> download(String path, String... headerPairs) {
        HttpRequest.Builder builder = request(path).GET();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (host != null) {
            builder.header("Host", host);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** One HTTP answer, with helpers for the JSON and problem bodies the API returns. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonObject json() {
            JsonStructure structure =
                    Json.createReader(new StringReader(body())).read();
            return structure.asJsonObject();
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + body();
        }
    }
}
