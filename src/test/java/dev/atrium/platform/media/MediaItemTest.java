package dev.atrium.platform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.errors.ConflictException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MediaItemTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final MediaOwner POST = new MediaOwner("community", "post", "p1");

    private static MediaItem image(MediaItem.Status status) {
        return new MediaItem(MediaKind.IMAGE, "image/png", "a.png", 10, true, status, UUID.randomUUID(), NOW);
    }

    @Test
    void anImageWaitsForProcessingAndADocumentIsReadyOnceStored() {
        MediaItem picture = image(MediaItem.Status.AWAITING_UPLOAD);
        picture.stored();
        assertEquals(MediaItem.Status.PENDING, picture.status());
        MediaItem pdf = new MediaItem(
                MediaKind.DOCUMENT, "application/pdf", "a.pdf", 10, false, MediaItem.Status.PENDING, null, NOW);
        pdf.stored();
        assertEquals(MediaItem.Status.READY, pdf.status());
        assertEquals(100, pdf.progress());
    }

    @Test
    void progressStaysBelowAHundredUntilReady() {
        MediaItem picture = image(MediaItem.Status.PENDING);
        picture.processing(140);
        assertEquals(99, picture.progress());
        picture.ready(10, 10, null, List.of("thumbnail"), 30, null);
        assertEquals(100, picture.progress());
        assertTrue(picture.hasVariant("thumbnail"));
        assertTrue(picture.hasVariant(MediaItem.ORIGINAL));
        assertFalse(picture.hasVariant("upload"), "the staging key is never served");
    }

    @Test
    void aMediumBelongsToOneOwnerAndOnlyOnceUsable() {
        MediaItem picture = image(MediaItem.Status.PENDING);
        picture.attach(POST, NOW);
        picture.attach(POST, NOW);
        assertThrows(ConflictException.class, () -> picture.attach(new MediaOwner("learning", "lesson", "l1"), NOW));
        assertThrows(ConflictException.class, () -> image(MediaItem.Status.AWAITING_UPLOAD)
                .attach(POST, NOW));
    }

    @Test
    void keysLiveUnderTheTenant() {
        UUID tenant = UUID.randomUUID();
        MediaItem picture = image(MediaItem.Status.PENDING);
        assertEquals("t/" + tenant + "/m/" + picture.id() + "/thumbnail", picture.key(tenant, "thumbnail"));
    }

    @Test
    void fileNamesAreSentAsciiAndAsUtf8() {
        assertEquals(
                "inline; filename=\"caf_ menu.png\"; filename*=UTF-8''caf%C3%A9%20menu.png",
                MediaResource.contentDisposition("café menu.png"));
    }
}
