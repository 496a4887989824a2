package dev.atrium.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.errors.InvalidRequestException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void anAnnouncementNeedsATitleAndAMergePatchClearsOnlyWhatItNames() {
        assertThrows(InvalidRequestException.class, () -> new Announcement(" ", null, UUID.randomUUID(), NOW));
        Announcement announcement = new Announcement(" Open day ", "Saturday", UUID.randomUUID(), NOW);
        assertEquals("Open day", announcement.title());

        announcement.edit(null, null, true, Set.of(), NOW);
        assertEquals("Saturday", announcement.body(), "left out, so kept");
        assertTrue(announcement.pinned());

        announcement.edit(null, null, null, Set.of("body"), NOW);
        assertNull(announcement.body());
        assertThrows(InvalidRequestException.class, () -> announcement.edit("", null, null, Set.of(), NOW));
    }
}
