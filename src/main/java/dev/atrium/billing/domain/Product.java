package dev.atrium.billing.domain;

import dev.atrium.billing.Entitlements;
import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidParameterException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something the tenant sells to its members: a premium membership, billed monthly or yearly and granting
 * entitlements; an item bought once, either the tenant's own (granting what its admin lists) or one another module
 * owns (a course, an event ticket), granting {@code <module>:<ref>}. Prices are integer minor units of the product's
 * currency.
 */
@Entity
@Table(name = "billing_product")
public class Product {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductKind kind;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private String currency;

    @Column(name = "price_month")
    private Long priceMonth;

    @Column(name = "price_year")
    private Long priceYear;

    @Column(name = "price_once")
    private Long priceOnce;

    @Convert(converter = EntitlementSet.class)
    @Column(nullable = false)
    private Set<String> entitlements = Set.of();

    @Column(name = "owner_module")
    private String ownerModule;

    @Column(name = "owner_ref")
    private String ownerRef;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Product() {}

    public static Product membership(
            String name,
            String description,
            String currency,
            Long priceMonth,
            Long priceYear,
            Set<String> entitlements,
            OffsetDateTime now) {
        if (priceMonth == null && priceYear == null) {
            throw new InvalidParameterException("priceMonth", "a membership has a monthly or a yearly price, or both");
        }
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.kind = ProductKind.MEMBERSHIP;
        product.name = name;
        product.description = description;
        product.currency = Money.of(1, currency).currency();
        product.priceMonth = positive("priceMonth", priceMonth);
        product.priceYear = positive("priceYear", priceYear);
        product.entitlements = EntitlementSet.checked(entitlements);
        product.active = true;
        product.createdAt = now;
        product.updatedAt = now;
        return product;
    }

    /** A one-off item the tenant sells itself (a workshop seat, a download), granting what the admin lists. */
    public static Product item(
            String name, String description, Money price, Set<String> entitlements, OffsetDateTime now) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.kind = ProductKind.ITEM;
        product.description = description;
        product.entitlements = EntitlementSet.checked(entitlements);
        product.createdAt = now;
        product.name = name;
        product.currency = price.currency();
        product.priceOnce = positive("priceOnce", price.minor());
        product.active = true;
        product.updatedAt = now;
        return product;
    }

    public static Product item(String module, String ref, String name, Money price, OffsetDateTime now) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.kind = ProductKind.ITEM;
        product.ownerModule = Objects.requireNonNull(module);
        product.ownerRef = Objects.requireNonNull(ref);
        product.createdAt = now;
        product.reprice(name, price, now);
        return product;
    }

    /** The owning module's new name or price for its item, which sells again if it had been withdrawn. */
    public void reprice(String name, Money price, OffsetDateTime now) {
        if (kind != ProductKind.ITEM) {
            throw new IllegalStateException("Only items are priced by their module");
        }
        this.name = name;
        this.currency = price.currency();
        this.priceOnce = positive("price", price.minor());
        this.active = true;
        this.updatedAt = now;
    }

    /** A tenant admin's changes; null leaves a part as it is. Prices apply to purchases started after. */
    public void revise(
            String name,
            String description,
            Long priceMonth,
            Long priceYear,
            Long priceOnce,
            Set<String> entitlements,
            Boolean active,
            OffsetDateTime now) {
        if (ownerModule != null) {
            throw new ConflictException(
                    "product-owned-by-module",
                    "Product owned by a module",
                    "This item is sold by the " + ownerModule + " module; change it there.");
        }
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        boolean membership = kind == ProductKind.MEMBERSHIP;
        if ((priceMonth != null || priceYear != null) && !membership) {
            throw notSoldThatWay("is bought once: change priceOnce");
        }
        if (priceOnce != null && membership) {
            throw notSoldThatWay("is a membership: change priceMonth or priceYear");
        }
        if (priceMonth != null) {
            this.priceMonth = positive("priceMonth", priceMonth);
        }
        if (priceYear != null) {
            this.priceYear = positive("priceYear", priceYear);
        }
        if (priceOnce != null) {
            this.priceOnce = positive("priceOnce", priceOnce);
        }
        if (entitlements != null) {
            this.entitlements = EntitlementSet.checked(entitlements);
        }
        if (active != null) {
            this.active = active;
        }
        this.updatedAt = now;
    }

    public void withdraw(OffsetDateTime now) {
        active = false;
        updatedAt = now;
    }

    /** The price of one period of the membership; 409 if the product is not sold that way. */
    public Money price(BillingInterval interval) {
        requireBuyable();
        if (kind != ProductKind.MEMBERSHIP) {
            throw notSoldThatWay("is bought once, not per " + interval.id());
        }
        Long price = interval == BillingInterval.YEAR ? priceYear : priceMonth;
        if (price == null) {
            throw notSoldThatWay("has no " + interval.id() + "ly price");
        }
        return Money.of(price, currency);
    }

    /** The price of the item; 409 if the product is a membership. */
    public Money priceOnce() {
        requireBuyable();
        if (kind != ProductKind.ITEM) {
            throw notSoldThatWay("is a membership: choose an interval (month or year)");
        }
        return Money.of(priceOnce, currency);
    }

    /** What buying this grants: the membership's entitlements, or the item's {@code module:ref}. */
    public Set<String> grants() {
        Set<String> grants = new HashSet<>(entitlements);
        if (ownerModule != null) {
            grants.add(Entitlements.of(ownerModule, ownerRef));
        }
        return grants;
    }

    private void requireBuyable() {
        if (!active) {
            throw new ConflictException("product-not-sold", "Not for sale", "Product '" + name + "' is not sold now.");
        }
    }

    private ConflictException notSoldThatWay(String why) {
        return new ConflictException("product-not-sold-so", "Not sold that way", "Product '" + name + "' " + why + ".");
    }

    private static Long positive(String field, Long price) {
        if (price != null && price <= 0) {
            throw new InvalidParameterException(field, "must be above zero (in minor units, e.g. 990 for 9.90)");
        }
        return price;
    }

    public UUID id() {
        return id;
    }

    public ProductKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String currency() {
        return currency;
    }

    public Long priceMonth() {
        return priceMonth;
    }

    public Long priceYear() {
        return priceYear;
    }

    public Long priceOnceMinor() {
        return priceOnce;
    }

    public Set<String> entitlements() {
        return Set.copyOf(entitlements);
    }

    public String ownerModule() {
        return ownerModule;
    }

    public String ownerRef() {
        return ownerRef;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
