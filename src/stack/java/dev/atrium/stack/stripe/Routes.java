package dev.atrium.stack.stripe;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/** The operations of an API by method and path template ({@code /v1/customers/{}}: one value per {@code {}}). */
final class Routes {

    /** What an operation does with a call: the object (or list) it answers. */
    @FunctionalInterface
    interface Operation {
        JsonElement run(Call call);
    }

    /** An operation found for a request, with the values its path template matched. */
    record Match(Operation operation, List<String> values) {}

    private record Route(String method, List<String> template, Operation operation) {}

    private final List<Route> routes = new ArrayList<>();

    void get(String template, Operation operation) {
        add("GET", template, operation);
    }

    void post(String template, Operation operation) {
        add("POST", template, operation);
    }

    void delete(String template, Operation operation) {
        add("DELETE", template, operation);
    }

    private void add(String method, String template, Operation operation) {
        routes.add(new Route(method, split(template), operation));
    }

    /** The operation for a request, or null. */
    Match find(String method, String path) {
        List<String> segments = split(path);
        for (Route route : routes) {
            if (route.method().equals(method) && route.template().size() == segments.size()) {
                List<String> values = matches(route.template(), segments);
                if (values != null) {
                    return new Match(route.operation(), values);
                }
            }
        }
        return null;
    }

    private static List<String> matches(List<String> template, List<String> segments) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            if (template.get(i).equals("{}")) {
                values.add(segments.get(i));
            } else if (!template.get(i).equals(segments.get(i))) {
                return null;
            }
        }
        return values;
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(java.net.URLDecoder.decode(segment, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return segments;
    }
}
