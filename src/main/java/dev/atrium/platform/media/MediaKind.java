package dev.atrium.platform.media;

import dev.atrium.platform.api.EnumIds;
import java.util.Locale;
import java.util.Set;

/** What a medium is, which content types it may have, and how large it may be. */
public enum MediaKind {
    IMAGE(20L << 20, Set.of("image/jpeg", "image/png", "image/gif")),
    VIDEO(2L << 30, Set.of("video/mp4", "video/quicktime", "video/webm")),
    AUDIO(500L << 20, Set.of("audio/mpeg", "audio/mp4", "audio/ogg", "audio/vorbis", "audio/vnd.wave", "audio/webm")),
    DOCUMENT(50L << 20, Set.of("application/pdf", "text/plain"));

    private final long maxBytes;
    private final Set<String> contentTypes;

    MediaKind(long maxBytes, Set<String> contentTypes) {
        this.maxBytes = maxBytes;
        this.contentTypes = contentTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    /** Whether files of this kind are processed (variants, duration) before they are ready. */
    public boolean isProcessed() {
        return this != DOCUMENT;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaKind fromId(String id) {
        return EnumIds.fromId(MediaKind.class, id, "kind");
    }
}
