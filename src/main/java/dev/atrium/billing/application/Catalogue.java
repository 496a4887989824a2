package dev.atrium.billing.application;

import dev.atrium.billing.Money;
import dev.atrium.billing.Sales;
import dev.atrium.billing.domain.Product;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the tenant sells: memberships its admins define, and items other modules offer through {@link Sales}. Members
 * see what is on sale; admins also what was withdrawn.
 */
@ApplicationScoped
public class Catalogue implements Sales {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now clock;

    /** A tenant admin's new product. */
    public record NewProduct(
            String name,
            String description,
            String currency,
            Long priceMonth,
            Long priceYear,
            Long priceOnce,
            Set<String> entitlements) {}

    /** A tenant admin's changes; null leaves a part as it is. */
    public record ProductChanges(
            String name,
            String description,
            Long priceMonth,
            Long priceYear,
            Long priceOnce,
            Set<String> entitlements,
            Boolean active) {}

    /** A product and its version (the ETag). */
    public record Versioned(ProductView product, long version) {}

    /** A membership (a monthly or yearly price) or the tenant's own item (a one-off price), not both. */
    @TenantTransactional
    public Versioned define(NewProduct defined) {
        requireCurrency(defined.currency());
        Set<String> entitlements = defined.entitlements() == null ? Set.of() : defined.entitlements();
        boolean periodic = defined.priceMonth() != null || defined.priceYear() != null;
        if (periodic == (defined.priceOnce() != null)) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "priceOnce", "give priceOnce for an item, or priceMonth and/or priceYear for a membership");
        }
        Product product = periodic
                ? Product.membership(
                        defined.name(),
                        defined.description(),
                        defined.currency(),
                        defined.priceMonth(),
                        defined.priceYear(),
                        entitlements,
                        clock.dateTime())
                : Product.item(
                        defined.name(),
                        defined.description(),
                        Money.of(defined.priceOnce(), defined.currency()),
                        entitlements,
                        clock.dateTime());
        em.persist(product);
        em.flush();
        return new Versioned(ProductView.of(product), product.version());
    }

    @TenantTransactional
    public Versioned revise(UUID id, EntityTags.IfMatch version, ProductChanges changes) {
        Product product = existing(id, LockModeType.PESSIMISTIC_WRITE);
        version.check(product.version());
        product.revise(
                changes.name(),
                changes.description(),
                changes.priceMonth(),
                changes.priceYear(),
                changes.priceOnce(),
                changes.entitlements(),
                changes.active(),
                clock.dateTime());
        em.flush();
        return new Versioned(ProductView.of(product), product.version());
    }

    /** A product on sale (to a member), or any product (to an admin). */
    @TenantTransactional
    public Versioned get(UUID id) {
        Product product = existing(id, LockModeType.NONE);
        if (!product.active() && !isAdmin()) {
            throw notFound(id);
        }
        return new Versioned(ProductView.of(product), product.version());
    }

    @TenantTransactional
    public Page<ProductView> list(boolean withdrawnToo, PageRequest page) {
        boolean all = withdrawnToo && isAdmin();
        return JpaPages.page(
                        em,
                        Product.class,
                        "Product p",
                        all ? "" : " where p.active = true",
                        "p.name, p.id",
                        Map.of(),
                        page)
                .map(ProductView::of);
    }

    @Override
    @TenantTransactional
    public UUID offer(String module, String ref, String name, Money price) {
        Optional<Product> offered = owned(module, ref);
        if (offered.isPresent()) {
            offered.get().reprice(name, price, clock.dateTime());
            return offered.get().id();
        }
        Product item = Product.item(module, ref, name, price, clock.dateTime());
        em.persist(item);
        return item.id();
    }

    @Override
    @TenantTransactional
    public void withdraw(String module, String ref) {
        owned(module, ref).ifPresent(product -> product.withdraw(clock.dateTime()));
    }

    @Override
    @TenantTransactional
    public Optional<UUID> productOf(String module, String ref) {
        return owned(module, ref).map(Product::id);
    }

    private Optional<Product> owned(String module, String ref) {
        return em.createQuery(
                        "select p from Product p where p.ownerModule = :module and p.ownerRef = :ref", Product.class)
                .setParameter("module", module)
                .setParameter("ref", ref)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    Product existing(UUID id, LockModeType lock) {
        Product product = em.find(Product.class, id, lock);
        if (product == null) {
            throw notFound(id);
        }
        return product;
    }

    private static void requireCurrency(String currency) {
        try {
            Money.of(0, currency);
        } catch (IllegalArgumentException unknown) {
            throw new dev.atrium.platform.errors.InvalidParameterException("currency", unknown.getMessage());
        }
    }

    private boolean isAdmin() {
        return currentTenant.caller().map(member -> member.isAdmin()).orElse(false);
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("There is no product " + id + ".");
    }
}
