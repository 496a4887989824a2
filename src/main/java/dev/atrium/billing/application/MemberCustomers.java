package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.identity.Members;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's customer at the provider, made the first time they pay anything (keyed by tenant and member, so two
 * first payments at once make one customer) and recorded in the platform's directory, which routes the provider's
 * events about it back to the member's tenant. Asks the provider: called outside a transaction.
 */
@ApplicationScoped
public class MemberCustomers {

    @Inject
    PaymentProvider provider;

    @Inject
    MemberPurchases purchases;

    @Inject
    Members members;

    /** @param known the customer already recorded for the member, if any (read in the caller's transaction) */
    public String customerOf(TenantRef tenant, UUID memberId, Optional<String> known) {
        return known.orElseGet(() -> {
            Members.MemberContact contact = members.contact(memberId).orElse(null);
            String made = provider.createCustomer(
                    new PaymentProvider.NewCustomer(
                            contact == null ? null : contact.email(),
                            contact == null ? null : contact.displayName(),
                            Map.of("atrium_tenant", tenant.id().toString(), "atrium_member", memberId.toString())),
                    "customer-member-" + tenant.id() + "-" + memberId);
            purchases.recordCustomer(tenant.id(), memberId, made);
            return made;
        });
    }
}
