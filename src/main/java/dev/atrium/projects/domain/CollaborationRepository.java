package dev.atrium.projects.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Comments, time entries and calendar feeds of the current tenant's projects. */
public interface CollaborationRepository {

    Optional<Comment> comment(UUID taskId, UUID commentId);

    Page<Comment> comments(UUID taskId, PageRequest page);

    void add(Comment comment);

    void remove(Comment comment);

    void add(TimeEntry entry);

    Optional<TimeEntry> timeEntry(UUID projectId, UUID entryId);

    void remove(TimeEntry entry);

    /** Time entries of a project between two days (both included). */
    List<TimeEntry> timeEntries(UUID projectId, LocalDate from, LocalDate to);

    Optional<CalendarFeed> feedOf(UUID memberId);

    Optional<CalendarFeed> feedWithSecretHash(String secretHash);

    void add(CalendarFeed feed);

    void remove(CalendarFeed feed);
}
