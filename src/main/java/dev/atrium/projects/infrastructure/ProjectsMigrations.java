package dev.atrium.projects.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The projects module's tables in every tenant schema: {@code db/tenant/projects}. */
@ApplicationScoped
public class ProjectsMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "projects";
    }

    /** Its V1 to V4 were V2 to V5 of the shared history. */
    @Override
    public String legacyVersion() {
        return "4";
    }

    @Override
    public java.util.List<String> exportedTables() {
        return java.util.List.of(
                "project",
                "project_label",
                "project_member",
                "milestone",
                "task",
                "task_assignee",
                "task_label",
                "task_blocker",
                "activity",
                "task_comment",
                "comment_mention",
                "time_entry");
    }

    /** A calendar feed is a member's secret link (its hash): a credential, not data. */
    @Override
    public java.util.List<String> unexportedTables() {
        return java.util.List.of("calendar_feed");
    }
}
