package dev.atrium.projects.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** "Blocked by" relations of a project's tasks, to refuse a relation that would close a cycle. */
public final class BlockingGraph {

    private final Map<UUID, Set<UUID>> blockersByTask;

    /** @param blockersByTask for each task, the tasks it is blocked by */
    public BlockingGraph(Map<UUID, Set<UUID>> blockersByTask) {
        this.blockersByTask = blockersByTask;
    }

    /**
     * Whether making {@code task} blocked by {@code blocker} closes a cycle: that is, {@code blocker} is already
     * (directly or through others) blocked by {@code task}, or they are the same task.
     */
    public boolean wouldCycle(UUID task, UUID blocker) {
        if (task.equals(blocker)) {
            return true;
        }
        Deque<UUID> pending = new ArrayDeque<>();
        Set<UUID> seen = new HashSet<>();
        pending.push(blocker);
        while (!pending.isEmpty()) {
            UUID current = pending.pop();
            if (current.equals(task)) {
                return true;
            }
            if (seen.add(current)) {
                blockersByTask.getOrDefault(current, Set.of()).forEach(pending::push);
            }
        }
        return false;
    }
}
