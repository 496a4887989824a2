package dev.atrium.platform.media;

import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.plans.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The storage quota's use: every medium's original and variants, uploads in flight included. */
@ApplicationScoped
public class MediaUsage implements UsageMeter {

    @Inject
    MediaLibrary library;

    @Override
    public String quota() {
        return Plan.STORAGE_BYTES;
    }

    @Override
    public long used() {
        return library.storedBytes();
    }
}
