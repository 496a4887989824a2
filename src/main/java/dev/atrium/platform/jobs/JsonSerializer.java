package dev.atrium.platform.jobs;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Task data as UTF-8 JSON: readable by an operator and by SQL ({@code convert_from(task_data, 'UTF8')}), and not
 * tied to Java serialisation, which would break on any change to a class.
 */
final class JsonSerializer implements Serializer {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : JSON.toJson(data).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] serialized) {
        return serialized == null ? null : JSON.fromJson(new String(serialized, StandardCharsets.UTF_8), type);
    }

    static String write(Object data) {
        return JSON.toJson(data);
    }

    static <T> T read(Class<T> type, String json) {
        return JSON.fromJson(json, type);
    }
}
