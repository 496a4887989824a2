package dev.atrium.marketplace;

import java.util.UUID;

/** A client hired a professional: a contract started (in the transaction that made it). */
public record ContractStarted(UUID contractId, UUID clientId, UUID professionalId, UUID jobId) {}
