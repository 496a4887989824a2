package dev.atrium.marketplace;

import java.util.UUID;

/**
 * A tenant admin hid a published review for breaking the rules ({@code hidden}), or showed it again: a hidden review
 * no longer counts towards its subject's reputation.
 */
public record ReviewModerated(UUID reviewId, UUID subjectId, boolean aboutProfessional, int overall, boolean hidden) {}
