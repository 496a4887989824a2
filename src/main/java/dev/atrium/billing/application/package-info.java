/**
 * Billing's use cases: starting Checkout and the customer portal, and applying Stripe's events. A call to Stripe never
 * runs while a transaction holds a database connection: a use case reads in one transaction, calls Stripe, and records
 * the answer in another, with an idempotency key derived from Atrium's own ids so that a repeat after a crash is
 * answered by Stripe with the first result.
 */
package dev.atrium.billing.application;
