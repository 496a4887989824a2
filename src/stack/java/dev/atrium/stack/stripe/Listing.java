package dev.atrium.stack.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Stripe's list operations: newest first, {@code limit} (10 unless given, at most 100), cursors
 * {@code starting_after} and {@code ending_before}, equality filters on top-level fields, and {@code created}
 * ranges ({@code created[gte]}).
 */
final class Listing {

    private Listing() {}

    /** A page of the objects (newest first) that pass the filters named. */
    static JsonObject page(String url, List<JsonObject> newestFirst, Parameters params, String... filters) {
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject object : newestFirst) {
            if (passes(object, params, filters) && createdWithin(object, params)) {
                matching.add(object);
            }
        }
        return cut(url, matching, params);
    }

    private static boolean passes(JsonObject object, Parameters params, String... filters) {
        for (String filter : filters) {
            String wanted = params.string(filter);
            if (wanted != null && !wanted.equals(text(object.get(filter)))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value.isJsonObject()) {
            return Json.string(value.getAsJsonObject(), "id");
        }
        return value.isJsonPrimitive() ? value.getAsString() : null;
    }

    private static boolean createdWithin(JsonObject object, Parameters params) {
        if (!params.has("created")) {
            return true;
        }
        long created = Json.amount(object, "created");
        if (params.values().get("created").isJsonPrimitive()) {
            return created == params.requireInteger("created");
        }
        Parameters range = params.object("created");
        return within(created, range.integer("gt"), 1)
                && within(created, range.integer("gte"), 0)
                && within(-created, negated(range.integer("lt")), 1)
                && within(-created, negated(range.integer("lte")), 0);
    }

    private static Long negated(Long bound) {
        return bound == null ? null : -bound;
    }

    private static boolean within(long value, Long lowerBound, int strictly) {
        return lowerBound == null || value >= lowerBound + strictly;
    }

    private static JsonObject cut(String url, List<JsonObject> matching, Parameters params) {
        Long limitGiven = params.integer("limit");
        int limit = limitGiven == null ? 10 : limitGiven.intValue();
        if (limitGiven != null && (limitGiven < 1 || limitGiven > 100)) {
            throw ApiError.invalidValue(null, "limit", "Invalid limit: must be between 1 and 100");
        }
        String after = params.string("starting_after");
        String before = params.string("ending_before");
        if (after != null) {
            int from = indexOf(matching, after, "starting_after") + 1;
            int to = Math.min(matching.size(), from + limit);
            return Json.list(url, matching.subList(from, to), to < matching.size());
        }
        if (before != null) {
            int to = indexOf(matching, before, "ending_before");
            int from = Math.max(0, to - limit);
            return Json.list(url, matching.subList(from, to), from > 0);
        }
        int to = Math.min(matching.size(), limit);
        return Json.list(url, matching.subList(0, to), to < matching.size());
    }

    private static int indexOf(List<JsonObject> objects, String id, String param) {
        for (int i = 0; i < objects.size(); i++) {
            if (id.equals(Json.string(objects.get(i), "id"))) {
                return i;
            }
        }
        throw ApiError.noSuch("object", id, param);
    }
}
