package dev.atrium.marketplace;

import java.util.UUID;

/**
 * A contract ended (in the transaction that ended it). @param completed whether work was paid in it (a finished
 * engagement, which other modules may turn into a project or count towards reputation), not just abandoned
 */
public record ContractEnded(
        UUID contractId, UUID clientId, UUID professionalId, UUID jobId, String title, boolean completed) {}
