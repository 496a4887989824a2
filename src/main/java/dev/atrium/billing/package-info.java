/**
 * Billing: the platform bills tenants for their plans, tenants sell to their members, and money passing through a
 * tenant's instance is shared between the professional, the tenant and the platform. Stripe is the payment provider,
 * behind {@link dev.atrium.billing.domain.PaymentProvider} with one adapter; Stripe's webhooks drive every state
 * change (never a browser's return), each event applied once. docs/billing.md explains the money model.
 *
 * <p>Published to other modules: {@link dev.atrium.billing.Money}.
 */
package dev.atrium.billing;
