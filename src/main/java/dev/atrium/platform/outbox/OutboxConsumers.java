package dev.atrium.platform.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The consumers the application has, found once at start, and the JSON form events are stored in. */
@ApplicationScoped
public class OutboxConsumers {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    @Any
    Instance<OutboxConsumer<?>> found;

    private final Map<String, OutboxConsumer<?>> byName = new HashMap<>();
    private final Map<Class<?>, List<String>> namesByEvent = new HashMap<>();

    @PostConstruct
    void collect() {
        for (OutboxConsumer<?> consumer : found) {
            String name = consumer.name();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("Outbox consumer name '" + name + "' is not module.what-it-does");
            }
            typeOf(consumer.event());
            if (byName.putIfAbsent(name, consumer) != null) {
                throw new IllegalStateException("Two outbox consumers are named '" + name + "'");
            }
            namesByEvent
                    .computeIfAbsent(consumer.event(), event -> new java.util.ArrayList<>())
                    .add(name);
        }
    }

    /** The names of the consumers of an event class; empty if nothing takes it. */
    List<String> namesFor(Class<?> event) {
        return namesByEvent.getOrDefault(event, List.of());
    }

    Optional<OutboxConsumer<?>> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    static String typeOf(Class<?> event) {
        OutboxEvent type = event.getAnnotation(OutboxEvent.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getName() + " is not annotated @OutboxEvent");
        }
        return type.value();
    }

    static String write(Object event) {
        return JSON.toJson(event);
    }

    static <E> E read(Class<E> event, String json) {
        return JSON.fromJson(json, event);
    }
}
