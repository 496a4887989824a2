package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileRatingTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private static Profile profile() {
        return Profile.create(
                UUID.randomUUID(),
                "Ada",
                new Profile.Details("Shop builder", null, null, null, null, null, null, null, null, null, null),
                NOW);
    }

    @Test
    void aHiddenReviewsRatingIsTakenBackOutOfTheAverage() {
        Profile profile = profile();
        profile.rated(5);
        profile.rated(2);
        assertEquals(3.5, profile.averageRating());
        profile.unrated(2);
        assertEquals(5.0, profile.averageRating());
        assertEquals(1, profile.ratingCount());
        profile.unrated(5);
        assertNull(profile.averageRating());
        assertEquals(0, profile.ratingCount());
        assertThrows(IllegalStateException.class, () -> profile.unrated(3), "nothing counted to take out");
    }
}
