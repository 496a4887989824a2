package dev.atrium.identity.api;

import java.util.List;

/** Who the verified bearer token says the caller is. */
public record Caller(String subject, String username, String name, String email, List<String> roles) {}
