/**
 * E-mail: tenant-branded HTML and plain-text messages from templates, in the member's language where a translation
 * exists, sent over SMTP after the transaction that asked for them commits (through the outbox), retried with backoff,
 * never sent for work that rolled back.
 */
package dev.atrium.platform.mail;
