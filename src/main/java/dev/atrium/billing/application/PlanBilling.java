package dev.atrium.billing.application;

import dev.atrium.billing.Money;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.identity.Members;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * A tenant admin buys a plan for the tenant: Checkout at the provider, then the portal to change the card, switch
 * plans or cancel. Nothing changes in Atrium when the admin returns from Checkout; the provider's events apply the
 * plan ({@link StripeEvents}).
 */
@ApplicationScoped
public class PlanBilling {

    @Inject
    PaymentProvider provider;

    @Inject
    PlanSubscriptions subscriptions;

    @Inject
    Members members;

    @Inject
    ReturnAddresses addresses;

    /** A tenant admin buys a plan for their tenant. */
    public PaymentProvider.HostedPage checkout(String planId, BillingInterval interval, String returnUrl) {
        provider.requireConfigured();
        return open(subscriptions.startingCheckout(planId), interval, returnUrl);
    }

    /**
     * An operator sells a plan to a tenant: the Checkout link goes to whoever pays for the organisation (the tenant's
     * support address is the customer's until they change it at Checkout).
     */
    public PaymentProvider.HostedPage checkoutFor(
            TenantSlug slug, String planId, BillingInterval interval, String returnUrl) {
        provider.requireConfigured();
        return open(subscriptions.startingCheckoutFor(slug, planId), interval, returnUrl);
    }

    private PaymentProvider.HostedPage open(
            PlanSubscriptions.CheckoutStart start, BillingInterval interval, String returnUrl) {
        TenantRef tenant = start.tenant();
        String back = addresses.checked(tenant.slug(), returnUrl);
        String customer = start.customerId().orElseGet(() -> {
            String email = start.admin() == null
                    ? (tenant.branding() == null ? null : tenant.branding().supportEmail())
                    : members.contact(start.admin().memberId())
                            .map(Members.MemberContact::email)
                            .orElse(null);
            // Keyed by the tenant: a repeat after a crash before the record below gets the same customer back.
            String made = provider.createCustomer(
                    new PaymentProvider.NewCustomer(
                            email,
                            tenant.name(),
                            Map.of("atrium_tenant", tenant.id().toString())),
                    "customer-tenant-" + tenant.id());
            subscriptions.recordCustomer(tenant.id(), made);
            return made;
        });
        Plan plan = start.plan();
        long amount = interval == BillingInterval.YEAR
                ? plan.prices().yearly()
                : plan.prices().monthly();
        String price = provider.recurringPrice(new PaymentProvider.PriceSpec(
                PlanSubscriptions.LOOKUP_KEY_PREFIX + plan.id() + "-" + interval.id(),
                "Atrium " + plan.name(),
                Money.of(amount, plan.prices().currency()),
                interval));
        // One Checkout per tenant, plan and interval per hour (it expires after the hour): a double click, or the
        // operator's link and the admin's own, are the same Checkout, so the plan cannot be bought twice that way.
        long hour = Instant.now().getEpochSecond() / 3600;
        Instant expiresAt = Instant.ofEpochSecond((hour + 2) * 3600);
        return provider.subscriptionCheckout(
                new PaymentProvider.SubscriptionCheckout(
                        customer,
                        price,
                        ReturnAddresses.withQuery(back, "checkout=complete&session_id={CHECKOUT_SESSION_ID}"),
                        ReturnAddresses.withQuery(back, "checkout=canceled"),
                        tenant.id().toString(),
                        Map.of("atrium_tenant", tenant.id().toString(), "atrium_plan", plan.id()),
                        expiresAt),
                "plan-checkout-" + tenant.id() + "-" + plan.id() + "-" + interval.id() + "-" + hour + "-"
                        + ReturnAddresses.digest(back));
    }

    public PaymentProvider.HostedPage portal(String returnUrl) {
        provider.requireConfigured();
        PlanSubscriptions.PortalStart start = subscriptions.startingPortal();
        return provider.customerPortal(
                start.customerId(), addresses.checked(start.tenant().slug(), returnUrl));
    }
}
