package dev.atrium.platform.media;

/** The file is not one that can be processed (a codec no library here decodes, a broken file): not worth a retry. */
final class UnprocessableMediaException extends Exception {

    UnprocessableMediaException(String reason) {
        super(reason);
    }
}
