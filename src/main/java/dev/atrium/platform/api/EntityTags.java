package dev.atrium.platform.api;

import dev.atrium.platform.errors.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ETags of versioned resources: the entity's version column, as a strong tag ({@code "7"}). Updates send it back in
 * {@code If-Match}; {@link #required} reads that into the versions a change may apply to.
 */
public final class EntityTags {

    private EntityTags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * What an {@code If-Match} header asks for (RFC 9110): {@code *} matches any current version, otherwise one of the
     * listed tags must be the current one. 428 when the header is missing: every change to a versioned resource must
     * say which version it was made on.
     */
    public static IfMatch required(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionFailedException.required(what);
        }
        if (ifMatch.trim().equals("*")) {
            return new IfMatch(true, Set.of(), what);
        }
        Set<Long> versions = Arrays.stream(ifMatch.split(","))
                .map(EntityTags::parse)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .collect(Collectors.toUnmodifiableSet());
        return new IfMatch(false, versions, what);
    }

    /** A parsed {@code If-Match}: checked against the version current when the change is applied. */
    public record IfMatch(boolean any, Set<Long> versions, String what) {

        /** 412 unless the current version is one the caller named (or the caller named any). */
        public void check(long current) {
            if (!any && !versions.contains(current)) {
                throw PreconditionFailedException.stale(what);
            }
        }
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
