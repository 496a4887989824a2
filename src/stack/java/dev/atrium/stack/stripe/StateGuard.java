package dev.atrium.stack.stripe;

import java.util.function.Supplier;

/**
 * The one path to the platform's state: work runs under one lock, and work that changes it is followed by what Stripe
 * does shortly afterwards (a test card's dispute) and by saving the state (in development).
 */
interface StateGuard {

    <T> T change(Supplier<T> work);

    <T> T read(Supplier<T> work);
}
