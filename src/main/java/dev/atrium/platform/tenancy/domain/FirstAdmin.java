package dev.atrium.platform.tenancy.domain;

/** The tenant's first administrator, created (or found by email) in Keycloak at onboarding. */
public record FirstAdmin(String email, String displayName) {}
