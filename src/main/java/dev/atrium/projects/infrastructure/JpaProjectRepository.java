package dev.atrium.projects.infrastructure;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaProjectRepository implements ProjectRepository {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

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
