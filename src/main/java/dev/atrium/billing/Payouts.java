package dev.atrium.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a member of the current tenant can be paid through the platform: the state of their payout account, as the
 * payment provider last reported it. Billing's published interface for dashboards (the marketplace's professionals).
 */
public interface Payouts {

    /** The member's payout account, if they opened one. */
    Optional<AccountStatus> accountOf(UUID memberId);

    /** @param ready transfers reach it now @param requirementsDue what the provider still asks of its holder */
    record AccountStatus(boolean ready, boolean payoutsEnabled, List<String> requirementsDue) {}
}
