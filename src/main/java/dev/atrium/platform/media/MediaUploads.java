package dev.atrium.platform.media;

import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.UpstreamException;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads: small files through the API (spooled to a temporary file, never held in memory), large ones straight to
 * storage through a presigned URL and then confirmed. Either way the declared type must be one the kind accepts, the
 * size within the kind's limit and the plan's storage quota, and the bytes must be what was declared — all checked
 * before the upload counts, and a refused file is removed from storage.
 */
@ApplicationScoped
public class MediaUploads {

    /** How many of the first bytes content detection reads. */
    private static final int SNIFF_BYTES = 64 * 1024;

    @Inject
    MediaLibrary library;

    @Inject
    ObjectStorage storage;

    @Inject
    ContentSniffer sniffer;

    @Inject
    CurrentTenant currentTenant;

    /** Larger files must go straight to storage ({@link #start}). */
    @Inject
    @ConfigProperty(name = "atrium.media.direct-upload-max-bytes", defaultValue = "26214400")
    long directUploadMax;

    /** What an upload declares about itself. */
    public record Declared(MediaKind kind, String contentType, String filename, boolean publicly) {}

    /** A small file through the API. {@code declaredLength} is the request's Content-Length, -1 if unknown. */
    public MediaItem upload(Declared declared, long declaredLength, InputStream body) {
        library.requireMember();
        String type = accepted(declared);
        long limit = Math.min(declared.kind().maxBytes(), directUploadMax);
        if (declaredLength > limit) {
            throw tooLarge(declared.kind(), limit);
        }
        Path spooled = null;
        try {
            spooled = Files.createTempFile("atrium-upload-", ".bin");
            long size = spool(body, spooled, limit, declared.kind());
            if (size == 0) {
                throw new InvalidRequestException("empty-upload", "Empty upload", "The request carried no file.");
            }
            try (InputStream start = new BufferedInputStream(Files.newInputStream(spooled))) {
                requireAgreement(type, sniffer.detect(start, declared.filename()));
            }
            MediaItem item = library.register(
                    declared.kind(), type, declared.filename(), size, declared.publicly(), MediaItem.Status.PENDING);
            try {
                storage.put(item.key(tenantId(), MediaItem.ORIGINAL), spooled, type);
            } catch (IOException unavailable) {
                library.forget(item.id());
                throw storageUnavailable(unavailable);
            }
            return library.stored(item.id());
        } catch (IOException unreadable) {
            throw new InvalidRequestException(
                    "upload-unreadable", "Upload unreadable", "The upload could not be read to its end.");
        } finally {
            deleteQuietly(spooled);
        }
    }

    /**
     * The platform's own upload of a file it holds (a tenant's logo from tenants as code), for the tenant selected
     * with {@code CurrentTenant.runAs}: the same checks as a member's upload, no uploader.
     */
    public MediaItem uploadAsPlatform(Declared declared, Path file) {
        String type = accepted(declared);
        try {
            long size = Files.size(file);
            if (size > declared.kind().maxBytes()) {
                throw tooLarge(declared.kind(), declared.kind().maxBytes());
            }
            try (InputStream start = new BufferedInputStream(Files.newInputStream(file))) {
                requireAgreement(type, sniffer.detect(start, declared.filename()));
            }
            MediaItem item = library.register(
                    declared.kind(), type, declared.filename(), size, declared.publicly(), MediaItem.Status.PENDING);
            try {
                storage.put(item.key(tenantId(), MediaItem.ORIGINAL), file, type);
            } catch (IOException unavailable) {
                library.forget(item.id());
                throw storageUnavailable(unavailable);
            }
            return library.stored(item.id());
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** A presigned upload: what the client PUTs its file to, and the medium it will be. */
    public record Started(MediaItem item, ObjectStorage.PresignedRequest upload) {}

    /** Registers a large upload (quota counted now) and signs a PUT of exactly that type and length. */
    public Started start(Declared declared, long size) {
        String type = accepted(declared);
        if (size <= 0) {
            throw new InvalidRequestException("invalid-size", "Invalid size", "An upload declares its size in bytes.");
        }
        if (size > declared.kind().maxBytes()) {
            throw tooLarge(declared.kind(), declared.kind().maxBytes());
        }
        MediaItem item = library.register(
                declared.kind(),
                type,
                declared.filename(),
                size,
                declared.publicly(),
                MediaItem.Status.AWAITING_UPLOAD);
        // The client's PUT goes to a staging key: only completion, after the checks, copies it to the original, so a
        // signed URL used again later cannot replace a checked (and cleaned) file.
        return new Started(
                item,
                storage.presignPut(
                        item.key(tenantId(), MediaItem.STAGED_UPLOAD), type, size, library.uploadUrlValidFor()));
    }

    /**
     * The client says its PUT finished: the object must be there with the declared length, and its first bytes must be
     * what was declared; otherwise it is removed and the upload refused.
     */
    public MediaItem complete(UUID id) {
        MediaItem item = library.ownUpload(id);
        if (item.status() != MediaItem.Status.AWAITING_UPLOAD) {
            return item;
        }
        String key = item.key(tenantId(), MediaItem.STAGED_UPLOAD);
        try {
            ObjectStorage.ObjectInfo stored = storage.head(key)
                    .orElseThrow(() -> new InvalidRequestException(
                            "upload-missing", "Upload missing", "Nothing was uploaded for medium " + id + " yet."));
            if (stored.length() != item.sizeBytes()) {
                storage.delete(key);
                throw new InvalidRequestException(
                        "upload-size-mismatch",
                        "Upload size mismatch",
                        "The upload has " + stored.length() + " bytes, not the " + item.sizeBytes() + " declared.");
            }
            String detected;
            try (ObjectStorage.StoredObject start = storage.get(key, "bytes=0-" + (SNIFF_BYTES - 1))) {
                detected = sniffer.detect(new BufferedInputStream(start.body()), item.filename());
            }
            if (!sniffer.agree(item.contentType(), detected)) {
                storage.delete(key);
                library.forget(id);
                throw MediaRefused.contentMismatch(item.contentType(), detected);
            }
            storage.copy(key, item.key(tenantId(), MediaItem.ORIGINAL));
            storage.delete(key);
        } catch (IOException unavailable) {
            throw storageUnavailable(unavailable);
        }
        return library.stored(id);
    }

    private String accepted(Declared declared) {
        if (declared.filename() == null
                || declared.filename().isBlank()
                || declared.filename().length() > 255
                || declared.filename().chars().anyMatch(Character::isISOControl)
                || declared.filename().contains("/")
                || declared.filename().contains("\\")) {
            throw new InvalidRequestException(
                    "invalid-filename",
                    "Invalid file name",
                    "An upload names its file: 1 to 255 characters, no control characters, no folders.");
        }
        String type = sniffer.normalize(declared.contentType());
        if (!declared.kind().contentTypes().contains(type)) {
            throw MediaRefused.unsupportedType("A " + declared.kind().id() + " is one of "
                    + String.join(
                            ", ",
                            declared.kind().contentTypes().stream().sorted().toList()) + ", not '"
                    + declared.contentType() + "'.");
        }
        return type;
    }

    private void requireAgreement(String declared, String detected) {
        if (!sniffer.agree(declared, detected)) {
            throw MediaRefused.contentMismatch(declared, detected);
        }
    }

    /** Copies the body to the file, refusing it as soon as it passes {@code limit}. */
    private static long spool(InputStream body, Path file, long limit, MediaKind kind) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = body.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw tooLarge(kind, limit);
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    private static MediaRefused tooLarge(MediaKind kind, long limit) {
        return MediaRefused.tooLarge("A " + kind.id() + " sent through the API may have at most " + limit
                + " bytes; larger files are uploaded to storage directly (POST /media/uploads), up to "
                + kind.maxBytes() + " bytes.");
    }

    private UUID tenantId() {
        return currentTenant.get().id();
    }

    static UpstreamException storageUnavailable(IOException cause) {
        return new UpstreamException(
                "storage-unavailable",
                "Storage unavailable",
                "The media storage could not be reached; nothing was stored. Try again shortly.",
                cause);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file the operating system cleans up.
            }
        }
    }
}
