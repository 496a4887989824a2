package dev.atrium.projects.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlockingGraphTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();

    @Test
    void aTaskCannotBlockItself() {
        assertTrue(new BlockingGraph(Map.of()).wouldCycle(a, a));
    }

    @Test
    void refusesADirectCycle() {
        // b is blocked by a: a cannot be blocked by b.
        assertTrue(new BlockingGraph(Map.of(b, Set.of(a))).wouldCycle(a, b));
    }

    @Test
    void refusesACycleThroughOtherTasks() {
        // c waits for b, b waits for a: a cannot wait for c.
        BlockingGraph graph = new BlockingGraph(Map.of(c, Set.of(b), b, Set.of(a)));
        assertTrue(graph.wouldCycle(a, c));
    }

    @Test
    void acceptsRelationsThatCloseNoCycle() {
        BlockingGraph graph = new BlockingGraph(Map.of(c, Set.of(b), b, Set.of(a)));
        assertFalse(graph.wouldCycle(c, a));
        assertFalse(graph.wouldCycle(d, c));
        assertFalse(graph.wouldCycle(a, d));
    }
}
