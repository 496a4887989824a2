package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters one operation accepts, written as Stripe names them with {@code []} for "any index" and {@code *}
 * for "any key": {@code line_items[][price_data][product_data][name]}, {@code metadata[*]}. Every operation also
 * accepts {@code expand[]}. Anything else is refused as Stripe refuses it, with the parameter's full name.
 */
final class ParameterSpec {

    private static final String ANY_INDEX = "[]";
    private static final String ANY_KEY = "*";

    private final List<List<String>> patterns = new ArrayList<>();

    private ParameterSpec(List<String> names) {
        names.forEach(name -> patterns.add(segments(name)));
        patterns.add(segments("expand[]"));
    }

    static ParameterSpec of(String... names) {
        return new ParameterSpec(Arrays.asList(names));
    }

    /** The parameters a list operation takes besides its filters. */
    static ParameterSpec list(String... filters) {
        List<String> names = new ArrayList<>(List.of("limit", "starting_after", "ending_before"));
        names.addAll(Arrays.asList(filters));
        return new ParameterSpec(names);
    }

    private static List<String> segments(String name) {
        List<String> segments = new ArrayList<>();
        int open = name.indexOf('[');
        segments.add(open < 0 ? name : name.substring(0, open));
        if (open < 0) {
            return segments;
        }
        for (String inner : name.substring(open + 1, name.length() - 1).split("\\]\\[", -1)) {
            segments.add(inner.isEmpty() ? ANY_INDEX : inner);
        }
        return segments;
    }

    void check(JsonObject values) {
        checkObject(values, new ArrayList<>(), "");
    }

    private void checkObject(JsonObject object, List<String> path, String name) {
        for (var entry : object.entrySet()) {
            List<String> child = append(path, entry.getKey());
            String childName = name.isEmpty() ? entry.getKey() : name + "[" + entry.getKey() + "]";
            requireKnown(child, childName);
            checkValue(entry.getValue(), child, childName);
        }
    }

    private void checkValue(JsonElement value, List<String> path, String name) {
        if (value.isJsonObject()) {
            checkObject(value.getAsJsonObject(), path, name);
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                List<String> child = append(path, ANY_INDEX);
                String childName = name + "[" + i + "]";
                requireKnown(child, childName);
                checkValue(array.get(i), child, childName);
            }
        }
    }

    private void requireKnown(List<String> path, String name) {
        if (patterns.stream().noneMatch(pattern -> startsWith(pattern, path))) {
            throw ApiError.unknownParameter(name);
        }
    }

    private static boolean startsWith(List<String> pattern, List<String> path) {
        if (path.size() > pattern.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            String expected = pattern.get(i);
            if (!expected.equals(path.get(i))
                    && !(expected.equals(ANY_KEY) && !path.get(i).equals(ANY_INDEX))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }
}
