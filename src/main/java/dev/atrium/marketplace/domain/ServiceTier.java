package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One package of a service: its name, its price (in the service's currency), how many days it takes, how many times
 * the client may ask for changes, and what it includes. Kept on the service, and copied into each order of it, so that
 * what a client bought does not change when the professional later changes the service.
 */
@Embeddable
public class ServiceTier {

    public static final int MAX_DELIVERY_DAYS = 365;
    public static final int MAX_REVISIONS = 100;
    public static final int MAX_INCLUDED = 20;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false)
    private TierLevel level;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "price", nullable = false)
    private long price;

    @Column(name = "delivery_days", nullable = false)
    private int deliveryDays;

    @Column(name = "revisions", nullable = false)
    private int revisions;

    /** What it includes, one item a line (an item is one line: the API refuses line breaks in it). */
    @Column(name = "included", nullable = false)
    private String included = "";

    protected ServiceTier() {}

    public static ServiceTier of(
            TierLevel level, String name, long price, int deliveryDays, int revisions, List<String> included) {
        if (level == null || name == null || name.isBlank()) {
            throw new InvalidRequestException("A tier needs its level (basic, standard or premium) and a name.");
        }
        if (price <= 0) {
            throw new InvalidRequestException("The " + label(level) + " tier's price is a positive amount.");
        }
        if (deliveryDays < 1 || deliveryDays > MAX_DELIVERY_DAYS) {
            throw new InvalidRequestException(
                    "The " + label(level) + " tier is delivered in 1 to " + MAX_DELIVERY_DAYS + " days.");
        }
        if (revisions < 0 || revisions > MAX_REVISIONS) {
            throw new InvalidRequestException(
                    "The " + label(level) + " tier includes 0 to " + MAX_REVISIONS + " revisions.");
        }
        List<String> items = included == null ? List.of() : included;
        if (items.size() > MAX_INCLUDED) {
            throw new InvalidRequestException("A tier lists at most " + MAX_INCLUDED + " things it includes.");
        }
        if (items.stream()
                .anyMatch(item -> item == null || item.isBlank() || item.contains("\n") || item.contains("\r"))) {
            throw new InvalidRequestException("Each thing a tier includes is one line of text.");
        }
        ServiceTier tier = new ServiceTier();
        tier.level = level;
        tier.name = name.strip();
        tier.price = price;
        tier.deliveryDays = deliveryDays;
        tier.revisions = revisions;
        tier.included = String.join("\n", items.stream().map(String::strip).toList());
        return tier;
    }

    /** The same tier, as an order keeps it. */
    ServiceTier copy() {
        return of(level, name, price, deliveryDays, revisions, included());
    }

    /** The day its work is due when ordered at {@code orderedAt}: its delivery days later. */
    public LocalDate dueWhenOrderedAt(OffsetDateTime orderedAt) {
        return orderedAt.toLocalDate().plusDays(deliveryDays);
    }

    static String label(TierLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }

    public TierLevel level() {
        return level;
    }

    public String name() {
        return name;
    }

    public Money price(String currency) {
        return Money.of(price, currency);
    }

    public long priceMinor() {
        return price;
    }

    public int deliveryDays() {
        return deliveryDays;
    }

    public int revisions() {
        return revisions;
    }

    public List<String> included() {
        return lines(included);
    }

    /** The lowest price among these tiers (a service's "from" price), or null for none. */
    public static Long lowestPrice(java.util.Collection<ServiceTier> tiers) {
        return tiers.stream().map(ServiceTier::priceMinor).min(Long::compare).orElse(null);
    }

    /** What a tier includes, from the column that keeps it (one item a line). */
    public static List<String> lines(String included) {
        return included == null || included.isEmpty() ? List.of() : List.of(included.split("\n"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceTier tier
                && level == tier.level
                && name.equals(tier.name)
                && price == tier.price
                && deliveryDays == tier.deliveryDays
                && revisions == tier.revisions
                && included.equals(tier.included);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, name, price, deliveryDays, revisions, included);
    }
}
