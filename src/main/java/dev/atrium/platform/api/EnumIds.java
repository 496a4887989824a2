package dev.atrium.platform.api;

import dev.atrium.platform.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enum constants as the API spells them: lower case, words joined by underscores ({@code IN_PROGRESS} is
 * {@code in_progress}). An unknown value is a 400 that lists the accepted ones.
 */
public final class EnumIds {

    private EnumIds() {}

    public static String idOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E fromId(Class<E> type, String id, String what) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> idOf(constant).equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("Unknown " + what + " '" + id + "'; expected one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(EnumIds::idOf)
                                .collect(Collectors.joining(", "))));
    }
}
