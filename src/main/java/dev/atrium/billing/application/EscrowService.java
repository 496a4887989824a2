package dev.atrium.billing.application;

import dev.atrium.billing.Escrow;
import dev.atrium.billing.Money;
import dev.atrium.billing.domain.BillingSettings;
import dev.atrium.billing.domain.EscrowHold;
import dev.atrium.billing.domain.EscrowPayout;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.Split;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.billing.infrastructure.LedgerStore;
import dev.atrium.identity.Members;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Escrow (see {@link Escrow}): opening a hold and its Checkout, deciding how it is settled. The decision is recorded
 * in the caller's transaction with the allocation of the released part in the ledger and a settlement job, so the
 * money moves ({@link EscrowSettlement}) exactly when the decision was committed.
 */
@ApplicationScoped
public class EscrowService implements Escrow {

    /** The marketplace's source in the ledger. */
    static final String SOURCE = "escrow";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    PaymentProvider provider;

    @Inject
    MemberCustomers customers;

    @Inject
    ReturnAddresses addresses;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    BillingDirectory directory;

    @Inject
    LedgerStore ledger;

    @Inject
    Members members;

    @Inject
    Jobs jobs;

    @Inject
    EscrowSettlement settlement;

    @Inject
    Now clock;

    @Inject
    Event<Escrow.Released> released;

    /** Calls through the container, so that each step's own transaction is started. */
    @Inject
    EscrowService self;

    /** The platform's fee on what professionals earn through a marketplace, in basis points (500 = 5 %). */
    @Inject
    @ConfigProperty(name = "atrium.billing.marketplace-fee-basis-points", defaultValue = "500")
    int platformFeeBasisPoints;

    @jakarta.annotation.PostConstruct
    void checkRate() {
        if (platformFeeBasisPoints < 0 || platformFeeBasisPoints > 10_000 - BillingSettings.MAX_MARKETPLACE_SHARE) {
            throw new IllegalStateException("atrium.billing.marketplace-fee-basis-points must be between 0 and "
                    + (10_000 - BillingSettings.MAX_MARKETPLACE_SHARE) + ", not " + platformFeeBasisPoints);
        }
    }

    /** A hold recorded PENDING, with what its Checkout needs. */
    public record Opened(TenantRef tenant, EscrowHold hold, Optional<String> customerId, Instant checkoutExpiresAt) {}

    @Override
    public FundingPage fund(Hold request, String returnUrl) {
        provider.requireConfigured();
        Opened opened = self.open(request);
        EscrowHold hold = opened.hold();
        String back = addresses.checked(opened.tenant().slug(), returnUrl);
        String customer = customers.customerOf(opened.tenant(), hold.payerId(), opened.customerId());
        PaymentProvider.HostedPage page = provider.paymentCheckout(
                new PaymentProvider.PaymentCheckout(
                        customer,
                        hold.description(),
                        hold.amount(),
                        ReturnAddresses.withQuery(back, "checkout=complete&session_id={CHECKOUT_SESSION_ID}"),
                        ReturnAddresses.withQuery(back, "checkout=canceled"),
                        hold.id().toString(),
                        MemberPurchases.metadata(opened.tenant(), "atrium_escrow", hold.id()),
                        transferGroup(hold.id()),
                        opened.checkoutExpiresAt()),
                "escrow-checkout-" + hold.id());
        self.checkoutOpened(hold.id(), page.id());
        return new FundingPage(hold.id(), page.id(), page.url());
    }

    /**
     * The live hold of the thing, or a new one. While a pending hold's Checkout takes payment, funding again is the same
     * hold and the same Checkout (keyed by the hold), so a second tab cannot pay twice; a pending hold for another
     * amount (the milestone was changed) or whose Checkout has lapsed is left to expire.
     */
    @TenantTransactional
    public Opened open(Hold request) {
        TenantRef tenant = currentTenant.get();
        UUID payer = currentTenant
                .caller()
                .map(Membership::memberId)
                .orElseThrow(() -> new ForbiddenException("not-a-member", "Not a member", "Only members pay."));
        if (members.find(request.payeeId()).isEmpty()) {
            throw new InvalidRequestException("The payee is not a member of this tenant.");
        }
        OffsetDateTime now = clock.dateTime();
        for (EscrowHold existing : holdsOf(request.module(), request.ref())) {
            switch (existing.status()) {
                case FUNDED, SETTLING, SETTLED ->
                    throw new ConflictException(
                            "escrow-already-funded", "Already funded", "This has been paid into escrow already.");
                case PENDING -> {
                    if (existing.payerId().equals(payer)
                            && existing.amount().equals(request.amount())
                            && MemberPurchases.stillPayable(existing.createdAt(), existing.checkoutId(), now)) {
                        return opened(tenant, existing);
                    }
                    existing.expired();
                }
                default -> {}
            }
        }
        BillingSettings settings = em.find(BillingSettings.class, true);
        EscrowHold hold = EscrowHold.open(
                request.module(),
                request.ref(),
                payer,
                request.payeeId(),
                request.amount(),
                request.description(),
                platformFeeBasisPoints,
                settings.marketplaceShareBasisPoints(),
                now);
        em.persist(hold);
        return opened(tenant, hold);
    }

    private Opened opened(TenantRef tenant, EscrowHold hold) {
        return new Opened(
                tenant,
                hold,
                directory.memberCustomer(tenant.id(), hold.payerId()),
                hold.createdAt().plus(MemberPurchases.CHECKOUT_LIFETIME).toInstant());
    }

    /** Every hold of a thing, newest first, locked: opening and funding race on them. */
    List<EscrowHold> holdsOf(String module, String ref) {
        return em.createQuery(
                        "select h from EscrowHold h where h.module = :module and h.ref = :ref order by h.createdAt desc",
                        EscrowHold.class)
                .setParameter("module", module)
                .setParameter("ref", ref)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @TenantTransactional
    public void checkoutOpened(UUID holdId, String checkoutId) {
        em.find(EscrowHold.class, holdId).checkoutOpened(checkoutId);
    }

    @Override
    @TenantTransactional
    public void release(UUID holdId, String reason) {
        EscrowHold hold = existing(holdId);
        settle(hold, hold.amount(), reason);
    }

    @Override
    @TenantTransactional
    public void refund(UUID holdId, String reason) {
        EscrowHold hold = existing(holdId);
        settle(hold, Money.of(0, hold.amount().currency()), reason);
    }

    @Override
    @TenantTransactional
    public void settle(UUID holdId, Money toPayee, String reason) {
        settle(existing(holdId), toPayee, reason);
    }

    /**
     * Fixes how the hold ends and what each party is owed: the released part's allocation goes into the ledger now (the
     * decision), the transfers and the refund into the ledger when the provider made them.
     */
    void settle(EscrowHold hold, Money toPayee, String reason) {
        OffsetDateTime now = clock.dateTime();
        Split split = hold.settle(toPayee, reason, now);
        if (toPayee.isPositive()) {
            ledger.append(LedgerEntry.allocation(split, source(hold), hold.chargeId(), now), now);
            if (split.sellerShare().isPositive()) {
                em.persist(EscrowPayout.owed(
                        hold.id(), EscrowPayout.Party.PROFESSIONAL, hold.payeeId(), split.sellerShare(), now));
            } else {
                // Nothing reaches the payee after fees (a release of a few cents): released all the same.
                released.fire(new Escrow.Released(
                        hold.id(), hold.module(), hold.ref(), hold.payeeId(), toPayee, split.sellerShare()));
            }
            if (split.tenantShare().isPositive()) {
                em.persist(EscrowPayout.owed(hold.id(), EscrowPayout.Party.TENANT, null, split.tenantShare(), now));
            }
        }
        em.flush();
        jobs.schedule(
                EscrowSettlement.KIND, "escrow-" + hold.id(), new EscrowSettlement.Request(hold.id()), now.toInstant());
    }

    @Override
    @TenantTransactional
    public Optional<HoldState> state(UUID holdId) {
        EscrowHold hold = em.find(EscrowHold.class, holdId);
        if (hold == null) {
            return Optional.empty();
        }
        boolean owed = settlement.payoutOwed(holdId);
        return Optional.of(view(hold, owed));
    }

    static HoldState view(EscrowHold hold, boolean payoutOwed) {
        return new HoldState(
                hold.id(),
                hold.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                hold.amount(),
                hold.released(),
                hold.payeeNet(),
                hold.refunded(),
                payoutOwed,
                hold.isDisputed());
    }

    private EscrowHold existing(UUID holdId) {
        EscrowHold hold = em.find(EscrowHold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            throw new ResourceNotFoundException("There is no escrow " + holdId + ".");
        }
        return hold;
    }

    static LedgerEntry.Source source(EscrowHold hold) {
        return new LedgerEntry.Source(SOURCE, hold.id(), hold.payerId(), hold.description());
    }

    /** Groups a hold's charge with the transfers that pay out of it, as the provider's reports show them. */
    static String transferGroup(UUID holdId) {
        return "escrow-" + holdId;
    }
}
