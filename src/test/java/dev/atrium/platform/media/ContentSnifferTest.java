package dev.atrium.platform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    private final ContentSniffer sniffer = new ContentSniffer();

    private String detect(byte[] bytes, String filename) throws IOException {
        return sniffer.detect(new ByteArrayInputStream(bytes), filename);
    }

    @Test
    void theBytesDecideNotTheName() throws IOException {
        assertEquals("image/jpeg", detect(SampleFiles.jpegWithComment(20, 20), "cat.png"));
        assertEquals("image/png", detect(SampleFiles.png(20, 20), "photo.jpg"));
        assertEquals("audio/vnd.wave", detect(SampleFiles.wave(100), "x.bin"));
        assertEquals("video/mp4", detect(SampleFiles.video(1), "clip.mp4"));
    }

    @Test
    void aScriptNamedLikeAnImageIsNotAnImage() throws IOException {
        String detected = detect("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "x.jpg");
        assertFalse(sniffer.agree("image/jpeg", detected), detected);
    }

    @Test
    void declaredTypesAreNormalisedAndAliasesAgree() {
        assertEquals("image/jpeg", sniffer.normalize("Image/JPEG; charset=binary"));
        assertTrue(sniffer.agree("audio/wav", "audio/vnd.wave"));
        assertTrue(sniffer.agree("audio/x-wav", "audio/vnd.wave"));
    }

    @Test
    void audioAndVideoInOneContainerAgreeButImagesDoNot() {
        assertTrue(sniffer.agree("audio/mp4", "video/mp4"), "an M4A is an MP4 container");
        assertFalse(sniffer.agree("image/png", "image/jpeg"));
        assertFalse(sniffer.agree("application/pdf", "text/plain"));
    }
}
