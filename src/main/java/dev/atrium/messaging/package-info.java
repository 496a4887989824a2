/**
 * Messaging: direct and group conversations between a tenant's members, messages with replies, edits and deletions,
 * read state and unread counts, and history paged by a cursor that concurrent sends cannot shift (docs/messaging.md).
 */
package dev.atrium.messaging;
