package dev.atrium.platform.plans;

/**
 * Counts how much of one quota the current tenant uses. A module that owns what a quota limits publishes one as a CDI
 * bean (identity counts members); it is called inside the tenant's transaction.
 */
public interface UsageMeter {

    /** The quota measured, as the plan catalogue names it, e.g. {@link Plan#MEMBERS}. */
    String quota();

    long used();
}
