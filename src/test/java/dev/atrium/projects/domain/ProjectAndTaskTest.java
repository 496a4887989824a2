package dev.atrium.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectAndTaskTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);
    private final UUID owner = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    private Project project() {
        return new Project("Website", Visibility.MEMBERS, owner, NOW);
    }

    @Test
    void creatorOwnsTheProject() {
        assertEquals(ProjectRole.OWNER, project().roleOf(owner).orElseThrow());
        assertEquals(ProjectStatus.PLANNING, project().status());
    }

    @Test
    void theLastOwnerStaysOwner() {
        Project project = project();
        assertThrows(ConflictException.class, () -> project.assign(owner, ProjectRole.EDITOR, NOW));
        assertThrows(ConflictException.class, () -> project.remove(owner, NOW));
        project.assign(other, ProjectRole.OWNER, NOW);
        project.assign(owner, ProjectRole.VIEWER, NOW);
        assertEquals(ProjectRole.VIEWER, project.roleOf(owner).orElseThrow());
    }

    @Test
    void targetDateMayNotPrecedeStartDate() {
        Project project = project();
        Project.Edit backwards =
                new Project.Edit(null, null, null, null, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1), null);
        assertThrows(InvalidRequestException.class, () -> project.edit(backwards, NOW));
    }

    @Test
    void editsNameWhatChanged() {
        Project project = project();
        List<Change> changes =
                project.edit(new Project.Edit("Website 2", null, ProjectStatus.ACTIVE, null, null, null, null), NOW);
        assertEquals(
                List.of("name", "status"), changes.stream().map(Change::field).toList());
        assertEquals("Website", changes.get(0).oldValue());
    }

    @Test
    void archivedProjectsDoNotChange() {
        Project project = project();
        project.archive(NOW);
        assertThrows(ConflictException.class, () -> project.assign(other, ProjectRole.EDITOR, NOW));
    }

    @Test
    void movingToDoneClosesAndMovingBackReopens() {
        Task task = new Task(UUID.randomUUID(), "Write copy", TaskPriority.HIGH, 1, owner, NOW);
        task.move(TaskStatus.DONE, 5, NOW.plusHours(1));
        assertNotNull(task.closedAt());
        task.move(TaskStatus.IN_PROGRESS, 7, NOW.plusHours(2));
        assertNull(task.closedAt());
        assertEquals(7, task.position());
    }

    @Test
    void overdueOnlyWhileOpen() {
        Task task = new Task(UUID.randomUUID(), "Ship", TaskPriority.URGENT, 1, owner, NOW);
        task.edit(new Task.Edit(null, null, null, null, null, null, LocalDate.of(2026, 11, 20), null, null, null), NOW);
        assertTrue(task.isOverdue(LocalDate.of(2026, 11, 22)));
        task.move(TaskStatus.DONE, 2, NOW);
        assertTrue(!task.isOverdue(LocalDate.of(2026, 11, 22)));
    }

    @Test
    void progressCountsDoneAgainstTasksInScope() {
        UUID project = UUID.randomUUID();
        Task done = new Task(project, "a", null, 1, owner, NOW.minusDays(2));
        done.move(TaskStatus.DONE, 1, NOW.minusDays(1));
        Task open = new Task(project, "b", null, 2, owner, NOW.minusDays(2));
        Task cancelled = new Task(project, "c", null, 3, owner, NOW.minusDays(2));
        cancelled.move(TaskStatus.CANCELLED, 1, NOW.minusDays(1));

        Progress progress =
                Progress.of(List.of(done, open, cancelled), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22));

        assertEquals(3, progress.total());
        assertEquals(50, progress.percentDone());
        assertEquals(3, progress.days().size());
        assertEquals(
                new Progress.Day(LocalDate.of(2026, 11, 20), 3, 0),
                progress.days().get(0));
        assertEquals(
                new Progress.Day(LocalDate.of(2026, 11, 21), 1, 1),
                progress.days().get(1));
    }
}
