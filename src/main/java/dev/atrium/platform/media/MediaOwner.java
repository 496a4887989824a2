package dev.atrium.platform.media;

/**
 * What a medium belongs to, in a module's words: {@code ("community", "post", "<post id>")}. When the owner is deleted
 * its module calls {@link Media#deleteOwnedBy}, and the media go too.
 */
public record MediaOwner(String module, String type, String id) {

    public MediaOwner {
        if (module == null || module.isBlank() || type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("A media owner names its module, type and id");
        }
    }
}
