package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.UTC);
    static final UUID PROFESSIONAL = UUID.randomUUID();

    static Service.TierTerms tier(TierLevel level, long price, int days, int revisions) {
        return new Service.TierTerms(level, level.name() + " logo", price, null, days, revisions, List.of("A logo"));
    }

    static List<Service.TierTerms> threeTiers() {
        return List.of(
                tier(TierLevel.PREMIUM, 30_000, 10, 5),
                tier(TierLevel.BASIC, 5_000, 3, 1),
                tier(TierLevel.STANDARD, 12_000, 5, 2));
    }

    static Service.Details details(String currency, List<Service.TierTerms> tiers) {
        return new Service.Details(
                "A logo for your school",
                "Three concepts, then the one you like refined.",
                null,
                currency,
                null,
                null,
                tiers,
                List.of("What is your school called?"),
                null);
    }

    static Service draft(List<Service.TierTerms> tiers) {
        return Service.draft(PROFESSIONAL, details("eur", tiers), NOW);
    }

    static Profile profile(UUID memberId) {
        return Profile.create(
                memberId,
                "Dana Designer",
                new Profile.Details("Logos", null, null, null, null, null, null, null, null, null, null),
                NOW);
    }

    static Service published(List<Service.TierTerms> tiers) {
        Service service = draft(tiers);
        service.publish(profile(PROFESSIONAL), NOW);
        return service;
    }

    @Test
    void tiersAreKeptFromBasicToPremiumAndTheLowestPriceIsItsStartingPrice() {
        Service service = draft(threeTiers());

        assertEquals(
                List.of(TierLevel.BASIC, TierLevel.STANDARD, TierLevel.PREMIUM),
                service.tiers().stream().map(ServiceTier::level).toList());
        assertEquals(Money.of(5_000, "eur"), service.priceFrom());
        assertEquals(List.of("A logo"), service.tiers().get(0).included());
        assertEquals(ServiceStatus.DRAFT, service.status());
    }

    @Test
    void aServiceOffersAtMostThreeTiersOneOfEachLevel() {
        List<Service.TierTerms> four = new java.util.ArrayList<>(threeTiers());
        four.add(tier(TierLevel.BASIC, 1_000, 1, 0));
        assertThrows(InvalidRequestException.class, () -> draft(four));

        assertThrows(
                InvalidRequestException.class,
                () -> draft(List.of(tier(TierLevel.BASIC, 1_000, 1, 0), tier(TierLevel.BASIC, 2_000, 2, 1))));
    }

    @Test
    void tierPricesArePositiveAndDeliveryAndRevisionsWithinBounds() {
        assertThrows(InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, 0, 3, 1))));
        assertThrows(InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, -100, 3, 1))));
        assertThrows(InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, 100, 0, 1))));
        assertThrows(InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, 100, 366, 1))));
        assertThrows(InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, 100, 3, -1))));
    }

    @Test
    void whatATierIncludesIsOneLineAnItem() {
        Service.TierTerms twoLines =
                new Service.TierTerms(TierLevel.BASIC, "Basic", 1_000L, null, 3, 1, List.of("One\nTwo"));
        assertThrows(InvalidRequestException.class, () -> draft(List.of(twoLines)));
    }

    @Test
    void aServiceIsPricedInOneCurrency() {
        Service.TierTerms inDollars =
                new Service.TierTerms(TierLevel.STANDARD, "Standard", 12_000L, "usd", 5, 2, List.of());
        InvalidRequestException mixed = assertThrows(
                InvalidRequestException.class, () -> draft(List.of(tier(TierLevel.BASIC, 5_000, 3, 1), inDollars)));
        assertTrue(mixed.getMessage().contains("one currency"), mixed::getMessage);

        Service.TierTerms inEuros =
                new Service.TierTerms(TierLevel.STANDARD, "Standard", 12_000L, "eur", 5, 2, List.of());
        assertEquals(1, draft(List.of(inEuros)).tiers().size(), "the service's own currency, stated, is fine");

        assertThrows(InvalidRequestException.class, () -> Service.draft(PROFESSIONAL, details("xyz", List.of()), NOW));
    }

    @Test
    void anotherCurrencyComesWithTheTiersPricedInIt() {
        Service service = draft(threeTiers());
        Service.Details onlyCurrency = new Service.Details(null, null, null, "usd", null, null, null, null, null);
        assertThrows(InvalidRequestException.class, () -> service.revise(onlyCurrency, NOW));
        assertEquals("eur", service.currency());

        service.revise(details("usd", List.of(tier(TierLevel.BASIC, 6_000, 3, 1))), NOW);
        assertEquals(Money.of(6_000, "usd"), service.priceFrom());
    }

    @Test
    void onlyAProfessionalWithAnActiveProfilePublishesAndOnlyWithATier() {
        Service service = draft(threeTiers());
        assertThrows(ConflictException.class, () -> service.publish(null, NOW), "no profile");
        Profile inactive = profile(PROFESSIONAL);
        inactive.deactivate();
        assertThrows(ConflictException.class, () -> service.publish(inactive, NOW), "left, or lost the role");
        assertThrows(
                ConflictException.class,
                () -> service.publish(profile(UUID.randomUUID()), NOW),
                "somebody else's profile");

        Service empty = draft(List.of());
        assertThrows(InvalidRequestException.class, () -> empty.publish(profile(PROFESSIONAL), NOW));

        service.publish(profile(PROFESSIONAL), NOW);
        assertEquals(ServiceStatus.ACTIVE, service.status());
        assertEquals(NOW, service.publishedAt());
    }

    @Test
    void onlyAnActiveServiceIsOrderedAndOnlyInATierItOffers() {
        Service draft = draft(threeTiers());
        assertEquals(
                "service-not-active",
                assertThrows(ConflictException.class, () -> draft.tierToOrder(TierLevel.BASIC))
                        .typeSlug());

        Service service = published(List.of(tier(TierLevel.BASIC, 5_000, 3, 1)));
        assertEquals(5_000, service.tierToOrder(TierLevel.BASIC).priceMinor());
        assertThrows(InvalidRequestException.class, () -> service.tierToOrder(TierLevel.PREMIUM));

        service.pause(NOW);
        assertThrows(ConflictException.class, () -> service.tierToOrder(TierLevel.BASIC));
        service.publish(profile(PROFESSIONAL), NOW.plusDays(1));
        assertEquals(NOW, service.publishedAt(), "published again, it keeps its first publication");
        service.tierToOrder(TierLevel.BASIC);
    }

    @Test
    void anArchivedServiceIsNeitherChangedNorPublishedAgain() {
        Service service = published(threeTiers());
        service.archive(NOW);

        assertThrows(ConflictException.class, () -> service.revise(details("eur", null), NOW));
        assertThrows(ConflictException.class, () -> service.publish(profile(PROFESSIONAL), NOW));
        assertThrows(ConflictException.class, () -> service.archive(NOW));
        assertThrows(ConflictException.class, () -> service.pause(NOW));
    }

    @Test
    void aDraftNeedsATitleADescriptionAndACurrency() {
        Service.Details noCurrency = new Service.Details("T", "D", null, null, null, null, null, null, null);
        assertThrows(InvalidRequestException.class, () -> Service.draft(PROFESSIONAL, noCurrency, NOW));
        Service withoutTiers = draft(null);
        assertNull(withoutTiers.priceFrom());
    }

    @Test
    void everyRefusalIsAProblemTheApiAnswersNeverAnUncheckedError() {
        AtriumException refused = assertThrows(
                AtriumException.class, () -> draft(List.of(new Service.TierTerms(null, "x", 1L, null, 1, 0, null))));
        assertEquals(400, refused.status());
        AtriumException missing = assertThrows(
                AtriumException.class,
                () -> draft(List.of(new Service.TierTerms(TierLevel.BASIC, "x", null, null, 1, 0, null))));
        assertEquals(400, missing.status());
    }
}
