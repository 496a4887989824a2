package dev.atrium.platform.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file really is, from its bytes (Apache Tika's magic numbers; the file name only breaks ties, such as audio
 * against video in an MP4 container), and whether that agrees with what the uploader declared.
 */
@ApplicationScoped
public class ContentSniffer {

    /** Containers that hold audio or video alike: the declared kind decides, the bytes cannot. */
    private static final Set<Set<String>> SAME_CONTAINER = Set.of(
            Set.of("video/mp4", "audio/mp4", "video/quicktime"),
            Set.of("video/webm", "audio/webm"),
            Set.of("audio/ogg", "audio/vorbis", "video/ogg"));

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /** The detected type of a file, from its first bytes; the stream is read, not closed. */
    public String detect(InputStream start, String filename) throws IOException {
        return normalize(tika.detect(start, filename));
    }

    /** A declared type without parameters, in lower case, with aliases resolved ({@code audio/wav} is WAVE). */
    public String normalize(String contentType) {
        MediaType parsed = MediaType.parse(
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim());
        if (parsed == null) {
            return "";
        }
        return registry.normalize(parsed.getBaseType()).toString();
    }

    /** Whether the bytes are what was declared (or a more specific form of it, or the same container). */
    public boolean agree(String declared, String detected) {
        String wanted = normalize(declared);
        if (wanted.equals(detected)) {
            return true;
        }
        MediaType wantedType = MediaType.parse(wanted);
        MediaType detectedType = MediaType.parse(detected);
        if (wantedType != null && detectedType != null && registry.isSpecializationOf(detectedType, wantedType)) {
            return !wanted.equals("application/octet-stream") && !wanted.equals("text/plain")
                    || detected.startsWith("text/");
        }
        return SAME_CONTAINER.stream().anyMatch(group -> group.contains(wanted) && group.contains(detected));
    }
}
