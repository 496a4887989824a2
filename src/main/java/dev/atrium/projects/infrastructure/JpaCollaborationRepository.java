package dev.atrium.projects.infrastructure;

import static dev.atrium.platform.persistence.NativeQueries.rows;
import static dev.atrium.platform.persistence.NativeQueries.uuid;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.projects.domain.CalendarFeed;
import dev.atrium.projects.domain.CollaborationRepository;
import dev.atrium.projects.domain.Comment;
import dev.atrium.projects.domain.TimeEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class JpaCollaborationRepository implements CollaborationRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<Comment> comment(UUID taskId, UUID commentId) {
        return Optional.ofNullable(em.find(Comment.class, commentId))
                .filter(c -> c.taskId().equals(taskId));
    }

    @Override
    public Page<Comment> comments(UUID taskId, PageRequest page) {
        return JpaPages.page(
                em,
                Comment.class,
                "Comment c",
                " where c.taskId = :task",
                "c.createdAt, c.id",
                Map.of("task", taskId),
                page);
    }

    @Override
    public void add(Comment comment) {
        em.persist(comment);
    }

    @Override
    public void remove(Comment comment) {
        em.remove(comment);
    }

    @Override
    public void add(TimeEntry entry) {
        em.persist(entry);
    }

    @Override
    public Optional<TimeEntry> timeEntry(UUID projectId, UUID entryId) {
        return em.createQuery("select e from TimeEntry e where e.id = :id and e.projectId = :project", TimeEntry.class)
                .setParameter("id", entryId)
                .setParameter("project", projectId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void remove(TimeEntry entry) {
        em.remove(entry);
    }

    @Override
    public TimeTotals timeTotals(UUID projectId, LocalDate from, LocalDate to) {
        String entries = " from time_entry e where e.project_id = ?1 and e.spent_on between ?2 and ?3";
        List<TaskMinutes> byTask = rows(
                        em,
                        "select e.task_id, t.title, t.estimate_minutes, sum(e.minutes)"
                                + " from time_entry e join task t on t.id = e.task_id"
                                + " where e.project_id = ?1 and e.spent_on between ?2 and ?3"
                                + " group by e.task_id, t.title, t.estimate_minutes order by sum(e.minutes) desc, e.task_id",
                        projectId,
                        from,
                        to)
                .stream()
                .map(row -> new TaskMinutes(
                        uuid(row[0]),
                        (String) row[1],
                        row[2] == null ? null : ((Number) row[2]).intValue(),
                        ((Number) row[3]).longValue()))
                .toList();
        Map<UUID, Long> byMember = new TreeMap<>();
        rows(em, "select e.member_id, sum(e.minutes)" + entries + " group by e.member_id", projectId, from, to)
                .forEach(row -> byMember.put(uuid(row[0]), ((Number) row[1]).longValue()));
        // ISO week-numbering year and week, as TimeTracking.week spells them (2026-W47).
        Map<String, Long> byWeek = new TreeMap<>();
        rows(
                        em,
                        "select to_char(e.spent_on, 'IYYY-\"W\"IW'), sum(e.minutes)" + entries + " group by 1",
                        projectId,
                        from,
                        to)
                .forEach(row -> byWeek.put((String) row[0], ((Number) row[1]).longValue()));
        return new TimeTotals(byTask, byMember, byWeek);
    }

    @Override
    public Optional<CalendarFeed> feedOf(UUID memberId) {
        return Optional.ofNullable(em.find(CalendarFeed.class, memberId));
    }

    @Override
    public Optional<CalendarFeed> feedWithSecretHash(String secretHash) {
        return em.createQuery("select f from CalendarFeed f where f.secretHash = :hash", CalendarFeed.class)
                .setParameter("hash", secretHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(CalendarFeed feed) {
        em.persist(feed);
    }

    @Override
    public void remove(CalendarFeed feed) {
        em.remove(feed);
    }
}
