package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A product module a tenant can switch on. Members and branding are always on and not listed here. */
public enum TenantModule {
    PROJECTS,
    MARKETPLACE,
    LEARNING,
    COMMUNITY,
    ADVERTISING,
    MESSAGING,
    NOTIFICATIONS,
    BILLING,
    LEADS,
    ANALYTICS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantModule fromId(String id) {
        return Arrays.stream(values())
                .filter(module -> module.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("Unknown module '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(TenantModule::id).collect(Collectors.joining(", "))));
    }
}
