package dev.atrium.projects.application;

import dev.atrium.identity.MemberRemoved;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.projects.domain.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * What projects does when a member leaves the tenant, in the removal's own transaction: their project memberships go,
 * their calendar feed stops (its secret URL would otherwise keep serving members-only task titles), and tasks still
 * open lose them as an assignee so that the board shows the work as unowned, as Taiga and Plane do; finished tasks
 * keep who did them. Every change is written to the projects' activity history.
 */
@ApplicationScoped
public class MemberDepartures {

    @Inject
    ProjectRepository projects;

    @Inject
    Clock clock;

    @TenantTransactional
    void onRemoved(@Observes MemberRemoved removed) {
        projects.releaseMember(removed.memberId(), removed.actor(), OffsetDateTime.now(clock));
    }
}
