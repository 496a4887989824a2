package dev.atrium.platform.outbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as an event that leaves its transaction through the {@link Outbox}, under a stable name
 * ({@code module.what-happened}). The name and the record's JSON are stored: renaming either strands the events
 * already written, so both change only with a migration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutboxEvent {
    String value();
}
