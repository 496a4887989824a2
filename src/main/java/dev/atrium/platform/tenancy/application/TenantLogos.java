package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.media.Media;
import dev.atrium.platform.media.MediaItem;
import dev.atrium.platform.media.MediaKind;
import dev.atrium.platform.media.MediaOwner;
import dev.atrium.platform.media.MediaUploads;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A logo file of tenants as code, in the tenant's media: uploaded as a public image (by the platform), and its address
 * — the platform's public URL and the medium's content path, with the file's hash as {@code ?v=} — becomes the
 * tenant's {@code logoUrl}. The hash makes the address change with the file (caches hold the old one for a year) and
 * tells the next start-up that nothing needs uploading.
 */
@ApplicationScoped
public class TenantLogos {

    @Inject
    MediaUploads uploads;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Media media;

    /** Whether {@code logoUrl} already points at this file's upload. */
    public boolean isCurrent(String logoUrl, Path file) {
        return logoUrl != null && logoUrl.endsWith("?v=" + version(file));
    }

    /** Uploads the file to the tenant's media; @return the logo's address */
    public String upload(TenantRef tenant, Path file) {
        String name = file.getFileName().toString();
        String type = name.toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
        return currentTenant.runAs(tenant, () -> {
            MediaItem logo =
                    uploads.uploadAsPlatform(new MediaUploads.Declared(MediaKind.IMAGE, type, name, true), file);
            // Owned, so that the sweep of unowned uploads leaves it; the previous logo goes.
            media.replacePlatformOwned(
                    logo.id(), new MediaOwner("tenancy", "logo", tenant.id().toString()));
            return media.publicUrl(logo, MediaItem.ORIGINAL) + "?v=" + version(file);
        });
    }

    private static String version(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
