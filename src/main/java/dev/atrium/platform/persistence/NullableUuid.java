package dev.atrium.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For UUID attributes whose column may be NULL. EclipseLink 4.0's built-in UUID conversion fails on reading a NULL
 * (NullPointerException in its UUIDConverter); this converter hands the value over as text, which PostgreSQL casts
 * to uuid (the data source sends strings untyped, see server.xml).
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value == null ? null : value.toString();
    }

    /** The driver reads a uuid column as {@link UUID} already; anything else is its text. */
    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }
}
