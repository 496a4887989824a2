package dev.atrium.stack.stripe;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing Stripe's JSON with Gson: Stripe writes every field, null ones too, in insertion order. */
final class Json {

    static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    private Json() {}

    static String write(JsonElement element) {
        return GSON.toJson(element);
    }

    static JsonObject read(String text) {
        return GSON.fromJson(text, JsonObject.class);
    }

    /** The field as a string, or null when it is absent or null. */
    static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The field as a number, or null when it is absent or null. */
    static Long number(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsLong();
    }

    static long amount(JsonObject object, String field) {
        Long value = number(object, field);
        return value == null ? 0 : value;
    }

    static boolean flag(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && !value.isJsonNull() && value.getAsBoolean();
    }

    /** The field as an object, or null when it is absent, null or not an object. */
    static JsonObject object(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    static JsonArray array(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }

    /** Sets a field to a string, number, boolean, JSON element, or JSON null. */
    static void put(JsonObject object, String field, Object value) {
        object.add(field, element(value));
    }

    static JsonElement element(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement element) {
            return element;
        }
        if (value instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        throw new IllegalArgumentException("Not a JSON value: " + value.getClass());
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsJsonObject()));
        return values;
    }

    /** Stripe's list envelope around a page of objects. */
    static JsonObject list(String url, List<JsonObject> data, boolean hasMore) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        JsonArray items = new JsonArray();
        data.forEach(items::add);
        list.add("data", items);
        list.addProperty("has_more", hasMore);
        list.addProperty("url", url);
        return list;
    }

    /** Adds an object at the front of an embedded list (Stripe's embedded lists are newest first). */
    static void prepend(JsonObject list, JsonObject item) {
        JsonArray data = new JsonArray();
        data.add(item);
        data.addAll(array(list, "data"));
        list.add("data", data);
    }

    /** Merges {@code overlay} into {@code target}: objects field by field, anything else replaced. */
    static void merge(JsonObject target, JsonObject overlay) {
        for (var entry : overlay.entrySet()) {
            JsonElement current = target.get(entry.getKey());
            JsonElement value = entry.getValue();
            if (current != null && current.isJsonObject() && value.isJsonObject()) {
                merge(current.getAsJsonObject(), value.getAsJsonObject());
            } else {
                target.add(entry.getKey(), value.deepCopy());
            }
        }
    }
}
