package dev.atrium.projects.infrastructure;

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
    public List<TimeEntry> timeEntries(UUID projectId, LocalDate from, LocalDate to) {
        return em.createQuery(
                        "select e from TimeEntry e where e.projectId = :project and e.spentOn between :from and :to"
                                + " order by e.spentOn, e.id",
                        TimeEntry.class)
                .setParameter("project", projectId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
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
