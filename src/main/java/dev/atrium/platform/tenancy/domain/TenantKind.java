package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What sort of organisation a tenant is; it chooses sensible defaults, never what a tenant may do. */
public enum TenantKind {
    SCHOOL,
    AGENCY,
    COMMUNITY,
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantKind fromId(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("Unknown tenant kind '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(TenantKind::id).collect(Collectors.joining(", "))));
    }
}
