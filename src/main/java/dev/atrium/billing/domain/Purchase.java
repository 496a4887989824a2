package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
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
 * A member's purchase of an item. PENDING while Checkout is open; PAID when the provider confirms the payment (never
 * on the browser's return); REFUNDED once refunds reach the whole amount (a partial refund keeps it PAID and its
 * entitlement); EXPIRED when Checkout was abandoned; CHARGED_BACK when a dispute was lost. Each transition is taken once, however often the provider's
 * events repeat it.
 */
@Entity
@Table(name = "billing_purchase")
public class Purchase {

    public enum Status {
        PENDING,
        PAID,
        REFUNDED,
        EXPIRED,
        /** The member's bank took the payment back (a lost dispute). */
        CHARGED_BACK
    }

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private long amount;

    @Column(name = "amount_refunded", nullable = false)
    private long amountRefunded;

    @Column(name = "checkout_id")
    private String checkoutId;

    @Column(name = "payment_intent_id")
    private String paymentIntentId;

    @Column(name = "charge_id")
    private String chargeId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Column(name = "refunded_at")
    private OffsetDateTime refundedAt;

    @Version
    private long version;

    protected Purchase() {}

    public static Purchase start(UUID memberId, Product product, OffsetDateTime now) {
        Purchase purchase = new Purchase();
        purchase.id = UUID.randomUUID();
        purchase.memberId = Objects.requireNonNull(memberId);
        purchase.productId = product.id();
        Money price = product.priceOnce();
        purchase.currency = price.currency();
        purchase.amount = price.minor();
        purchase.status = Status.PENDING;
        purchase.createdAt = now;
        return purchase;
    }

    public void checkoutOpened(String checkoutId) {
        this.checkoutId = checkoutId;
    }

    /** @return whether this confirmation is the one that made it paid (the first) */
    public boolean paid(String paymentIntentId, String chargeId, OffsetDateTime now) {
        if (status != Status.PENDING && status != Status.EXPIRED) {
            return false;
        }
        // An EXPIRED purchase can still be paid: Checkout may complete a payment in the moment it expires.
        status = Status.PAID;
        this.paymentIntentId = paymentIntentId;
        this.chargeId = chargeId;
        paidAt = now;
        return true;
    }

    public void expired() {
        if (status == Status.PENDING) {
            status = Status.EXPIRED;
        }
    }

    /**
     * The charge's refunded total as the provider holds it. @return whether the purchase became fully refunded now
     * (its entitlement then goes)
     */
    public boolean refunded(long refundedTotal, OffsetDateTime now) {
        if (refundedTotal <= amountRefunded || (status != Status.PAID && status != Status.REFUNDED)) {
            return false;
        }
        amountRefunded = Math.min(refundedTotal, amount);
        if (amountRefunded == amount && status == Status.PAID) {
            status = Status.REFUNDED;
            refundedAt = now;
            return true;
        }
        return false;
    }

    /** A dispute was lost. @return whether this made it charged back (it was paid until now) */
    public boolean chargedBack(OffsetDateTime now) {
        if (status != Status.PAID) {
            return false;
        }
        status = Status.CHARGED_BACK;
        refundedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID productId() {
        return productId;
    }

    public Status status() {
        return status;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Money amountRefunded() {
        return Money.of(amountRefunded, currency);
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

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime paidAt() {
        return paidAt;
    }

    public OffsetDateTime refundedAt() {
        return refundedAt;
    }
}
