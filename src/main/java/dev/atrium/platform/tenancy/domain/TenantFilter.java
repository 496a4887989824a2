package dev.atrium.platform.tenancy.domain;

/** What an operator filters the tenant list by; {@code null} parts do not filter. */
public record TenantFilter(TenantStatus status, TenantKind kind, String nameContains) {}
