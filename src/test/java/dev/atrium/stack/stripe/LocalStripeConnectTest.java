package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.AccountUpdateParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connect: connected accounts, their onboarding through account links, and their events on Connect endpoints. */
class LocalStripeConnectTest extends StripeTestBench {

    private Account newAccount() throws Exception {
        return client.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("DE")
                        .setEmail("teacher@example.com")
                        .setBusinessType(AccountCreateParams.BusinessType.INDIVIDUAL)
                        .setCapabilities(AccountCreateParams.Capabilities.builder()
                                .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                        .setRequested(true)
                                        .build())
                                .build())
                        .putMetadata("tenant", "acme")
                        .build());
    }

    @Test
    void aNewAccountCanNeitherBeChargedForNorPaidOutUntilOnboarded() throws Exception {
        Account account = newAccount();
        assertTrue(account.getId().startsWith("acct_"));
        assertEquals("express", account.getType());
        assertEquals("eur", account.getDefaultCurrency());
        assertFalse(account.getDetailsSubmitted());
        assertFalse(account.getChargesEnabled());
        assertFalse(account.getPayoutsEnabled());
        assertFalse(account.getRequirements().getCurrentlyDue().isEmpty());
        assertEquals("inactive", account.getCapabilities().getTransfers());
        assertEquals(
                "acme",
                client.v1().accounts().retrieve(account.getId()).getMetadata().get("tenant"));
    }

    @Test
    void theOnboardingLinkCompletesOnboardingAndReturnsToThePlatform() throws Exception {
        Account account = newAccount();
        AccountLink link = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(account.getId())
                        .setRefreshUrl("https://app.example/connect/refresh")
                        .setReturnUrl("https://app.example/connect/done")
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .build());
        assertTrue(link.getUrl().startsWith(stripe.url() + "/connect/onboarding/"), link.getUrl());
        assertTrue(link.getExpiresAt() > link.getCreated());

        Browser.Page page = Browser.get(link.getUrl());
        assertEquals(200, page.status());
        assertTrue(page.body().contains(account.getId()), page.body());
        assertTrue(page.body().contains("Complete onboarding"), page.body());
        Browser.Page done = Browser.post(link.getUrl(), Map.of());
        assertEquals(303, done.status());
        assertEquals("https://app.example/connect/done", done.location());
        assertEquals(
                "https://app.example/connect/refresh",
                Browser.get(link.getUrl()).location(),
                "used up");

        Account onboarded = client.v1().accounts().retrieve(account.getId());
        assertTrue(onboarded.getDetailsSubmitted());
        assertTrue(onboarded.getChargesEnabled());
        assertTrue(onboarded.getPayoutsEnabled());
        assertEquals("active", onboarded.getCapabilities().getTransfers());
        assertTrue(onboarded.getRequirements().getCurrentlyDue().isEmpty());
        assertNull(onboarded.getRequirements().getDisabledReason());

        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
        List<Event> connectEvents = connectHooks.events();
        assertEquals(
                List.of("account.updated"),
                connectEvents.stream().map(Event::getType).toList());
        Event updated = connectEvents.get(0);
        assertEquals(account.getId(), updated.getAccount());
        assertEquals(false, updated.getData().getPreviousAttributes().get("charges_enabled"));
        assertTrue(objectOf(updated, Account.class).getChargesEnabled());
        assertFalse(platformHooks.types().contains("account.updated"), "Connect events go to Connect endpoints only");
    }

    @Test
    void newRequirementsRestrictTheAccountAgain() throws Exception {
        Account account = onboardedAccount();
        Account restricted = stripe.requireInformation(account.getId(), List.of("individual.verification.document"));
        assertFalse(restricted.getChargesEnabled());
        assertFalse(restricted.getPayoutsEnabled());
        assertEquals(
                List.of("individual.verification.document"),
                restricted.getRequirements().getCurrentlyDue());
        assertEquals("inactive", restricted.getCapabilities().getTransfers());
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
        assertEquals(2, connectHooks.events().size());
    }

    @Test
    void accountsAreListedUpdatedAndDeleted() throws Exception {
        Account account = newAccount();
        Account updated = client.v1()
                .accounts()
                .update(
                        account.getId(),
                        AccountUpdateParams.builder()
                                .setEmail("new@example.com")
                                .build());
        assertEquals("new@example.com", updated.getEmail());
        assertEquals(1, client.v1().accounts().list().getData().size());
        assertTrue(client.v1().accounts().delete(account.getId()).getDeleted());
        assertTrue(client.v1().accounts().list().getData().isEmpty());
    }

    @Test
    void anExpiredLinkLeadsToTheRefreshUrl() throws Exception {
        MovableClock clock = new MovableClock(java.time.Instant.now());
        restartWith(clock);
        Account account = newAccount();
        AccountLink link = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(account.getId())
                        .setRefreshUrl("https://app.example/connect/refresh")
                        .setReturnUrl("https://app.example/connect/done")
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .build());
        clock.advance(Duration.ofMinutes(10));
        Browser.Page expired = Browser.get(link.getUrl());
        assertEquals(302, expired.status());
        assertEquals("https://app.example/connect/refresh", expired.location());
        assertEquals(
                "https://app.example/connect/refresh",
                Browser.post(link.getUrl(), Map.of()).location());
        assertFalse(client.v1().accounts().retrieve(account.getId()).getDetailsSubmitted());
    }
}
