package dev.atrium.billing.application;

import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.Membership;
import dev.atrium.billing.domain.Product;
import dev.atrium.billing.domain.ProductKind;
import dev.atrium.billing.domain.Purchase;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.PlatformTransactional;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional steps of members' purchases and memberships: starting one (recorded PENDING before the provider
 * is asked, so the provider's events always find it), recording the Checkout it got, and the reads members and admins
 * make of them.
 */
@ApplicationScoped
public class MemberPurchases {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Catalogue catalogue;

    @Inject
    BillingDirectory directory;

    @Inject
    dev.atrium.billing.infrastructure.EntitlementGrants grants;

    @Inject
    Now clock;

    /** What a member's Checkout needs, read and recorded in the member's tenant. */
    public record Started(
            TenantRef tenant,
            UUID memberId,
            Optional<String> customerId,
            String description,
            UUID purchaseId,
            UUID membershipId,
            dev.atrium.billing.Money amount,
            BillingInterval interval,
            java.time.Instant checkoutExpiresAt) {}

    /**
     * How long a Checkout takes payment. Until then, buying the same thing again (a second tab, a retried request)
     * is the same purchase and the same Checkout (its idempotency key is the purchase's id), so it cannot be paid for
     * twice; afterwards the old Checkout no longer takes payment.
     */
    static final java.time.Duration CHECKOUT_LIFETIME = java.time.Duration.ofHours(1);

    /** A pending purchase whose Checkout was never opened is started again after this (Stripe wants 30 min ahead). */
    private static final java.time.Duration REOPENABLE = java.time.Duration.ofMinutes(25);

    @TenantTransactional
    public Started start(UUID productId, BillingInterval interval) {
        TenantRef tenant = currentTenant.get();
        UUID member = caller();
        Product product = catalogue.existing(productId, LockModeType.NONE);
        if (!product.active()) {
            throw new ResourceNotFoundException("There is no product " + productId + ".");
        }
        Optional<String> customer = directory.memberCustomer(tenant.id(), member);
        if (product.kind() == ProductKind.ITEM) {
            if (interval != null) {
                product.price(interval); // refuses: an item is bought once, not per period
            }
            requireNotOwned(member, product);
            Purchase purchase = pendingPurchase(member, product).orElseGet(() -> {
                Purchase started = Purchase.start(member, product, clock.dateTime());
                em.persist(started);
                return started;
            });
            return new Started(
                    tenant,
                    member,
                    customer,
                    product.name(),
                    purchase.id(),
                    null,
                    purchase.amount(),
                    null,
                    purchase.createdAt().plus(CHECKOUT_LIFETIME).toInstant());
        }
        if (interval == null) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "interval", "a membership is bought per month or per year");
        }
        requireNoLiveMembership(member, product);
        Membership membership = pendingMembership(member, product, interval).orElseGet(() -> {
            Membership started = Membership.start(member, product, interval, clock.dateTime());
            em.persist(started);
            return started;
        });
        return new Started(
                tenant,
                member,
                customer,
                product.name() + " (" + interval.id() + "ly)",
                null,
                membership.id(),
                membership.amount(),
                interval,
                membership.createdAt().plus(CHECKOUT_LIFETIME).toInstant());
    }

    /** The member's purchase of the product whose Checkout still takes payment, if any. */
    private Optional<Purchase> pendingPurchase(UUID member, Product product) {
        java.time.OffsetDateTime now = clock.dateTime();
        return em.createQuery(
                        "select p from Purchase p where p.memberId = :member and p.productId = :product"
                                + " and p.status = :pending and p.createdAt > :since order by p.createdAt desc",
                        Purchase.class)
                .setParameter("member", member)
                .setParameter("product", product.id())
                .setParameter("pending", Purchase.Status.PENDING)
                .setParameter("since", now.minus(CHECKOUT_LIFETIME))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(1)
                .getResultStream()
                .filter(pending -> stillPayable(pending.createdAt(), pending.checkoutId(), now))
                .findFirst();
    }

    /**
     * Whether something started at {@code createdAt} can still be paid through its Checkout (an opened one lives until
     * {@link #CHECKOUT_LIFETIME}; one never opened is opened again only while Stripe would take its expiry).
     */
    static boolean stillPayable(java.time.OffsetDateTime createdAt, String checkoutId, java.time.OffsetDateTime now) {
        return createdAt.isAfter(now.minus(checkoutId != null ? CHECKOUT_LIFETIME : REOPENABLE));
    }

    private Optional<Membership> pendingMembership(UUID member, Product product, BillingInterval interval) {
        java.time.OffsetDateTime now = clock.dateTime();
        return em.createQuery(
                        "select m from Membership m where m.memberId = :member and m.productId = :product"
                                + " and m.interval = :interval and m.status = :pending and m.createdAt > :since"
                                + " order by m.createdAt desc",
                        Membership.class)
                .setParameter("member", member)
                .setParameter("product", product.id())
                .setParameter("interval", interval)
                .setParameter("pending", Membership.Status.PENDING)
                .setParameter("since", now.minus(CHECKOUT_LIFETIME))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(1)
                .getResultStream()
                .filter(pending -> stillPayable(pending.createdAt(), pending.checkoutId(), now))
                .findFirst();
    }

    /** Records the member's customer at the provider (once per member and tenant). */
    @PlatformTransactional
    public void recordCustomer(UUID tenantId, UUID memberId, String customerId) {
        directory.recordCustomer(customerId, new BillingDirectory.Owner(tenantId, memberId), clock.dateTime());
    }

    @TenantTransactional
    public void checkoutOpened(UUID purchaseId, UUID membershipId, String checkoutId) {
        if (purchaseId != null) {
            em.find(Purchase.class, purchaseId).checkoutOpened(checkoutId);
        } else {
            em.find(Membership.class, membershipId).checkoutOpened(checkoutId);
        }
    }

    @TenantTransactional
    public Page<PurchaseView> purchases(UUID memberId, PageRequest page) {
        UUID member = memberId != null && isAdmin() ? memberId : caller();
        return JpaPages.page(
                        em,
                        Purchase.class,
                        "Purchase p",
                        " where p.memberId = :member",
                        "p.createdAt desc, p.id",
                        Map.of("member", member),
                        page)
                .map(PurchaseView::of);
    }

    @TenantTransactional
    public Page<MembershipView> memberships(UUID memberId, PageRequest page) {
        UUID member = memberId != null && isAdmin() ? memberId : caller();
        return JpaPages.page(
                        em,
                        Membership.class,
                        "Membership m",
                        " where m.memberId = :member",
                        "m.createdAt desc, m.id",
                        Map.of("member", member),
                        page)
                .map(MembershipView::of);
    }

    @TenantTransactional
    public Set<String> myEntitlements() {
        return grants.held(caller());
    }

    /** A paid purchase an admin refunds: what the provider needs to refund it. */
    /** @param left what this refund returns @param remaining what was left to refund before it */
    public record Refundable(
            UUID purchaseId,
            String paymentIntentId,
            dev.atrium.billing.Money left,
            dev.atrium.billing.Money remaining) {}

    @TenantTransactional
    public Refundable refundable(UUID purchaseId, Long amount) {
        Purchase purchase = em.find(Purchase.class, purchaseId);
        if (purchase == null) {
            throw new ResourceNotFoundException("There is no purchase " + purchaseId + ".");
        }
        if (purchase.status() != Purchase.Status.PAID || purchase.paymentIntentId() == null) {
            throw new ConflictException(
                    "purchase-not-refundable",
                    "Not refundable",
                    "Only a paid purchase can be refunded; this one is "
                            + purchase.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        dev.atrium.billing.Money left = purchase.amount().minus(purchase.amountRefunded());
        long asked = amount == null ? left.minor() : amount;
        if (asked <= 0 || asked > left.minor()) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "amount", "must be between 1 and " + left.minor() + " (what is left to refund, in minor units)");
        }
        return new Refundable(
                purchase.id(), purchase.paymentIntentId(), dev.atrium.billing.Money.of(asked, left.currency()), left);
    }

    /** A live membership an admin ends and refunds: its subscription and the charge of its current period. */
    public record RefundableMembership(String subscriptionId, String chargeId) {}

    @TenantTransactional
    public RefundableMembership refundableMembership(UUID membershipId) {
        Membership membership = em.find(Membership.class, membershipId);
        if (membership == null) {
            throw new ResourceNotFoundException("There is no membership " + membershipId + ".");
        }
        if (!membership.isLive() || membership.subscriptionId() == null) {
            throw new ConflictException(
                    "membership-not-live", "Membership not live", "Only a live membership can be refunded.");
        }
        List<Object[]> charges = dev.atrium.platform.persistence.NativeQueries.rows(
                em,
                "select provider_ref from billing_ledger_entry where source_id = cast(?1 as uuid) and kind = 'charge'"
                        + " order by occurred_at desc limit 1",
                membershipId.toString());
        if (charges.isEmpty()) {
            throw new ConflictException(
                    "membership-not-paid-yet",
                    "Payment not recorded yet",
                    "The membership's payment is not recorded yet; try again in a moment.");
        }
        return new RefundableMembership(membership.subscriptionId(), (String) charges.get(0)[0]);
    }

    /** The caller's own membership (its subscription), to cancel or resume. */
    @TenantTransactional
    public String ownSubscription(UUID membershipId) {
        Membership membership = em.find(Membership.class, membershipId);
        if (membership == null || (!membership.memberId().equals(caller()) && !isAdmin())) {
            throw new ResourceNotFoundException("There is no membership " + membershipId + ".");
        }
        if (!membership.isLive() || membership.subscriptionId() == null) {
            throw new ConflictException(
                    "membership-not-live",
                    "Membership not live",
                    "Only a live membership can be cancelled or resumed.");
        }
        return membership.subscriptionId();
    }

    private void requireNotOwned(UUID member, Product product) {
        boolean owned = !em.createQuery(
                        "select p.id from Purchase p where p.memberId = :member and p.productId = :product"
                                + " and p.status = :paid",
                        UUID.class)
                .setParameter("member", member)
                .setParameter("product", product.id())
                .setParameter("paid", Purchase.Status.PAID)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (owned) {
            throw new ConflictException(
                    "already-bought", "Already bought", "You already own '" + product.name() + "'.");
        }
    }

    private void requireNoLiveMembership(UUID member, Product product) {
        boolean live = !em.createQuery(
                        "select m.id from Membership m where m.memberId = :member and m.productId = :product"
                                + " and m.status in :live",
                        UUID.class)
                .setParameter("member", member)
                .setParameter("product", product.id())
                .setParameter("live", java.util.List.of(Membership.Status.ACTIVE, Membership.Status.PAST_DUE))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (live) {
            throw new ConflictException(
                    "already-a-member",
                    "Already a member",
                    "You already have the membership '" + product.name() + "'.");
        }
    }

    private UUID caller() {
        return currentTenant
                .caller()
                .map(dev.atrium.platform.security.Membership::memberId)
                .orElseThrow(() -> new ForbiddenException("not-a-member", "Not a member", "Only members buy."));
    }

    private boolean isAdmin() {
        return currentTenant
                .caller()
                .map(dev.atrium.platform.security.Membership::isAdmin)
                .orElse(false);
    }

    static Map<String, String> metadata(TenantRef tenant, String key, UUID id) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("atrium_tenant", tenant.id().toString());
        metadata.put(key, id.toString());
        return metadata;
    }
}
