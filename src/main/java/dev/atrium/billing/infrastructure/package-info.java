/** Billing's adapters: Stripe through stripe-java, and the platform tables that route Stripe's events. */
package dev.atrium.billing.infrastructure;
