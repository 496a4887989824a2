package dev.atrium.projects.infrastructure;

import static dev.atrium.platform.persistence.NativeQueries.execute;
import static dev.atrium.platform.persistence.NativeQueries.uuid;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.ProjectStatus;
import dev.atrium.projects.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaProjectRepository implements ProjectRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    private static final String OPEN = "t.status not in ('DONE', 'CANCELLED')";

    @Override
    public void releaseMember(UUID member, UUID actor, OffsetDateTime now) {
        execute(
                em,
                "insert into activity (id, project_id, task_id, actor_id, occurred_at, field, old_value, new_value)"
                        + " select gen_random_uuid(), pm.project_id, null, ?2, ?3, 'member ' || pm.member_id, pm.role,"
                        + " null from project_member pm where pm.member_id = ?1",
                member,
                actor,
                now);
        execute(em, "delete from project_member where member_id = ?1", member);
        execute(
                em,
                "insert into activity (id, project_id, task_id, actor_id, occurred_at, field, old_value, new_value)"
                        + " select gen_random_uuid(), t.project_id, t.id, ?2, ?3, 'assignee removed', ?1::text, null"
                        + " from task t join task_assignee a on a.task_id = t.id where a.member_id = ?1 and " + OPEN,
                member,
                actor,
                now);
        // Bumps the version (ETag) of every task whose assignees change, so no stale edit writes them back.
        execute(
                em,
                "update task t set version = version + 1, updated_at = ?2 from task_assignee a"
                        + " where a.task_id = t.id and a.member_id = ?1 and " + OPEN,
                member,
                now);
        execute(
                em,
                "delete from task_assignee a using task t where a.task_id = t.id and a.member_id = ?1 and " + OPEN,
                member);
        execute(em, "delete from calendar_feed where member_id = ?1", member);
    }

    @Override
    public Optional<AccessRow> access(UUID projectId, UUID member) {
        List<?> rows = em.createNativeQuery("select p.visibility, p.status, (select pm.role from project_member pm"
                        + " where pm.project_id = p.id and pm.member_id = ?2) from project p where p.id = ?1")
                .setParameter(1, projectId)
                .setParameter(2, member)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new AccessRow(
                    Visibility.valueOf((String) columns[0]),
                    ProjectStatus.valueOf((String) columns[1]),
                    columns[2] == null ? null : ProjectRole.valueOf((String) columns[2]));
        });
    }

    @Override
    public Map<UUID, String> names(Set<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        em.createQuery("select p.id, p.name from Project p where p.id in :ids", Object[].class)
                .setParameter("ids", projectIds)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    @Override
    public List<Pace> paces(UUID member, boolean everything, OffsetDateTime since) {
        List<?> rows = em.createNativeQuery("select p.id, p.name, p.target_date,"
                        + " count(t.id) filter (where t.status not in ('DONE', 'CANCELLED')),"
                        + " count(t.id) filter (where t.status = 'DONE' and t.closed_at >= ?3)"
                        + " from project p left join task t on t.project_id = p.id"
                        + " where p.target_date is not null and p.status not in ('DONE', 'ARCHIVED')"
                        + " and (?1 or p.visibility = 'TENANT' or exists (select 1 from project_member pm"
                        + " where pm.project_id = p.id and pm.member_id = ?2))"
                        + " group by p.id, p.name, p.target_date")
                .setParameter(1, everything)
                .setParameter(2, member)
                .setParameter(3, since)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(columns -> new Pace(
                        uuid(columns[0]),
                        (String) columns[1],
                        ((java.sql.Date) columns[2]).toLocalDate(),
                        ((Number) columns[3]).longValue(),
                        ((Number) columns[4]).longValue()))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Milestone> datedMilestonesOf(UUID member) {
        return em.createNativeQuery(
                        "select m.* from milestone m join project p on p.id = m.project_id join project_member pm"
                                + " on pm.project_id = p.id and pm.member_id = ?1 where m.due_date is not null"
                                + " and p.status <> 'ARCHIVED' order by m.due_date, m.id",
                        Milestone.class)
                .setParameter(1, member)
                .getResultList();
    }

    @Override
    public Optional<Project> find(UUID id) {
        return Optional.ofNullable(em.find(Project.class, id));
    }

    @Override
    public void add(Project project) {
        em.persist(project);
    }

    @Override
    public void remove(Project project) {
        em.remove(project);
    }

    @Override
    public Page<Project> visibleTo(UUID member, boolean everything, ProjectStatus status, PageRequest page) {
        // Visibility depends on the membership table, which JPQL reaches awkwardly through a map collection.
        String where = " where (?1 or p.visibility = 'TENANT' or exists (select 1 from project_member pm"
                + " where pm.project_id = p.id and pm.member_id = ?2))"
                + (status != null ? " and p.status = ?3" : " and p.status <> 'ARCHIVED'");
        Query ids = em.createNativeQuery(
                "select p.id from project p" + where + " order by p.created_at desc, p.id limit ?4 offset ?5");
        Query count = em.createNativeQuery("select count(*) from project p" + where);
        for (Query query : List.of(ids, count)) {
            query.setParameter(1, everything).setParameter(2, member);
            if (status != null) {
                query.setParameter(3, status.name());
            }
        }
        ids.setParameter(4, page.size()).setParameter(5, page.offset());
        List<Project> projects = ((List<?>) ids.getResultList())
                .stream()
                        .map(id ->
                                em.find(Project.class, id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())))
                        .toList();
        return Page.of(projects, page, ((Number) count.getSingleResult()).longValue());
    }

    @Override
    public Optional<Milestone> milestone(UUID projectId, UUID milestoneId) {
        return Optional.ofNullable(em.find(Milestone.class, milestoneId))
                .filter(milestone -> milestone.projectId().equals(projectId));
    }

    @Override
    public List<Milestone> milestones(UUID projectId) {
        return em.createQuery(
                        "select m from Milestone m where m.projectId = :project order by m.dueDate, m.name",
                        Milestone.class)
                .setParameter("project", projectId)
                .getResultList();
    }

    @Override
    public void add(Milestone milestone) {
        em.persist(milestone);
    }

    @Override
    public void remove(Milestone milestone) {
        em.remove(milestone);
    }

    @Override
    public void record(ActivityEntry entry) {
        em.persist(entry);
    }

    @Override
    public Page<ActivityEntry> activity(UUID projectId, UUID taskId, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("project", projectId);
        if (taskId != null) {
            parameters.put("task", taskId);
        }
        String where = " where a.projectId = :project" + (taskId != null ? " and a.taskId = :task" : "");
        return JpaPages.page(
                em, ActivityEntry.class, "ActivityEntry a", where, "a.occurredAt desc, a.id", parameters, page);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
