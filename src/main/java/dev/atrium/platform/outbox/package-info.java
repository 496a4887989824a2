/**
 * The transactional outbox: effects outside a change's transaction (mail, push, real-time delivery, webhooks,
 * notifications, indexing) are recorded in that transaction and delivered after it commits, at least once, to
 * idempotent consumers. CDI events stay for reactions inside the same transaction.
 */
package dev.atrium.platform.outbox;
