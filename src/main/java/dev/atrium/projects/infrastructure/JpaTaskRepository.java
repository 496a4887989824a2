package dev.atrium.projects.infrastructure;

import static dev.atrium.platform.persistence.NativeQueries.rows;
import static dev.atrium.platform.persistence.NativeQueries.uuid;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.projects.domain.Progress;
import dev.atrium.projects.domain.ProjectScope;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskFilter;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@ApplicationScoped
public class JpaTaskRepository implements TaskRepository {

    /** The text a task is found by: a generated, GIN-indexed column (V5__task_search_column.sql). */
    static final String DOCUMENT = "t.search";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public Optional<Task> find(UUID projectId, UUID taskId) {
        // One statement: the task joined with its three collections (a few rows), instead of four selects.
        return em.createQuery("select t from Task t where t.id = :id and t.projectId = :project", Task.class)
                .setParameter("id", taskId)
                .setParameter("project", projectId)
                .setHint("eclipselink.left-join-fetch", "t.assignees")
                .setHint("eclipselink.left-join-fetch", "t.labels")
                .setHint("eclipselink.left-join-fetch", "t.blockedBy")
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Task task) {
        em.persist(task);
    }

    @Override
    public void remove(Task task) {
        em.remove(task);
    }

    @Override
    public Optional<Long> lastPosition(UUID projectId, TaskStatus status) {
        return Optional.ofNullable(em.createQuery(
                        "select max(t.position) from Task t where t.projectId = :project and t.status = :status",
                        Long.class)
                .setParameter("project", projectId)
                .setParameter("status", status)
                .getSingleResult());
    }

    @Override
    public Optional<Long> positionBefore(UUID projectId, TaskStatus status, long position) {
        return Optional.ofNullable(em.createQuery(
                        "select max(t.position) from Task t where t.projectId = :project and t.status = :status"
                                + " and t.position < :position",
                        Long.class)
                .setParameter("project", projectId)
                .setParameter("status", status)
                .setParameter("position", position)
                .getSingleResult());
    }

    @Override
    public List<Task> column(UUID projectId, TaskStatus status) {
        return em.createQuery(
                        "select t from Task t where t.projectId = :project and t.status = :status order by t.position",
                        Task.class)
                .setParameter("project", projectId)
                .setParameter("status", status)
                .getResultList();
    }

    @Override
    public Map<UUID, Set<UUID>> blockers(UUID projectId) {
        Map<UUID, Set<UUID>> blockers = new HashMap<>();
        for (Object row : em.createNativeQuery("select b.task_id, b.blocker_id from task_blocker b"
                        + " join task t on t.id = b.task_id where t.project_id = ?1")
                .setParameter(1, projectId)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            blockers.computeIfAbsent(uuid(columns[0]), k -> new HashSet<>()).add(uuid(columns[1]));
        }
        return blockers;
    }

    @Override
    public Page<Task> search(ProjectScope scope, TaskFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where ").append(inScope(scope, parameters));
        if (filter.status() != null) {
            where.append(" and t.status = ?").append(parameters.size() + 1);
            parameters.add(filter.status().name());
        }
        if (filter.priority() != null) {
            where.append(" and t.priority = ?").append(parameters.size() + 1);
            parameters.add(filter.priority().name());
        }
        if (filter.milestoneId() != null) {
            where.append(" and t.milestone_id = ?").append(parameters.size() + 1);
            parameters.add(filter.milestoneId());
        }
        if (filter.assignee() != null) {
            where.append(" and exists (select 1 from task_assignee a where a.task_id = t.id and a.member_id = ?")
                    .append(parameters.size() + 1)
                    .append(")");
            parameters.add(filter.assignee());
        }
        if (filter.label() != null) {
            where.append(" and exists (select 1 from task_label l where l.task_id = t.id and l.label = ?")
                    .append(parameters.size() + 1)
                    .append(")");
            parameters.add(filter.label());
        }
        if (filter.dueFrom() != null) {
            where.append(" and t.due_date >= ?").append(parameters.size() + 1);
            parameters.add(filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            where.append(" and t.due_date <= ?").append(parameters.size() + 1);
            parameters.add(filter.dueTo());
        }
        String order = " order by t.status, t.position, t.id";
        if (filter.text() != null && !filter.text().isBlank()) {
            int text = parameters.size() + 1;
            where.append(" and ")
                    .append(DOCUMENT)
                    .append(" @@ websearch_to_tsquery('simple', ?")
                    .append(text)
                    .append(")");
            parameters.add(filter.text());
            order = " order by ts_rank(" + DOCUMENT + ", websearch_to_tsquery('simple', ?" + text + ")) desc, t.id";
        }
        // The total comes with the page (a window count); only a page past the end needs a count of its own.
        Query ids = em.createNativeQuery("select t.id, count(*) over () from task t" + where + order + " limit "
                + page.size() + " offset " + page.offset());
        for (int i = 0; i < parameters.size(); i++) {
            ids.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = ((List<?>) ids.getResultList())
                .stream().map(row -> (Object[]) row).toList();
        List<UUID> found = rows.stream().map(row -> uuid(row[0])).toList();
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0)[1]).longValue();
        } else if (page.offset() == 0) {
            total = 0;
        } else {
            Query count = em.createNativeQuery("select count(*) from task t" + where);
            for (int i = 0; i < parameters.size(); i++) {
                count.setParameter(i + 1, parameters.get(i));
            }
            total = ((Number) count.getSingleResult()).longValue();
        }
        return Page.of(loadInOrder(found), page, total);
    }

    /**
     * Loads tasks with their collections in one statement (the tasks joined with their assignees, labels and
     * blockers: a few rows per task), in the order given.
     */
    private List<Task> loadInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Task> byId = new HashMap<>();
        em.createQuery("select t from Task t where t.id in :ids", Task.class)
                .setHint("eclipselink.left-join-fetch", "t.assignees")
                .setHint("eclipselink.left-join-fetch", "t.labels")
                .setHint("eclipselink.left-join-fetch", "t.blockedBy")
                .setParameter("ids", ids)
                .getResultList()
                .forEach(task -> byId.put(task.id(), task));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Progress.Counts progressCounts(UUID projectId, UUID milestoneId, LocalDate today) {
        List<Object> parameters = new ArrayList<>(List.of(projectId));
        String scope = " from task t where t.project_id = ?1";
        if (milestoneId != null) {
            parameters.add(milestoneId);
            scope += " and t.milestone_id = ?2";
        }
        List<Object> withToday = new ArrayList<>(parameters);
        withToday.add(today);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        long overdue = 0;
        for (Object[] row : rows(
                em,
                "select t.status, count(*), count(*) filter (where t.due_date < ?" + withToday.size()
                        + " and t.status not in ('DONE', 'CANCELLED'))" + scope + " group by t.status",
                withToday)) {
            byStatus.put(TaskStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
            overdue += ((Number) row[2]).longValue();
        }
        Map<LocalDate, Long> created = new TreeMap<>();
        Map<LocalDate, Long> closed = new TreeMap<>();
        Map<LocalDate, Long> done = new TreeMap<>();
        // Days in UTC, as Progress.Counts.of counts them; one row per day with activity, whatever the task count.
        for (Object[] row : rows(
                em,
                "select (t.created_at at time zone 'UTC')::date, 'created', count(*), 0" + scope + " group by 1"
                        + " union all select (t.closed_at at time zone 'UTC')::date, 'closed', count(*),"
                        + " count(*) filter (where t.status = 'DONE')" + scope + " and t.closed_at is not null"
                        + " group by 1",
                parameters)) {
            LocalDate day = ((java.sql.Date) row[0]).toLocalDate();
            if ("created".equals(row[1])) {
                created.put(day, ((Number) row[2]).longValue());
            } else {
                closed.put(day, ((Number) row[2]).longValue());
                done.put(day, ((Number) row[3]).longValue());
            }
        }
        return new Progress.Counts(byStatus, overdue, created, closed, done);
    }

    @Override
    public List<Task> assignedTo(UUID member, ProjectScope scope, boolean openOnly, boolean datedOnly, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(member);
        String sql = "select t.id from task t where exists (select 1 from task_assignee a where a.task_id = t.id"
                + " and a.member_id = ?1) and " + inScope(scope, parameters)
                + (openOnly ? " and t.status not in ('DONE', 'CANCELLED')" : "")
                + (datedOnly ? " and t.due_date is not null" : "")
                + " order by t.due_date nulls last, t.created_at, t.id limit " + limit;
        Query ids = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            ids.setParameter(i + 1, parameters.get(i));
        }
        return loadInOrder(((List<?>) ids.getResultList())
                .stream().map(NativeQueries::uuid).toList());
    }

    /** The scope as a condition on {@code t}, its parameters appended (numbered after those already there). */
    static String inScope(ProjectScope scope, List<Object> parameters) {
        if (scope instanceof ProjectScope.One one) {
            parameters.add(one.projectId());
            return "t.project_id = ?" + parameters.size();
        }
        ProjectScope.VisibleTo visible = (ProjectScope.VisibleTo) scope;
        String live = "t.project_id in (select p.id from project p where p.status <> 'ARCHIVED'";
        if (visible.everything()) {
            return live + ")";
        }
        parameters.add(visible.member());
        return live + " and (p.visibility = 'TENANT' or exists (select 1 from project_member pm"
                + " where pm.project_id = p.id and pm.member_id = ?" + parameters.size() + ")))";
    }

    @Override
    public Map<UUID, Set<UUID>> openBlockersOf(Set<UUID> taskIds) {
        Map<UUID, Set<UUID>> blockers = new HashMap<>();
        for (Object[] row : pairs(
                "select b.task_id, b.blocker_id from task_blocker b join task bl on bl.id = b.blocker_id"
                        + " where bl.status not in ('DONE', 'CANCELLED') and b.task_id in ",
                taskIds,
                "")) {
            blockers.computeIfAbsent(uuid(row[0]), k -> new HashSet<>()).add(uuid(row[1]));
        }
        return blockers;
    }

    @Override
    public Map<UUID, Integer> openTasksWaitingOn(Set<UUID> taskIds) {
        Map<UUID, Integer> waiting = new HashMap<>();
        for (Object[] row : pairs(
                "select b.blocker_id, count(*) from task_blocker b join task t on t.id = b.task_id"
                        + " where t.status not in ('DONE', 'CANCELLED') and b.blocker_id in ",
                taskIds,
                " group by b.blocker_id")) {
            waiting.put(uuid(row[0]), ((Number) row[1]).intValue());
        }
        return waiting;
    }

    /** Rows of two columns for a query whose {@code in} list is the given ids. */
    private List<Object[]> pairs(String prefix, Set<UUID> ids, String suffix) {
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder("(");
        for (int i = 1; i <= ids.size(); i++) {
            in.append(i == 1 ? "?" : ", ?").append(i);
        }
        Query query = em.createNativeQuery(prefix + in + ")" + suffix);
        int position = 1;
        for (UUID id : ids) {
            query.setParameter(position++, id);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    @Override
    public void flush() {
        em.flush();
    }
}
