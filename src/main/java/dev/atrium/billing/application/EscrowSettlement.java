package dev.atrium.billing.application;

import dev.atrium.billing.Escrow;
import dev.atrium.billing.Money;
import dev.atrium.billing.domain.EscrowHold;
import dev.atrium.billing.domain.EscrowPayout;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.billing.infrastructure.LedgerStore;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves the money of a settled hold (a job, scheduled in the transaction that decided the settlement): each payout
 * owed to a party whose payout account can take transfers is transferred out of the hold's charge, and the part
 * decided to go back is refunded. Every call to the provider carries a key of the hold and the party, so a job run
 * twice (a replica died, a retry after an unknown outcome) moves nothing twice. A payout to an account not yet ready
 * stays owed; the account's readiness runs this again ({@link PayoutsToReadyAccounts}).
 */
@ApplicationScoped
public class EscrowSettlement implements JobHandler<EscrowSettlement.Request> {

    static final String KIND = "billing.escrow-settlement";

    /** The job's data. */
    public record Request(UUID holdId) {}

    /** What is left to do for a hold, read in one transaction. */
    public record Plan(UUID holdId, String chargeId, String paymentIntentId, Money refundLeft, List<Payout> payouts) {}

    /** A payout still owed, with the account it goes to when that account is ready (null: none yet). */
    public record Payout(EscrowPayout.Party party, Money amount, String transferKey, String accountId) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    PaymentProvider provider;

    @Inject
    BillingDirectory directory;

    @Inject
    LedgerStore ledger;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now clock;

    @Inject
    Event<Escrow.Released> released;

    @Inject
    EscrowSettlement self;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public int maxAttempts() {
        // A provider that is down for a while must not leave money owed for an operator to find.
        return 12;
    }

    @Override
    public void run(Request request, JobRun run) {
        provider.requireConfigured();
        settle(request.holdId());
    }

    /** Makes what the provider can make now of a hold's settlement. */
    public void settle(UUID holdId) {
        Plan plan = self.plan(holdId);
        if (plan == null) {
            return;
        }
        for (Payout payout : plan.payouts()) {
            if (payout.accountId() == null) {
                continue;
            }
            PaymentProvider.TransferState transfer = provider.transfer(
                    new PaymentProvider.TransferRequest(
                            payout.accountId(),
                            payout.amount(),
                            EscrowService.transferGroup(holdId),
                            plan.chargeId(),
                            Map.of(
                                    "atrium_escrow",
                                    holdId.toString(),
                                    "atrium_party",
                                    payout.party().name())),
                    payout.transferKey());
            self.payoutSent(holdId, payout.party(), transfer);
        }
        if (plan.refundLeft().isPositive()) {
            // Recorded when the provider's event about the refund comes, as every refund is.
            provider.refund(plan.paymentIntentId(), plan.refundLeft(), "escrow-" + holdId + "-refund");
        }
    }

    @TenantTransactional
    public Plan plan(UUID holdId) {
        EscrowHold hold = em.find(EscrowHold.class, holdId);
        if (hold == null || hold.status() != EscrowHold.Status.SETTLING) {
            return null;
        }
        UUID tenant = currentTenant.get().id();
        List<Payout> owed = em.createQuery(
                        "select p from EscrowPayout p where p.escrowId = :hold and p.status = :owed",
                        EscrowPayout.class)
                .setParameter("hold", holdId)
                .setParameter("owed", EscrowPayout.Status.OWED)
                .getResultStream()
                .map(payout -> new Payout(
                        payout.party(),
                        payout.amount(),
                        payout.transferKey(),
                        directory
                                .connectedAccount(tenant, payout.memberId())
                                .filter(BillingDirectory.ConnectedAccount::isReady)
                                .map(BillingDirectory.ConnectedAccount::accountId)
                                .orElse(null)))
                .toList();
        return new Plan(
                holdId,
                hold.chargeId(),
                hold.paymentIntentId(),
                hold.refundDecided().minus(hold.refunded()),
                owed);
    }

    /** The provider made a payout's transfer: recorded once, and the payee told their part was released. */
    @TenantTransactional
    public void payoutSent(UUID holdId, EscrowPayout.Party party, PaymentProvider.TransferState transfer) {
        OffsetDateTime now = clock.dateTime();
        EscrowHold hold = em.find(EscrowHold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        EscrowPayout payout =
                em.find(EscrowPayout.class, new EscrowPayout.Key(holdId, party), LockModeType.PESSIMISTIC_WRITE);
        if (!payout.sent(transfer.id(), now)) {
            return;
        }
        ledger.append(
                List.of(LedgerEntry.transfer(
                        transfer,
                        party == EscrowPayout.Party.TENANT ? LedgerEntry.Party.TENANT : LedgerEntry.Party.PROFESSIONAL,
                        EscrowService.source(hold))),
                now);
        if (party == EscrowPayout.Party.PROFESSIONAL) {
            released.fire(new Escrow.Released(
                    hold.id(), hold.module(), hold.ref(), hold.payeeId(), hold.released(), hold.payeeNet()));
        }
        em.flush();
        completeIfDone(hold, now);
    }

    /** Settled once nothing is owed and the refund, if any, is confirmed. */
    void completeIfDone(EscrowHold hold, OffsetDateTime now) {
        hold.completeIf(!payoutOwed(hold.id()), now);
    }

    /** Whether a payout of the hold still waits (for its party's payout account). */
    boolean payoutOwed(UUID holdId) {
        return !em.createQuery(
                        "select p.party from EscrowPayout p where p.escrowId = :hold and p.status = :owed",
                        EscrowPayout.Party.class)
                .setParameter("hold", holdId)
                .setParameter("owed", EscrowPayout.Status.OWED)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The holds owing a payout to a member (or, {@code memberId} null, to the tenant). */
    List<UUID> owing(UUID memberId) {
        return em.createQuery(
                        "select p.escrowId from EscrowPayout p where p.status = :owed and "
                                + (memberId == null ? "p.party = :tenant" : "p.memberId = :member"),
                        UUID.class)
                .setParameter("owed", EscrowPayout.Status.OWED)
                .setParameter(
                        memberId == null ? "tenant" : "member", memberId == null ? EscrowPayout.Party.TENANT : memberId)
                .getResultList();
    }
}
