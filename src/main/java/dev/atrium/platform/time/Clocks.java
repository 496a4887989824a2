package dev.atrium.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock the application reads time from ({@code @Inject Clock clock}; then {@code OffsetDateTime.now(clock)}),
 * in UTC. Tests that need a fixed date pin it in unit tests by passing their own {@code Clock}.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
