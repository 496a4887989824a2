package dev.atrium.billing;

import java.util.Optional;
import java.util.UUID;

/**
 * Money one member pays into the platform for another member's work, held until the work is accepted: billing's
 * published interface for the marketplace's milestones. The payer funds a hold through the provider's Checkout; the
 * module decides, inside its own use case's transaction, to {@link #release} it to the payee, {@link #refund} it to
 * the payer, or {@link #settle} it in part each way; the money then moves after the commit (transfers to the payee's
 * and the tenant's payout accounts, a refund to the payer's card). The module learns what the provider confirmed
 * through the CDI events below, observed in the transaction that records them. Nothing moves on a browser's word.
 *
 * <p>The payee receives the released amount less the platform's fee and the tenant's share, at the rates fixed when the
 * hold was opened (see {@code domain/Split}); the tenant sets its share ({@code PATCH /billing/settings}).
 */
public interface Escrow {

    /**
     * Opens (or, while its Checkout still takes payment, reopens) the provider's Checkout where the calling member pays
     * the hold. Asks the provider: call it outside a transaction. @param returnUrl where the payer's browser comes
     * back to, on one of the tenant's addresses
     */
    FundingPage fund(Hold hold, String returnUrl);

    /** Releases all of a funded hold to its payee. In the caller's transaction; the transfers follow its commit. */
    void release(UUID holdId, String reason);

    /** Returns all of a funded hold to its payer. In the caller's transaction; the refund follows its commit. */
    void refund(UUID holdId, String reason);

    /** Releases {@code toPayee} of a funded hold and returns the rest to the payer (a dispute's decision). */
    void settle(UUID holdId, Money toPayee, String reason);

    /** A hold as it stands, in the current tenant. */
    Optional<HoldState> state(UUID holdId);

    /**
     * What a module asks to hold. @param module the module whose thing it pays for ({@code marketplace}) @param ref
     * the thing, in the module's words ({@code milestone-<id>}); one live hold per thing
     */
    record Hold(String module, String ref, UUID payeeId, Money amount, String description) {}

    /** The hold and the provider's page (Checkout session) where its payer pays it. */
    record FundingPage(UUID holdId, String checkoutId, String url) {}

    /**
     * @param status {@code pending}, {@code funded}, {@code settling}, {@code settled}, {@code expired},
     *     {@code charged-back} @param payeeNet what the payee receives of the release, once decided @param payoutOwed
     *     whether a payout waits for its party's payout account to be able to receive it @param disputed whether the
     *     payer's bank is disputing the charge (nothing is released meanwhile)
     */
    record HoldState(
            UUID id,
            String status,
            Money amount,
            Money released,
            Money payeeNet,
            Money refunded,
            boolean payoutOwed,
            boolean disputed) {}

    /** The provider confirmed the payer's payment: the money is held. */
    record Funded(UUID holdId, String module, String ref, UUID payerId, UUID payeeId, Money amount) {}

    /** The payee's part was transferred to their payout account. @param released before fees, @param payeeNet after */
    record Released(UUID holdId, String module, String ref, UUID payeeId, Money released, Money payeeNet) {}

    /** The provider confirmed the refund to the payer (all that was decided to go back). */
    record Refunded(UUID holdId, String module, String ref, UUID payerId, Money refunded) {}

    /** The payer's bank took the payment back (a lost chargeback) while it was held: nothing is left to release. */
    record ChargedBack(UUID holdId, String module, String ref) {}
}
