package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stripe's {@code expand[]}: a field holding the id of a stored object is replaced by the object, along dotted paths
 * ({@code latest_invoice.payments}, {@code data.customer} on lists). Includable fields that Stripe leaves out unless
 * asked for (a checkout session's {@code line_items}, an invoice's {@code payments}) are added the same way.
 */
final class Expansion {

    private final Store store;
    private final Map<String, Function<JsonObject, JsonElement>> includable = new HashMap<>();

    Expansion(Store store) {
        this.store = store;
    }

    /** Declares a field of an object type that is left out unless expanded, and how to make it. */
    void include(String objectType, String field, Function<JsonObject, JsonElement> value) {
        includable.put(objectType + "." + field, value);
    }

    /** A copy of the answer with the given paths expanded; the stored objects are left as they are. */
    JsonElement render(JsonElement answer, List<String> paths) {
        JsonElement copy = answer.deepCopy();
        for (String path : paths) {
            expand(copy, Arrays.asList(path.split("\\.")), path);
        }
        return copy;
    }

    private void expand(JsonElement node, List<String> path, String whole) {
        if (path.isEmpty() || node == null || !node.isJsonObject()) {
            return;
        }
        JsonObject object = node.getAsJsonObject();
        String field = path.get(0);
        if ("list".equals(Json.string(object, "object")) && field.equals("data")) {
            Json.array(object, "data").forEach(item -> expand(item, path.subList(1, path.size()), whole));
            return;
        }
        JsonElement value = valueOf(object, field, whole);
        if (path.size() > 1) {
            descend(value, path.subList(1, path.size()), whole);
        }
    }

    private JsonElement valueOf(JsonObject object, String field, String whole) {
        Function<JsonObject, JsonElement> include = includable.get(Json.string(object, "object") + "." + field);
        if (include != null && !object.has(field)) {
            object.add(field, include.apply(object).deepCopy());
        }
        if (!object.has(field)) {
            throw ApiError.invalid(null, "expand", "This property cannot be expanded (" + whole + ").");
        }
        JsonElement value = object.get(field);
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaced(array.get(i)));
            }
            return array;
        }
        JsonElement expanded = replaced(value);
        object.add(field, expanded);
        return expanded;
    }

    private JsonElement replaced(JsonElement value) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            JsonObject stored = store.find(value.getAsString());
            if (stored != null) {
                return stored.deepCopy();
            }
        }
        return value;
    }

    private void descend(JsonElement value, List<String> rest, String whole) {
        if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(item -> expand(item, rest, whole));
        } else {
            expand(value, rest, whole);
        }
    }
}
