package dev.atrium.billing.application;

import dev.atrium.billing.Money;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.identity.Members;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Where browsers reach Atrium: the default page a buyer comes back to, and an allowed origin for return URLs. */
    @Inject
    @ConfigProperty(name = "atrium.public-url", defaultValue = "http://localhost:9080")
    String publicUrl;

    public PaymentProvider.HostedPage checkout(String planId, BillingInterval interval, String returnUrl) {
        requireConfigured();
        PlanSubscriptions.CheckoutStart start = subscriptions.startingCheckout(planId);
        TenantRef tenant = start.tenant();
        String back = returnUrl(tenant, start.domains(), returnUrl);
        String customer = start.customerId().orElseGet(() -> {
            String email = members.contact(start.admin().memberId())
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
        UUID attempt = UUID.randomUUID();
        return provider.subscriptionCheckout(
                new PaymentProvider.SubscriptionCheckout(
                        customer,
                        price,
                        withQuery(back, "checkout=complete&session_id={CHECKOUT_SESSION_ID}"),
                        withQuery(back, "checkout=canceled"),
                        tenant.id().toString(),
                        Map.of("atrium_tenant", tenant.id().toString(), "atrium_plan", plan.id())),
                "plan-checkout-" + tenant.id() + "-" + attempt);
    }

    public PaymentProvider.HostedPage portal(String returnUrl) {
        requireConfigured();
        PlanSubscriptions.PortalStart start = subscriptions.startingPortal();
        return provider.customerPortal(start.customerId(), returnUrl(start.tenant(), start.domains(), returnUrl));
    }

    private void requireConfigured() {
        if (!provider.isConfigured()) {
            throw dev.atrium.billing.domain.PaymentProviderException.notConfigured();
        }
    }

    /**
     * Where the provider sends the buyer back: the given URL if it is on the platform's public address or one of the
     * tenant's domains (never elsewhere: an open redirect is a phishing tool), else the tenant's page.
     */
    String returnUrl(TenantRef tenant, java.util.Set<String> domains, String requested) {
        String fallback =
                publicUrl.replaceAll("/+$", "") + "/t/" + tenant.slug().value() + "/";
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        URI uri;
        try {
            uri = URI.create(requested);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidParameterException("returnUrl", "must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidParameterException("returnUrl", "must be an absolute http(s) URL");
        }
        URI platform = URI.create(publicUrl);
        boolean onPlatform = uri.getHost().equalsIgnoreCase(platform.getHost())
                && uri.getPort() == platform.getPort()
                && scheme.equals(platform.getScheme());
        boolean onTenantDomain =
                scheme.equals("https") && domains.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!onPlatform && !onTenantDomain) {
            throw new InvalidParameterException(
                    "returnUrl", "must be on " + platform.getHost() + " or one of the tenant's domains");
        }
        return requested;
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }
}
