package dev.atrium.platform.api;

import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a JSON merge patch (RFC 7396) into a module's patch record: a member left out stays as it is, a member set to
 * {@code null} is cleared. A record cannot tell those two apart, so the resource takes the body as a {@link
 * JsonObject}; this binds it to the record (validated like any request record), and names the members that were set to
 * null. A null for a member that cannot be cleared is a 400 naming it.
 */
@ApplicationScoped
public class MergePatch {

    private final Jsonb jsonb = JsonbConfiguration.strict();

    @Inject
    Validator validator;

    /** A patch as read: the values given, and the members to clear. */
    public record Read<T>(T values, Set<String> cleared) {

        public boolean clears(String member) {
            return cleared.contains(member);
        }
    }

    /**
     * @param clearable the members that may be set to null (the optional ones)
     */
    public <T> Read<T> read(JsonObject body, Class<T> type, Set<String> clearable) {
        Set<String> cleared = body.entrySet().stream()
                .filter(member -> member.getValue().getValueType() == JsonValue.ValueType.NULL)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> notClearable =
                cleared.stream().filter(member -> !clearable.contains(member)).collect(Collectors.toSet());
        if (!notClearable.isEmpty()) {
            throw new InvalidRequestException(String.join(", ", new TreeSet<>(notClearable))
                    + " cannot be cleared; leave a member out to keep it as it is.");
        }
        T values;
        try {
            values = jsonb.fromJson(body.toString(), type);
        } catch (JsonbException unreadable) {
            throw new InvalidRequestException(
                    "The patch does not have the documented shape: a member is unknown or" + " of the wrong type.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(values);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Read<>(values, Set.copyOf(cleared));
    }
}
