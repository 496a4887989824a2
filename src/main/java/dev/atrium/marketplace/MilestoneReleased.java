package dev.atrium.marketplace;

import dev.atrium.billing.Money;
import java.util.UUID;

/** A milestone's money reached its professional (billing confirmed the transfer). */
public record MilestoneReleased(
        UUID contractId, UUID milestoneId, UUID clientId, UUID professionalId, Money released, Money earned) {}
