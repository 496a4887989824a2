package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.identity.Members;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.PlatformTransactional;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who can be paid through the platform: a professional (for their work) and the tenant (for its share) each onboard a
 * connected account at the provider through its hosted onboarding; the account's state is kept from the provider's
 * {@code account.updated} events, never from the browser's return.
 */
@ApplicationScoped
public class PayoutAccounts {

    @Inject
    PaymentProvider provider;

    @Inject
    BillingDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Members members;

    @Inject
    ReturnAddresses addresses;

    @Inject
    Now clock;

    @Inject
    PayoutsToReadyAccounts readyAccounts;

    /** Calls through the container, so that each step's own transaction is started. */
    @Inject
    PayoutAccounts self;

    /** Whose account: the tenant's own ({@code memberId} null) or the calling professional's. */
    public record Holder(TenantRef tenant, UUID memberId, String email) {}

    @TenantTransactional
    public Holder holder(boolean tenantsOwn) {
        TenantRef tenant = currentTenant.get();
        Membership caller = currentTenant.caller().orElseThrow();
        if (tenantsOwn) {
            return new Holder(
                    tenant,
                    null,
                    tenant.branding() == null ? null : tenant.branding().supportEmail());
        }
        if (!caller.holds(TenantRole.PROFESSIONAL)) {
            throw new ForbiddenException(
                    "role-not-held", "Role not held", "Only professionals are paid through the platform.");
        }
        String email = members.contact(caller.memberId())
                .map(Members.MemberContact::email)
                .orElse(null);
        return new Holder(tenant, caller.memberId(), email);
    }

    /** The account (made at the first call, keyed by its holder) and a fresh onboarding page for it. */
    public PayoutAccountView onboard(boolean tenantsOwn, String country, String returnUrl) {
        provider.requireConfigured();
        Holder holder = self.holder(tenantsOwn);
        String back = addresses.checked(holder.tenant().slug(), returnUrl);
        BillingDirectory.Owner owner =
                new BillingDirectory.Owner(holder.tenant().id(), holder.memberId());
        Optional<BillingDirectory.ConnectedAccount> existing = self.existing(owner);
        String accountId = existing.map(BillingDirectory.ConnectedAccount::accountId)
                .orElseGet(() -> {
                    String made = provider.createConnectedAccount(
                            new PaymentProvider.NewAccount(
                                    holder.email(),
                                    country,
                                    holder.memberId() == null
                                            ? Map.of(
                                                    "atrium_tenant",
                                                    holder.tenant().id().toString())
                                            : Map.of(
                                                    "atrium_tenant",
                                                            holder.tenant().id().toString(),
                                                    "atrium_member",
                                                            holder.memberId().toString())),
                            "account-" + holder.tenant().id() + "-"
                                    + (holder.memberId() == null ? "tenant" : holder.memberId()));
                    self.record(made, owner);
                    return made;
                });
        PaymentProvider.HostedPage link = provider.onboardingLink(
                accountId,
                ReturnAddresses.withQuery(back, "onboarding=refresh"),
                ReturnAddresses.withQuery(back, "onboarding=return"));
        return PayoutAccountView.of(self.existing(owner).orElseThrow(), link.url());
    }

    @TenantTransactional
    public PayoutAccountView status(boolean tenantsOwn) {
        TenantRef tenant = currentTenant.get();
        UUID member = tenantsOwn ? null : currentTenant.caller().orElseThrow().memberId();
        return directory
                .connectedAccount(tenant.id(), member)
                .map(account -> PayoutAccountView.of(account, null))
                .orElseThrow(() -> new ResourceNotFoundException(
                        "no-payout-account",
                        "No payout account",
                        "No payout account yet; open one with POST (it answers the onboarding page)."));
    }

    /** An account's state as read after its event, with the event's mark. */
    @PlatformTransactional
    public void apply(
            PaymentProvider.ProviderEvent event,
            UUID tenantId,
            PaymentProvider.AccountState state,
            OffsetDateTime readAt) {
        if (!directory.markApplied(event.id(), event.type(), tenantId, clock.dateTime())) {
            return;
        }
        directory.recordAccountState(state, readAt);
        directory
                .ownerOfAccount(state.id())
                .filter(owner -> directory
                        .connectedAccount(owner.tenantId(), owner.memberId())
                        .filter(BillingDirectory.ConnectedAccount::isReady)
                        .isPresent())
                .ifPresent(owner -> readyAccounts.schedule(owner.tenantId(), owner.memberId(), event.id()));
    }

    @PlatformTransactional
    public Optional<BillingDirectory.ConnectedAccount> existing(BillingDirectory.Owner owner) {
        return directory.connectedAccount(owner.tenantId(), owner.memberId());
    }

    @PlatformTransactional
    public void record(String accountId, BillingDirectory.Owner owner) {
        directory.recordConnectedAccount(accountId, owner, clock.dateTime());
    }
}
