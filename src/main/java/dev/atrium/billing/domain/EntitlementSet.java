package dev.atrium.billing.domain;

import dev.atrium.platform.errors.InvalidParameterException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A product's entitlements, kept in one text column as space-separated ids (ids never hold spaces). */
@Converter
public class EntitlementSet implements AttributeConverter<Set<String>, String> {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,40}(:[A-Za-z0-9-]{1,80})?");

    /** Refuses an id that is not a short lower-case word or {@code module:ref}. */
    public static Set<String> checked(Set<String> entitlements) {
        for (String entitlement : entitlements) {
            if (entitlement == null || !ID.matcher(entitlement).matches()) {
                throw new InvalidParameterException(
                        "entitlements",
                        "'" + entitlement + "' is not an entitlement id (lower-case words joined by -)");
            }
        }
        return Set.copyOf(entitlements);
    }

    @Override
    public String convertToDatabaseColumn(Set<String> entitlements) {
        return entitlements == null ? "" : String.join(" ", new TreeSet<>(entitlements));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank()
                ? Set.of()
                : Set.of(column.trim().split(" +"));
    }
}
