package dev.atrium.projects.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /** Minutes logged on a task of the project between two days (both included), with the task's title and estimate. */
    record TaskMinutes(UUID taskId, String title, Integer estimateMinutes, long minutes) {}

    /** The time logged on a project between two days (both included), summed in the database. */
    record TimeTotals(List<TaskMinutes> byTask, Map<UUID, Long> byMember, Map<String, Long> byIsoWeek) {}

    TimeTotals timeTotals(UUID projectId, LocalDate from, LocalDate to);

    Optional<CalendarFeed> feedOf(UUID memberId);

    Optional<CalendarFeed> feedWithSecretHash(String secretHash);

    void add(CalendarFeed feed);

    void remove(CalendarFeed feed);
}
