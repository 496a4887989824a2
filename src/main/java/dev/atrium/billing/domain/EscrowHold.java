package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Money a payer put into escrow for a payee's work. PENDING while its Checkout is open; FUNDED once the provider
 * confirms the payment; SETTLING once what goes to the payee and what back to the payer is decided (once: a hold is
 * released or refunded one time only); SETTLED when the payouts were sent and the refund confirmed. A pending hold
 * whose Checkout lapsed is EXPIRED; a funded one whose payment the payer's bank took back is CHARGED_BACK. The fee
 * rates are fixed when it is opened.
 */
@Entity
@Table(name = "billing_escrow")
public class EscrowHold {

    public enum Status {
        PENDING,
        FUNDED,
        SETTLING,
        SETTLED,
        EXPIRED,
        CHARGED_BACK
    }

    @Id
    private UUID id;

    @Column(nullable = false)
    private String module;

    @Column(nullable = false)
    private String ref;

    @Column(name = "payer_id", nullable = false)
    private UUID payerId;

    @Column(name = "payee_id", nullable = false)
    private UUID payeeId;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private long amount;

    @Column(name = "platform_fee_bps", nullable = false)
    private int platformFeeBasisPoints;

    @Column(name = "tenant_share_bps", nullable = false)
    private int tenantShareBasisPoints;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "checkout_id")
    private String checkoutId;

    @Column(name = "payment_intent_id")
    private String paymentIntentId;

    @Column(name = "charge_id")
    private String chargeId;

    @Column(nullable = false)
    private boolean disputed;

    @Column(name = "release_amount")
    private Long releaseAmount;

    @Column(name = "refund_amount")
    private Long refundAmount;

    @Column(nullable = false)
    private long refunded;

    @Column(name = "settlement_reason")
    private String settlementReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "funded_at")
    private OffsetDateTime fundedAt;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    @Version
    private long version;

    protected EscrowHold() {}

    public static EscrowHold open(
            String module,
            String ref,
            UUID payerId,
            UUID payeeId,
            Money amount,
            String description,
            int platformFeeBasisPoints,
            int tenantShareBasisPoints,
            OffsetDateTime now) {
        if (payerId.equals(payeeId)) {
            throw new ConflictException("escrow-self-payment", "Paying oneself", "A member cannot pay themselves.");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A hold is for a positive amount");
        }
        // Fails now, not at release, if the rates together exceed the whole.
        Split.ofMarketplaceSale(amount, platformFeeBasisPoints, tenantShareBasisPoints);
        EscrowHold hold = new EscrowHold();
        hold.id = UUID.randomUUID();
        hold.module = Objects.requireNonNull(module);
        hold.ref = Objects.requireNonNull(ref);
        hold.payerId = payerId;
        hold.payeeId = Objects.requireNonNull(payeeId);
        hold.description = Objects.requireNonNull(description);
        hold.currency = amount.currency();
        hold.amount = amount.minor();
        hold.platformFeeBasisPoints = platformFeeBasisPoints;
        hold.tenantShareBasisPoints = tenantShareBasisPoints;
        hold.status = Status.PENDING;
        hold.createdAt = now;
        return hold;
    }

    public void checkoutOpened(String checkoutId) {
        this.checkoutId = checkoutId;
    }

    /**
     * The provider confirmed the payment. @return whether this confirmation is the one that funded it (the first; an
     * EXPIRED hold can still be funded: Checkout may complete a payment in the moment it lapses)
     */
    public boolean funded(String paymentIntentId, String chargeId, OffsetDateTime now) {
        if (status != Status.PENDING && status != Status.EXPIRED) {
            return false;
        }
        status = Status.FUNDED;
        this.paymentIntentId = paymentIntentId;
        this.chargeId = chargeId;
        fundedAt = now;
        return true;
    }

    public void expired() {
        if (status == Status.PENDING) {
            status = Status.EXPIRED;
        }
    }

    /**
     * Decides how the hold ends: {@code toPayee} released (split between the platform's fee, the tenant's share and the
     * payee, at the rates fixed when it was opened), the rest refunded. Only once, only while funded and undisputed.
     */
    public Split settle(Money toPayee, String reason, OffsetDateTime now) {
        if (status != Status.FUNDED) {
            throw new ConflictException(
                    "escrow-not-held",
                    "Nothing held",
                    switch (status) {
                        case PENDING, EXPIRED -> "The payment into escrow has not been confirmed.";
                        case SETTLING, SETTLED -> "This escrow was already released or refunded.";
                        default -> "The payer's bank took this payment back; nothing is left to release.";
                    });
        }
        if (disputed) {
            throw new ConflictException(
                    "escrow-disputed",
                    "Payment disputed",
                    "The payer's bank is disputing this payment; nothing can be released until the dispute closes.");
        }
        if (!toPayee.currency().equals(currency) || toPayee.minor() < 0 || toPayee.minor() > amount) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "amount", "between 0 and " + amount + " " + currency + " can be released of this escrow");
        }
        status = Status.SETTLING;
        releaseAmount = toPayee.minor();
        refundAmount = amount - toPayee.minor();
        settlementReason = reason;
        settledAt = now;
        return Split.ofMarketplaceSale(toPayee, platformFeeBasisPoints, tenantShareBasisPoints);
    }

    /** The provider's refunded total of the charge. @return whether it now covers the refund decided (the first time) */
    public boolean refundedTotal(long total) {
        if (total <= refunded) {
            return false;
        }
        boolean before = refundComplete();
        refunded = Math.min(total, amount);
        return !before && refundComplete();
    }

    public boolean refundComplete() {
        return refundAmount != null && refundAmount > 0 && refunded >= refundAmount;
    }

    /** Settled once every payout was sent and the refund, if any, confirmed. */
    public void completeIf(boolean payoutsSent, OffsetDateTime now) {
        if (status == Status.SETTLING && payoutsSent && (refundAmount == 0 || refunded >= refundAmount)) {
            status = Status.SETTLED;
            settledAt = now;
        }
    }

    /** The payer's bank opened (true) or closed (false) a dispute of the charge. */
    public void disputed(boolean open) {
        disputed = open;
    }

    /** A dispute was lost while the money was still held. @return whether this made it charged back */
    public boolean chargedBack() {
        disputed = false;
        if (status != Status.FUNDED) {
            return false;
        }
        status = Status.CHARGED_BACK;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String module() {
        return module;
    }

    public String ref() {
        return ref;
    }

    public UUID payerId() {
        return payerId;
    }

    public UUID payeeId() {
        return payeeId;
    }

    public String description() {
        return description;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Status status() {
        return status;
    }

    public String checkoutId() {
        return checkoutId;
    }

    public String paymentIntentId() {
        return paymentIntentId;
    }

    public String chargeId() {
        return chargeId;
    }

    public boolean isDisputed() {
        return disputed;
    }

    public Money released() {
        return Money.of(releaseAmount == null ? 0 : releaseAmount, currency);
    }

    public Money refundDecided() {
        return Money.of(refundAmount == null ? 0 : refundAmount, currency);
    }

    public Money refunded() {
        return Money.of(refunded, currency);
    }

    /** What the payee receives of the release (at the rates fixed at opening), once decided. */
    public Money payeeNet() {
        return releaseAmount == null
                ? Money.of(0, currency)
                : Split.ofMarketplaceSale(released(), platformFeeBasisPoints, tenantShareBasisPoints)
                        .sellerShare();
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime fundedAt() {
        return fundedAt;
    }
}
