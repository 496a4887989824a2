/**
 * Real-time delivery to members' live connections (one WebSocket, or a Server-Sent Events stream, per member device
 * and tenant): modules {@link dev.atrium.platform.live.Live#publish publish} events in their transactions, the outbox
 * appends them to the tenant's live event log and announces them with PostgreSQL's NOTIFY, and every replica's
 * {@link dev.atrium.platform.live.LiveChannel} hands them to the connections it holds. docs/messaging.md describes the
 * protocol.
 */
package dev.atrium.platform.live;
