package dev.atrium.projects.application;

import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.EveryTenant;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Every hour, in every tenant with projects and notifications: the assignees of each open task due today or
 * tomorrow (UTC) are told, once per due date (a task whose date moves is reminded of the new one).
 */
@ApplicationScoped
public class DueSoonReminders implements RecurringJob {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    EveryTenant everyTenant;

    @Inject
    ProjectNotifications notifications;

    @Inject
    Now now;

    @Inject
    DueSoonReminders self;

    @Override
    public String name() {
        return "projects.due-soon";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        everyTenant.forEach("Due-soon reminders", tenant -> {
            if (tenant.hasEnabled(TenantModule.PROJECTS) && tenant.hasEnabled(TenantModule.NOTIFICATIONS)) {
                self.remind();
            }
        });
    }

    /** Reminds the assignees of tasks coming due; answers how many tasks. */
    @TenantTransactional
    public int remind() {
        LocalDate today = now.dateTime().toLocalDate();
        int reminded = 0;
        for (Object[] row : NativeQueries.rows(
                em,
                "update task set due_reminded_for = due_date where due_date between ?1 and ?2"
                        + " and status not in ('DONE', 'CANCELLED')"
                        + " and due_reminded_for is distinct from due_date returning id, project_id",
                today,
                today.plusDays(1))) {
            Task task = em.find(Task.class, NativeQueries.uuid(row[0]));
            Project project = em.find(Project.class, NativeQueries.uuid(row[1]));
            if (task != null && project != null && !task.assignees().isEmpty()) {
                notifications.dueSoon(task, project.name());
                reminded++;
            }
        }
        return reminded;
    }
}
