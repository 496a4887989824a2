package dev.atrium.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON binding every resource uses. Unknown properties in a request are an error rather than silently dropped:
 * a client that misspells a field must learn so instead of seeing its change ignored.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = strict();

    /** A JSON binding with the API's rules, for reading documents that do not arrive as request bodies (YAML). */
    public static Jsonb strict() {
        return JsonbBuilder.create(new JsonbConfig()
                .withFormatting(false)
                .setProperty("jsonb.fail-on-unknown-properties", true)
                .setProperty("yasson.fail-on-unknown-properties", true));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
