package dev.atrium.billing.application;

import dev.atrium.billing.Payouts;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** {@link Payouts} from the platform's directory of connected accounts (joining the caller's transaction). */
@ApplicationScoped
public class PayoutAccountStatus implements Payouts {

    @Inject
    BillingDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Override
    public Optional<AccountStatus> accountOf(UUID memberId) {
        return directory
                .connectedAccount(currentTenant.get().id(), memberId)
                .map(account ->
                        new AccountStatus(account.isReady(), account.payoutsEnabled(), account.requirementsDue()));
    }
}
