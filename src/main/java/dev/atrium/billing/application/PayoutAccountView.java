package dev.atrium.billing.application;

import dev.atrium.billing.infrastructure.BillingDirectory;
import java.util.List;

/**
 * A connected account through which someone is paid (a professional, or the tenant for its share): whether payouts
 * reach it yet ({@code ready}), what the payment provider still needs, and the onboarding page when one was opened.
 */
public record PayoutAccountView(
        String accountId,
        boolean ready,
        boolean detailsSubmitted,
        boolean payoutsEnabled,
        List<String> requirementsDue,
        String onboardingUrl) {

    static PayoutAccountView of(BillingDirectory.ConnectedAccount account, String onboardingUrl) {
        return new PayoutAccountView(
                account.accountId(),
                account.isReady(),
                account.detailsSubmitted(),
                account.payoutsEnabled(),
                account.requirementsDue(),
                onboardingUrl);
    }
}
