package dev.atrium.platform.media;

import dev.atrium.platform.errors.AtriumException;

/** An upload refused before anything was stored: too large (413) or not what it says it is (415). */
public final class MediaRefused extends AtriumException {

    private MediaRefused(int status, String typeSlug, String title, String detail) {
        super(status, typeSlug, title, detail);
    }

    static MediaRefused tooLarge(String detail) {
        return new MediaRefused(413, "media-too-large", "Media too large", detail);
    }

    static MediaRefused unsupportedType(String detail) {
        return new MediaRefused(415, "media-type-not-accepted", "Media type not accepted", detail);
    }

    static MediaRefused contentMismatch(String declared, String detected) {
        return new MediaRefused(
                415,
                "media-content-mismatch",
                "Content does not match its type",
                "The file was declared as " + declared + " but its bytes are " + detected + ".");
    }
}
