package dev.atrium.platform.api;

import dev.atrium.platform.errors.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;

/**
 * ETags of versioned resources: the entity's version column, as a strong tag ({@code "7"}). Updates send it back in
 * {@code If-Match}; {@link #requiredVersion} turns that into the version the change applies to.
 */
public final class EntityTags {

    private EntityTags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by an {@code If-Match} header; 428 when it is missing, 412 when it names no version. */
    public static long requiredVersion(String ifMatch, String what) {
        OptionalLong version = parse(ifMatch);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailedException.required(what);
        }
        return version.orElseThrow(() -> PreconditionFailedException.stale(what));
    }

    static OptionalLong parse(String ifMatch) {
        if (ifMatch == null) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }
}
