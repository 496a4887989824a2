package dev.atrium.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Object storage as media needs it. One adapter: {@link S3ObjectStorage} (any S3 API). */
public interface ObjectStorage {

    void put(String key, Path file, String contentType) throws IOException;

    /** An object's bytes, all or a range ({@code range} as in HTTP: {@code bytes=0-1023}, or null). */
    StoredObject get(String key, String range) throws IOException;

    Optional<ObjectInfo> head(String key) throws IOException;

    void download(String key, Path file) throws IOException;

    /** Copies an object within the bucket (server side). */
    void copy(String from, String to) throws IOException;

    void delete(String key) throws IOException;

    /**
     * Deletes every object whose key starts with {@code prefix} and that was written before {@code before} (null:
     * whenever); @return how many
     */
    int deletePrefix(String prefix, java.time.Instant before) throws IOException;

    /** A URL that lets its holder PUT exactly this object (type and length are signed) until it expires. */
    PresignedRequest presignPut(String key, String contentType, long length, Duration validFor);

    /** A URL that lets its holder GET this object (ranges included) until it expires. */
    PresignedRequest presignGet(String key, String downloadName, Duration validFor);

    /** A range that the object does not have (HTTP 416). */
    final class RangeNotSatisfiable extends IOException {
        public RangeNotSatisfiable(String key) {
            super("The range asked for is outside object " + key);
        }
    }

    /** What is stored under a key. */
    record ObjectInfo(long length, String contentType, String etag) {}

    /** An object being read: its stream and what the storage said about it. */
    record StoredObject(InputStream body, long length, String contentType, String etag, String contentRange)
            implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /** A signed request: the URL, the method, and the headers the caller must send with it. */
    record PresignedRequest(URI url, String method, Map<String, String> headers, java.time.Instant expiresAt) {}
}
