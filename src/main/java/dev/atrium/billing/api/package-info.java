/** Billing's HTTP API: a tenant's plan, its invoices, and the one endpoint Stripe sends its events to. */
package dev.atrium.billing.api;
