/**
 * A local Stripe-compatible HTTP server for development and the integration tests: the application reaches it through
 * the official stripe-java SDK with only the API base changed, exactly as it reaches api.stripe.com in production. It
 * keeps Stripe's objects (built from Stripe's published fixtures) in memory, moves money through a platform balance,
 * signs and delivers webhooks, and serves the buyer's pages (Checkout, the customer portal, Connect onboarding, hosted
 * invoices). A control API under {@code /local} and the public methods of {@link dev.atrium.stack.stripe.LocalStripe}
 * drive what a real buyer, bank or card network would do (pay, decline, renew, dispute). Build tooling, not part of the
 * WAR; docs/local-stripe.md describes what it supports.
 */
package dev.atrium.stack.stripe;
