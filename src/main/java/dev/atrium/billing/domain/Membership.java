package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A member's premium membership: a subscription at the provider, as last read from it. Live (ACTIVE, or PAST_DUE while
 * the provider retries a failed renewal) it grants its product's entitlements; ENDED (cancelled, unpaid after the
 * retries, or Checkout abandoned) it grants nothing.
 */
@Entity
@Table(name = "billing_membership")
public class Membership {

    public enum Status {
        PENDING,
        ACTIVE,
        PAST_DUE,
        ENDED
    }

    /** What applying a read of the subscription means for the member's entitlements. */
    public enum Change {
        NONE,
        GRANT,
        REVOKE
    }

    private static final Set<String> LIVE = Set.of("trialing", "active", "past_due");
    private static final Set<String> OVER = Set.of("canceled", "unpaid", "incomplete_expired", "paused");

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_interval", nullable = false)
    private BillingInterval interval;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private long amount;

    @Column(name = "checkout_id")
    private String checkoutId;

    @Column(name = "subscription_id")
    private String subscriptionId;

    @Column(name = "provider_status")
    private String providerStatus;

    @Column(name = "current_period_end")
    private OffsetDateTime currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "read_from_provider_at")
    private OffsetDateTime readFromProviderAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Membership() {}

    public static Membership start(UUID memberId, Product product, BillingInterval interval, OffsetDateTime now) {
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.memberId = Objects.requireNonNull(memberId);
        membership.productId = product.id();
        membership.interval = interval;
        Money price = product.price(interval);
        membership.currency = price.currency();
        membership.amount = price.minor();
        membership.status = Status.PENDING;
        membership.createdAt = now;
        membership.updatedAt = now;
        return membership;
    }

    public void checkoutOpened(String checkoutId) {
        this.checkoutId = checkoutId;
    }

    /**
     * Applies the subscription as read at {@code readAt}; a read older than the last one applied changes nothing
     * (events come in any order, the freshest read wins).
     */
    public Change apply(PaymentProvider.SubscriptionState subscription, OffsetDateTime readAt, OffsetDateTime now) {
        if (readFromProviderAt != null && readAt.isBefore(readFromProviderAt)) {
            return Change.NONE;
        }
        if (subscriptionId != null && !subscriptionId.equals(subscription.id())) {
            return Change.NONE;
        }
        readFromProviderAt = readAt;
        subscriptionId = subscription.id();
        providerStatus = subscription.status();
        currentPeriodEnd = at(subscription.currentPeriodEnd());
        cancelAtPeriodEnd = subscription.cancelAtPeriodEnd();
        updatedAt = now;
        boolean wasLive = isLive();
        if (LIVE.contains(subscription.status())) {
            status = "past_due".equals(subscription.status()) ? Status.PAST_DUE : Status.ACTIVE;
        } else if (OVER.contains(subscription.status())) {
            status = Status.ENDED;
        }
        if (isLive() == wasLive) {
            return Change.NONE;
        }
        return isLive() ? Change.GRANT : Change.REVOKE;
    }

    /** Checkout was abandoned before the membership started. */
    public void checkoutExpired(OffsetDateTime now) {
        if (status == Status.PENDING) {
            status = Status.ENDED;
            updatedAt = now;
        }
    }

    public boolean isLive() {
        return status == Status.ACTIVE || status == Status.PAST_DUE;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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

    public BillingInterval interval() {
        return interval;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public String checkoutId() {
        return checkoutId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public OffsetDateTime currentPeriodEnd() {
        return currentPeriodEnd;
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
