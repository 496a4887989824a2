package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The receipt of one confirmed payment (a purchase, or a membership's invoice): numbered per tenant in the order
 * payments were confirmed, one per payment whatever the provider repeats.
 */
@Entity
@Table(name = "billing_receipt")
public class Receipt {

    @Id
    private UUID id;

    @Column(nullable = false)
    private long number;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(name = "payment_ref", nullable = false)
    private String paymentRef;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private long amount;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    protected Receipt() {}

    public static Receipt issue(
            long number, UUID memberId, String paymentRef, String description, Money amount, OffsetDateTime now) {
        Receipt receipt = new Receipt();
        receipt.id = UUID.randomUUID();
        receipt.number = number;
        receipt.memberId = memberId;
        receipt.paymentRef = paymentRef;
        receipt.description = description;
        receipt.currency = amount.currency();
        receipt.amount = amount.minor();
        receipt.issuedAt = now;
        return receipt;
    }

    public UUID id() {
        return id;
    }

    public long number() {
        return number;
    }

    public UUID memberId() {
        return memberId;
    }

    public String paymentRef() {
        return paymentRef;
    }

    public String description() {
        return description;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }
}
