package dev.atrium.marketplace;

import java.util.UUID;

/**
 * A review became visible (in the transaction that published it): both parties of the contract had written, or its
 * review window ended. Published once per review; a review an admin hides or shows again is {@link ReviewModerated}.
 *
 * @param aboutProfessional whether it reviews the contract's professional (written by the client), else its client
 * @param overall the overall rating, 1 to 5
 */
public record ReviewPublished(
        UUID reviewId, UUID contractId, UUID authorId, UUID subjectId, boolean aboutProfessional, int overall) {}
