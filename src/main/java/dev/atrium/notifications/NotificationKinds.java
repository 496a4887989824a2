package dev.atrium.notifications;

import java.util.List;

/** A module's catalogue of the notifications it raises (a CDI bean per module). */
public interface NotificationKinds {

    List<NotificationKind> kinds();
}
