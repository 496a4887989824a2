package dev.atrium.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The current moment and day, in UTC, read from the injected {@link Clock}: the one place services ask for "now". */
@ApplicationScoped
public class Now {

    @Inject
    Clock clock;

    public OffsetDateTime dateTime() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
