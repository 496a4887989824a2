package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PlanInvoice;
import dev.atrium.billing.domain.PlanSubscription;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditEntry;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.PlatformTransactional;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.plans.PlanCatalogue;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantStatus;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional steps of plan billing: reading a tenant's standing, recording its customer, and applying what the
 * provider says about its subscription to the tenant (plan, suspension, resumption, archiving), each event once.
 */
@ApplicationScoped
public class PlanSubscriptions {

    private static final Logger LOG = Logger.getLogger(PlanSubscriptions.class.getName());
    static final String LOOKUP_KEY_PREFIX = "atrium-plan-";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    BillingDirectory directory;

    @Inject
    TenantDirectory tenants;

    @Inject
    PlanCatalogue plans;

    @Inject
    AuditTrail audit;

    @Inject
    Now clock;

    /** How long a tenant keeps working after a failed payment, and stays before archiving after a cancellation. */
    @Inject
    @ConfigProperty(name = "atrium.billing.plan-grace-period", defaultValue = "P14D")
    Duration gracePeriod;

    /** The tenant's plan and standing (the calling admin's tenant). */
    @TenantTransactional
    public PlanView standing() {
        TenantRef tenant = currentTenant.get();
        return PlanView.of(tenant.plan(), em.find(PlanSubscription.class, tenant.id()));
    }

    @TenantTransactional
    public Page<PlanInvoiceView> invoices(PageRequest page) {
        return JpaPages.page(
                        em,
                        PlanInvoice.class,
                        "PlanInvoice i",
                        " where i.tenantId = :tenant",
                        "i.issuedAt desc, i.invoiceId desc",
                        Map.of("tenant", currentTenant.get().id()),
                        page)
                .map(PlanInvoiceView::of);
    }

    /** What starting a plan's Checkout needs, read (and checked) in the calling admin's tenant. @param admin null when an operator starts it */
    record CheckoutStart(TenantRef tenant, Membership admin, Plan plan, Optional<String> customerId) {}

    /** What opening the portal needs: the tenant (where to come back) and its customer. */
    record PortalStart(TenantRef tenant, String customerId) {}

    @TenantTransactional
    public CheckoutStart startingCheckout(String planId) {
        return checkoutStart(currentTenant.get(), currentTenant.caller().orElseThrow(), planId);
    }

    /** The same for an operator who sells a plan to a tenant (no admin of the tenant is calling). */
    @PlatformTransactional
    public CheckoutStart startingCheckoutFor(dev.atrium.platform.tenancy.domain.TenantSlug slug, String planId) {
        TenantRef tenant = tenants.ref(slug);
        // An archived tenant can buy its way back (billing resumes what billing archived); others are not sold to.
        if (!tenant.status().isVisibleToMembers() && tenant.status() != TenantStatus.ARCHIVED) {
            throw new ConflictException(
                    "tenant-status-conflict",
                    "Not possible in the tenant's status",
                    "Tenant '" + slug + "' is " + tenant.status().id() + ".");
        }
        return checkoutStart(tenant, null, planId);
    }

    /** The plan's standing of a tenant, for the operator. */
    @PlatformTransactional
    public PlanView standingOf(dev.atrium.platform.tenancy.domain.TenantSlug slug) {
        TenantRef tenant = tenants.ref(slug);
        return PlanView.of(tenant.plan(), em.find(PlanSubscription.class, tenant.id()));
    }

    private CheckoutStart checkoutStart(TenantRef tenant, Membership admin, String planId) {
        Plan plan = plans.plan(planId);
        if (!plan.isSold()) {
            throw new ConflictException(
                    "plan-not-sold",
                    "Plan not sold",
                    "Plan '" + planId + "' has no price; the platform operator assigns it.");
        }
        PlanSubscription subscription = em.find(PlanSubscription.class, tenant.id());
        if (subscription != null && subscription.hasLiveSubscription()) {
            throw new ConflictException(
                    "plan-already-subscribed",
                    "Already subscribed",
                    "The tenant already pays for plan '" + subscription.plan() + "'; change or cancel it in the"
                            + " billing portal (POST /billing/plan/portal).");
        }
        return new CheckoutStart(tenant, admin, plan, directory.tenantCustomer(tenant.id()));
    }

    /** The tenant's customer at the provider, for the portal; 409 if it has never bought a plan. */
    @TenantTransactional
    public PortalStart startingPortal() {
        TenantRef tenant = currentTenant.get();
        String customer = directory
                .tenantCustomer(tenant.id())
                .orElseThrow(() -> new ConflictException(
                        "no-billing-account",
                        "No billing account",
                        "The tenant has not bought a plan yet; start with POST /billing/plan/checkout."));
        return new PortalStart(tenant, customer);
    }

    /** Records the customer made for the tenant (once; a repeat after a crash finds it there). */
    @PlatformTransactional
    public void recordCustomer(UUID tenantId, String customerId) {
        OffsetDateTime now = clock.dateTime();
        directory.recordCustomer(customerId, new BillingDirectory.Owner(tenantId, null), now);
        if (em.find(PlanSubscription.class, tenantId) == null) {
            em.persist(PlanSubscription.forCustomer(tenantId, customerId, now));
        }
    }

    /**
     * Applies one provider event about the tenant's plan: the invoice and the subscription as they were read (after
     * the event arrived), the event marked as applied in the same transaction. A second delivery of the event, or one
     * running at the same time on another replica, finds the mark and changes nothing.
     */
    @PlatformTransactional
    public void apply(
            PaymentProvider.ProviderEvent event,
            UUID tenantId,
            PaymentProvider.SubscriptionState subscription,
            PaymentProvider.InvoiceState invoice,
            OffsetDateTime readAt) {
        OffsetDateTime now = clock.dateTime();
        if (!directory.markApplied(event.id(), event.type(), tenantId, now)) {
            return;
        }
        PlanSubscription plan = em.find(PlanSubscription.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            String customer = subscription != null ? subscription.customerId() : invoice.customerId();
            plan = PlanSubscription.forCustomer(tenantId, customer, now);
            em.persist(plan);
        }
        if (invoice != null) {
            PlanInvoice recorded = em.find(PlanInvoice.class, invoice.id(), LockModeType.PESSIMISTIC_WRITE);
            if (recorded == null) {
                em.persist(PlanInvoice.of(tenantId, invoice, readAt, now));
            } else {
                recorded.update(invoice, readAt, now);
            }
        }
        if (subscription != null) {
            String previous = plan.subscriptionId();
            carryOut(plan, plan.apply(subscription, planOf(subscription), readAt, gracePeriod, now), event.type());
            if (previous != null
                    && !previous.equals(subscription.id())
                    && !subscription.id().equals(plan.subscriptionId())) {
                LOG.warning(() -> "Tenant " + tenantId + " has a second subscription " + subscription.id() + " ("
                        + subscription.status() + ") besides " + previous + "; cancel one of them at Stripe");
            }
        }
    }

    /** The tenant's live plan subscription at the provider, if it has one (to stop it when the tenant is deleted). */
    @PlatformTransactional
    public Optional<String> liveSubscriptionOf(UUID tenantId) {
        PlanSubscription plan = em.find(PlanSubscription.class, tenantId);
        return plan == null || !plan.hasLiveSubscription()
                ? Optional.empty()
                : Optional.ofNullable(plan.subscriptionId());
    }

    /** Tenants whose grace period has ended (suspension for an unpaid plan, archiving after a cancellation). */
    @PlatformTransactional
    public List<UUID> graceEnded() {
        return em.createQuery(
                        "select p.tenantId from PlanSubscription p where p.graceUntil <= :now order by p.graceUntil",
                        UUID.class)
                .setParameter("now", clock.dateTime())
                .setMaxResults(500)
                .getResultList();
    }

    @PlatformTransactional
    public void endGrace(UUID tenantId) {
        PlanSubscription plan = em.find(PlanSubscription.class, tenantId, LockModeType.PESSIMISTIC_WRITE);
        if (plan != null) {
            carryOut(plan, plan.graceEnded(clock.dateTime()), "grace period ended");
        }
    }

    /** The plan a subscription's price is for: its lookup key names it ({@code atrium-plan-<plan>-<interval>}). */
    String planOf(PaymentProvider.SubscriptionState subscription) {
        String key = subscription.priceLookupKey();
        if (key != null && key.startsWith(LOOKUP_KEY_PREFIX)) {
            String rest = key.substring(LOOKUP_KEY_PREFIX.length());
            int interval = rest.lastIndexOf('-');
            String planId = interval > 0 ? rest.substring(0, interval) : rest;
            if (plans.all().stream().anyMatch(plan -> plan.id().equals(planId))) {
                return planId;
            }
        }
        String named = subscription.metadata().get("atrium_plan");
        return named != null && plans.all().stream().anyMatch(plan -> plan.id().equals(named)) ? named : null;
    }

    private void carryOut(PlanSubscription plan, PlanSubscription.Effects effects, String because) {
        Optional<TenantRef> found = tenants.workingRef(plan.tenantId());
        if (found.isEmpty()) {
            return;
        }
        TenantRef tenant = found.get();
        if (effects.plan() != null && !effects.plan().equals(tenant.plan())) {
            changePlan(tenant, effects.plan(), because);
        }
        switch (effects.action()) {
            case SUSPEND -> {
                boolean active = tenant.status() == TenantStatus.ACTIVE;
                if (active) {
                    tenants.change(tenant.slug(), t -> t.suspend(clock.dateTime()));
                    record(tenant, "tenant.suspend", "plan unpaid (" + because + ")");
                }
                plan.suspendedByBilling(active);
            }
            case RESUME -> {
                if (tenant.status() == TenantStatus.SUSPENDED || tenant.status() == TenantStatus.ARCHIVED) {
                    try {
                        tenants.change(tenant.slug(), t -> t.resume(clock.dateTime()));
                        record(tenant, "tenant.resume", "plan paid (" + because + ")");
                    } catch (ConflictException deletionScheduled) {
                        LOG.info(() -> "Tenant " + tenant.slug() + " paid its plan but stays as it is: "
                                + deletionScheduled.getMessage());
                    }
                }
            }
            case ARCHIVE -> {
                boolean archivable =
                        tenant.status() == TenantStatus.ACTIVE || tenant.status() == TenantStatus.SUSPENDED;
                if (archivable) {
                    tenants.change(tenant.slug(), t -> t.archive(clock.dateTime()));
                    record(tenant, "tenant.archive", "plan cancelled, grace period over");
                }
                plan.archivedByBilling(archivable);
            }
            case NONE -> {}
        }
    }

    /** A bought plan replaces the tenant's; modules the new plan does not include are switched off (data kept). */
    private void changePlan(TenantRef tenant, String planId, String because) {
        Set<TenantModule> allowed = plans.plan(planId).modules();
        Set<TenantModule> kept = EnumSet.noneOf(TenantModule.class);
        tenant.modules().stream().filter(allowed::contains).forEach(kept::add);
        tenants.revise(
                tenant.slug(),
                new TenantChanges(null, null, planId, null, kept.equals(tenant.modules()) ? null : kept, null));
        record(tenant, "tenant.update", "plan " + tenant.plan() + " -> " + planId + " (" + because + ")");
    }

    private void record(TenantRef tenant, String action, String detail) {
        audit.add(Actor.BILLING, action, tenant.slug().value(), AuditEntry.Outcome.SUCCEEDED, detail);
    }
}
