package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Stripe object this server made, by id and in creation order (lists are newest first, and many objects share
 * a creation second), plus the local state Stripe keeps but never shows: a checkout session's line items until they are
 * expanded, a webhook endpoint's secret after its creation, an account link's token. Not thread-safe: {@link
 * LocalStripe} holds one lock around every use.
 */
final class Store {

    private final Map<String, JsonObject> objects = new LinkedHashMap<>();
    private final Map<String, JsonObject> local = new LinkedHashMap<>();

    void add(JsonObject object) {
        objects.put(Json.string(object, "id"), object);
    }

    void remove(String id) {
        objects.remove(id);
    }

    /** The object with this id whatever its type, or null. */
    JsonObject find(String id) {
        return id == null ? null : objects.get(id);
    }

    /** The object of this type with this id, or null. */
    JsonObject find(String objectType, String id) {
        JsonObject object = find(id);
        return object != null && objectType.equals(Json.string(object, "object")) ? object : null;
    }

    /** The object named in a request's path; 404 like Stripe when there is none. */
    JsonObject get(String objectType, String id, String label) {
        JsonObject object = find(objectType, id);
        if (object == null) {
            throw ApiError.noSuchPath(label, id);
        }
        return object;
    }

    /** The object named by a parameter; 400 naming the parameter when there is none. */
    JsonObject get(String objectType, String id, String label, String param) {
        JsonObject object = find(objectType, id);
        if (object == null) {
            throw ApiError.noSuch(label, id, param);
        }
        return object;
    }

    /** Every object of the type, oldest first. */
    List<JsonObject> all(String objectType) {
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject object : objects.values()) {
            if (objectType.equals(Json.string(object, "object"))) {
                matching.add(object);
            }
        }
        return matching;
    }

    List<JsonObject> newestFirst(String objectType) {
        List<JsonObject> matching = all(objectType);
        Collections.reverse(matching);
        return matching;
    }

    /** The local state kept under a key (an object's id, or a token), created empty on first use. */
    JsonObject local(String key) {
        return local.computeIfAbsent(key, absent -> new JsonObject());
    }

    /** The local state under a key, or null. */
    JsonObject findLocal(String key) {
        return local.get(key);
    }

    JsonObject snapshot() {
        JsonObject state = new JsonObject();
        state.addProperty("version", 1);
        JsonArray all = new JsonArray();
        objects.values().forEach(all::add);
        state.add("objects", all);
        JsonObject kept = new JsonObject();
        local.forEach(kept::add);
        state.add("local", kept);
        return state;
    }

    void restore(JsonObject state) {
        objects.clear();
        local.clear();
        Json.array(state, "objects").forEach(object -> add(object.getAsJsonObject()));
        JsonObject kept = Json.object(state, "local");
        if (kept != null) {
            kept.entrySet()
                    .forEach(entry -> local.put(entry.getKey(), entry.getValue().getAsJsonObject()));
        }
    }
}
