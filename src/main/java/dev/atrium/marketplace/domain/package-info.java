/**
 * The marketplace's aggregates and their rules: a job's life, a proposal's (one per professional and job, never on
 * one's own job), a service's tiers (at most three, in one currency) and its orders (never one's own), a contract's
 * milestones from funding to release (released once), disputes; an hourly contract's weeks of logged time (ISO weeks,
 * the weekly limit, frozen once submitted) and their price (minutes × rate). No JAX-RS, no queries.
 */
package dev.atrium.marketplace.domain;
