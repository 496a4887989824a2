package dev.atrium.messaging.application;

import java.util.List;

/**
 * A page of history, newest first. {@code nextBefore} is the cursor for the older page (null at the beginning): a
 * message number, so messages sent meanwhile never shift what the next page holds.
 */
public record MessagePage(List<MessageView> items, Long nextBefore) {}
