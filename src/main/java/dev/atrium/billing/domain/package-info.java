/**
 * Billing's domain: tenants' plan subscriptions and their standing, invoices, and the payment provider seen from
 * Atrium (records of what Atrium needs from Stripe's objects, nothing of Stripe's SDK).
 */
package dev.atrium.billing.domain;
