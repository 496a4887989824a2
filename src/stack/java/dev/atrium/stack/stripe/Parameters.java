package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request's parameters as stripe-java form-encodes them: {@code metadata[plan]=pro},
 * {@code line_items[0][price]=price_…}, {@code expand[0]=line_items}. Brackets nest, numeric indices make arrays, and
 * an empty value means "unset" (stripe-java sends {@code metadata=} to clear metadata). Typed reads answer Stripe's
 * errors with the full parameter name ({@code line_items[1][quantity]}).
 */
final class Parameters {

    private final JsonObject values;
    private final String prefix;

    private Parameters(JsonObject values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    static Parameters none() {
        return new Parameters(new JsonObject(), "");
    }

    static Parameters of(JsonObject values) {
        return new Parameters(values, "");
    }

    /** Parses {@code application/x-www-form-urlencoded} text (a body or a query string). */
    static Parameters parse(String form) {
        JsonObject tree = new JsonObject();
        if (form != null && !form.isBlank()) {
            for (String pair : form.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    insert(tree, segments(key), value);
                }
            }
        }
        return new Parameters(arraysOf(tree, null).getAsJsonObject(), "");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** {@code a[b][0]} as {@code a}, {@code b}, {@code 0}; an empty {@code []} stands for "the next index". */
    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        for (String inner : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
            segments.add(inner);
        }
        return segments;
    }

    /** Builds the tree with arrays as objects keyed by index first; {@link #arraysOf} turns them into arrays. */
    private static void insert(JsonObject tree, List<String> segments, String value) {
        JsonObject node = tree;
        for (int i = 0; i < segments.size() - 1; i++) {
            String segment = segments.get(i).isEmpty() ? Integer.toString(node.size()) : segments.get(i);
            JsonElement child = node.get(segment);
            if (child == null || !child.isJsonObject()) {
                child = new JsonObject();
                node.add(segment, child);
            }
            node = child.getAsJsonObject();
        }
        String last = segments.get(segments.size() - 1);
        node.addProperty(last.isEmpty() ? Integer.toString(node.size()) : last, value);
    }

    private static JsonElement arraysOf(JsonElement element, String name) {
        if (!element.isJsonObject()) {
            return element;
        }
        JsonObject object = element.getAsJsonObject();
        boolean indexed = !object.isEmpty()
                && !"metadata".equals(name)
                && object.keySet().stream().allMatch(key -> key.matches("\\d{1,6}"));
        if (indexed) {
            Map<Integer, JsonElement> byIndex = new TreeMap<>(Comparator.naturalOrder());
            object.entrySet().forEach(entry -> byIndex.put(Integer.valueOf(entry.getKey()), entry.getValue()));
            JsonArray array = new JsonArray();
            byIndex.values().forEach(value -> array.add(arraysOf(value, null)));
            return array;
        }
        JsonObject converted = new JsonObject();
        object.entrySet().forEach(entry -> converted.add(entry.getKey(), arraysOf(entry.getValue(), entry.getKey())));
        return converted;
    }

    /** The full name of a parameter as Stripe reports it in errors. */
    String name(String field) {
        return prefix.isEmpty() ? field : prefix + "[" + field + "]";
    }

    JsonObject values() {
        return values;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether the parameter was sent at all, even empty. */
    boolean has(String field) {
        return values.has(field);
    }

    /** Whether the parameter was sent as an empty value: "unset this". */
    boolean cleared(String field) {
        JsonElement value = values.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsString().isEmpty();
    }

    /** The parameter's text, or null when it is absent or empty. */
    String string(String field) {
        JsonElement value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw ApiError.invalidValue(null, name(field), "Invalid string: " + name(field) + " must be a string.");
        }
        String text = value.getAsString();
        return text.isEmpty() ? null : text;
    }

    String require(String field) {
        String value = string(field);
        if (value == null) {
            throw ApiError.missing(name(field));
        }
        return value;
    }

    /** One of the given values, or null when absent. */
    String choice(String field, String... allowed) {
        String value = string(field);
        if (value == null || List.of(allowed).contains(value)) {
            return value;
        }
        throw ApiError.invalidValue(
                null, name(field), "Invalid " + name(field) + ": must be one of " + String.join(", ", allowed));
    }

    Long integer(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAnInteger) {
            throw ApiError.invalidValue("parameter_invalid_integer", name(field), "Invalid integer: " + value);
        }
    }

    long requireInteger(String field) {
        Long value = integer(field);
        if (value == null) {
            throw ApiError.missing(name(field));
        }
        return value;
    }

    /** A non-negative amount in minor units. */
    Long amount(String field) {
        Long value = integer(field);
        if (value != null && value < 0) {
            throw ApiError.invalidValue(
                    "parameter_invalid_integer",
                    name(field),
                    "This value must be greater than or equal to 0 (" + name(field) + ").");
        }
        return value;
    }

    BigDecimal decimal(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notADecimal) {
            throw ApiError.invalidValue("parameter_invalid_decimal", name(field), "Invalid decimal: " + value);
        }
    }

    Boolean bool(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ApiError.invalidValue("parameter_invalid_boolean", name(field), "Invalid boolean: " + value);
    }

    /** An http(s) address, as Stripe checks the addresses it redirects browsers to or posts webhooks to. */
    String url(String field) {
        String value = string(field);
        if (value != null && !isUrl(value)) {
            throw ApiError.invalidValue("url_invalid", name(field), "Not a valid URL");
        }
        return value;
    }

    String requireUrl(String field) {
        require(field);
        return url(field);
    }

    static boolean isUrl(String value) {
        return value.matches("https?://[^\\s]+");
    }

    /** A three-letter currency, lower-cased as Stripe stores it. */
    String currency(String field) {
        String value = string(field);
        if (value == null) {
            return null;
        }
        if (!value.matches("[A-Za-z]{3}")) {
            throw ApiError.invalidValue(null, name(field), "Invalid currency: " + value);
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /** A nested hash such as {@code transfer_data}; empty when absent. */
    Parameters object(String field) {
        JsonElement value = values.get(field);
        if (value == null || cleared(field)) {
            return new Parameters(new JsonObject(), name(field));
        }
        if (!value.isJsonObject()) {
            throw ApiError.invalidValue(null, name(field), "Invalid object: " + name(field) + " must be a hash.");
        }
        return new Parameters(value.getAsJsonObject(), name(field));
    }

    /** An array of hashes such as {@code line_items}. */
    List<Parameters> objects(String field) {
        List<Parameters> items = new ArrayList<>();
        JsonElement value = values.get(field);
        if (value == null || cleared(field)) {
            return items;
        }
        if (!value.isJsonArray()) {
            throw ApiError.invalidValue(null, name(field), "Invalid array: " + name(field) + " must be an array.");
        }
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw ApiError.invalidValue(
                        null, name(field) + "[" + i + "]", "Invalid object: " + name(field) + "[" + i + "]");
            }
            items.add(new Parameters(array.get(i).getAsJsonObject(), name(field) + "[" + i + "]"));
        }
        return items;
    }

    /** An array of strings such as {@code expand} or {@code enabled_events}. */
    List<String> strings(String field) {
        List<String> items = new ArrayList<>();
        JsonElement value = values.get(field);
        if (value == null || cleared(field)) {
            return items;
        }
        if (value.isJsonPrimitive()) {
            items.add(value.getAsString());
            return items;
        }
        if (!value.isJsonArray()) {
            throw ApiError.invalidValue(null, name(field), "Invalid array: " + name(field) + " must be an array.");
        }
        value.getAsJsonArray().forEach(item -> {
            if (!item.isJsonPrimitive()) {
                throw ApiError.invalidValue(null, name(field), "Invalid array of strings: " + name(field));
            }
            items.add(item.getAsString());
        });
        return items;
    }

    /**
     * Applies a {@code metadata} parameter to existing metadata as Stripe does: keys with values are set, keys sent
     * empty are removed, and {@code metadata=} (empty) removes every key.
     */
    void applyMetadata(JsonObject metadata) {
        if (!values.has("metadata")) {
            return;
        }
        if (cleared("metadata")) {
            metadata.keySet().clear();
            return;
        }
        Parameters given = object("metadata");
        for (var entry : given.values.entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw ApiError.invalidValue(null, given.name(entry.getKey()), "Metadata values must be strings.");
            }
            String value = entry.getValue().getAsString();
            if (value.isEmpty()) {
                metadata.remove(entry.getKey());
            } else {
                metadata.addProperty(entry.getKey(), value);
            }
        }
    }

    /** New metadata from the parameter alone. */
    JsonObject metadata() {
        JsonObject metadata = new JsonObject();
        applyMetadata(metadata);
        return metadata;
    }

    /** Refuses any parameter the operation does not know, as Stripe refuses them ({@code parameter_unknown}). */
    Parameters allowOnly(ParameterSpec spec) {
        spec.check(values);
        return this;
    }
}
