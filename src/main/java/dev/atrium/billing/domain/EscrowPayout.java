package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a settled hold owes one party paid by transfer: the payee (a professional) or the tenant. OWED until the
 * party's payout account can receive transfers; SENT once the provider made the transfer (keyed by the hold and the
 * party, so a retry after a crash makes the same transfer, never a second one).
 */
@Entity
@Table(name = "billing_escrow_payout")
@IdClass(EscrowPayout.Key.class)
public class EscrowPayout {

    public enum Party {
        PROFESSIONAL,
        TENANT
    }

    public enum Status {
        OWED,
        SENT
    }

    /** The primary key: one payout per hold and party. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        UUID escrowId;
        Party party;

        public Key() {}

        public Key(UUID escrowId, Party party) {
            this.escrowId = escrowId;
            this.party = party;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.escrowId.equals(escrowId) && key.party == party;
        }

        @Override
        public int hashCode() {
            return escrowId.hashCode() * 31 + party.hashCode();
        }
    }

    @Id
    @Column(name = "escrow_id")
    private UUID escrowId;

    @Id
    @Enumerated(EnumType.STRING)
    private Party party;

    /** The payee; null for the tenant's share. */
    @Column(name = "member_id")
    @Convert(converter = NullableUuid.class)
    private UUID memberId;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "transfer_id")
    private String transferId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected EscrowPayout() {}

    public static EscrowPayout owed(UUID escrowId, Party party, UUID memberId, Money amount, OffsetDateTime now) {
        EscrowPayout payout = new EscrowPayout();
        payout.escrowId = escrowId;
        payout.party = party;
        payout.memberId = party == Party.TENANT ? null : memberId;
        payout.currency = amount.currency();
        payout.amount = amount.minor();
        payout.status = Status.OWED;
        payout.createdAt = now;
        return payout;
    }

    /** @return whether this was the transfer that paid it (the first) */
    public boolean sent(String transferId, OffsetDateTime now) {
        if (status == Status.SENT) {
            return false;
        }
        status = Status.SENT;
        this.transferId = transferId;
        sentAt = now;
        return true;
    }

    /** The idempotency key of its transfer: one per hold and party, whatever retries. */
    public String transferKey() {
        return "escrow-" + escrowId + "-" + party.name().toLowerCase(java.util.Locale.ROOT);
    }

    public UUID escrowId() {
        return escrowId;
    }

    public Party party() {
        return party;
    }

    public UUID memberId() {
        return memberId;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public Status status() {
        return status;
    }

    public String transferId() {
        return transferId;
    }
}
