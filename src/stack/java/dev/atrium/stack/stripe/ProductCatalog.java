package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Products and their prices. A price is one-time or recurring (interval and count), may carry a unique
 * {@code lookup_key} (moved from another price with {@code transfer_lookup_key}), and cannot be deleted, only
 * deactivated, as on Stripe.
 */
final class ProductCatalog {

    private static final ParameterSpec CREATE_PRODUCT =
            ParameterSpec.of("id", "name", "description", "metadata[*]", "active");
    private static final ParameterSpec UPDATE_PRODUCT =
            ParameterSpec.of("name", "description", "metadata[*]", "active", "default_price");
    private static final ParameterSpec CREATE_PRICE = ParameterSpec.of(
            "product",
            "product_data[name]",
            "product_data[description]",
            "product_data[metadata][*]",
            "unit_amount",
            "currency",
            "recurring[interval]",
            "recurring[interval_count]",
            "lookup_key",
            "transfer_lookup_key",
            "nickname",
            "metadata[*]",
            "active");
    private static final ParameterSpec UPDATE_PRICE =
            ParameterSpec.of("active", "metadata[*]", "lookup_key", "transfer_lookup_key", "nickname");

    private final Platform platform;

    ProductCatalog(Platform platform) {
        this.platform = platform;
    }

    void register(Routes routes) {
        routes.post("/v1/products", call -> createProduct(call.params()));
        routes.get("/v1/products", call -> listProducts(call.params()));
        routes.get("/v1/products/{}", call -> retrieve("product", call));
        routes.post("/v1/products/{}", call -> updateProduct(call.id(), call.params()));
        routes.delete("/v1/products/{}", call -> deleteProduct(call.id(), call.params()));
        routes.post("/v1/prices", call -> createPrice(call.params()));
        routes.get("/v1/prices", call -> listPrices(call.params()));
        routes.get("/v1/prices/{}", call -> retrieve("price", call));
        routes.post("/v1/prices/{}", call -> updatePrice(call.id(), call.params()));
    }

    private JsonObject retrieve(String type, Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return platform.store().get(type, call.id(), type);
    }

    private JsonObject createProduct(Parameters params) {
        params.allowOnly(CREATE_PRODUCT);
        String id = params.string("id");
        if (id != null && platform.store().find(id) != null) {
            throw ApiError.invalid("resource_already_exists", "id", "Product already exists.");
        }
        JsonObject product = product(params.require("name"), params.string("description"), params.metadata());
        if (id != null) {
            platform.store().remove(Json.string(product, "id"));
            product.addProperty("id", id);
            platform.store().add(product);
        }
        Boolean active = params.bool("active");
        product.addProperty("active", active == null || active);
        platform.events().emit("product.created", product);
        return product;
    }

    private JsonObject product(String name, String description, JsonObject metadata) {
        JsonObject product = platform.create("product", "prod");
        product.addProperty("name", name);
        Json.put(product, "description", description);
        product.add("metadata", metadata);
        product.addProperty("updated", platform.now());
        return product;
    }

    private JsonObject listProducts(Parameters params) {
        params.allowOnly(ParameterSpec.list("active", "created", "created[*]"));
        return Listing.page("/v1/products", platform.store().newestFirst("product"), params, "active");
    }

    private JsonObject updateProduct(String id, Parameters params) {
        params.allowOnly(UPDATE_PRODUCT);
        JsonObject product = platform.store().get("product", id, "product");
        JsonObject before = product.deepCopy();
        if (params.string("name") != null) {
            product.addProperty("name", params.string("name"));
        }
        if (params.has("description")) {
            Json.put(product, "description", params.string("description"));
        }
        if (params.bool("active") != null) {
            product.addProperty("active", params.bool("active"));
        }
        if (params.string("default_price") != null) {
            JsonObject price = platform.store().get("price", params.string("default_price"), "price", "default_price");
            if (!id.equals(Json.string(price, "product"))) {
                throw ApiError.invalid(null, "default_price", "The price must belong to this product.");
            }
            product.addProperty("default_price", Json.string(price, "id"));
        }
        params.applyMetadata(product.getAsJsonObject("metadata"));
        product.addProperty("updated", platform.now());
        platform.events().emit("product.updated", product, Events.changes(before, product));
        return product;
    }

    private JsonObject deleteProduct(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        JsonObject product = platform.store().get("product", id, "product");
        boolean priced = platform.store().all("price").stream().anyMatch(p -> id.equals(Json.string(p, "product")));
        if (priced) {
            throw ApiError.invalid(
                    null, null, "This product cannot be deleted because it has one or more user-created prices.");
        }
        platform.store().remove(id);
        platform.events().emit("product.deleted", product);
        JsonObject deleted = platform.fixtures().newObject("deleted_product");
        deleted.addProperty("id", id);
        return deleted;
    }

    private JsonObject createPrice(Parameters params) {
        params.allowOnly(CREATE_PRICE);
        JsonObject price = price(params);
        String lookupKey = params.string("lookup_key");
        if (lookupKey != null) {
            claimLookupKey(price, lookupKey, Boolean.TRUE.equals(params.bool("transfer_lookup_key")));
        }
        Json.put(price, "nickname", params.string("nickname"));
        params.applyMetadata(price.getAsJsonObject("metadata"));
        Boolean active = params.bool("active");
        price.addProperty("active", active == null || active);
        platform.events().emit("price.created", price);
        return price;
    }

    /**
     * A price from {@code product} or {@code product_data}, {@code unit_amount}, {@code currency} and
     * {@code recurring}; also the inline {@code price_data} of a checkout line item (errors name its parameters in
     * full).
     */
    JsonObject price(Parameters params) {
        String productId = params.string("product");
        Parameters productData = params.object("product_data");
        if (productId == null && productData.isEmpty()) {
            throw ApiError.missing(params.name("product"));
        }
        JsonObject product = productId != null
                ? platform.store().get("product", productId, "product", params.name("product"))
                : inlineProduct(productData);
        JsonObject price = platform.create("price", "price");
        price.addProperty("product", Json.string(product, "id"));
        price.addProperty("currency", requireCurrency(params));
        long unitAmount = requireAmount(params, "unit_amount");
        price.addProperty("unit_amount", unitAmount);
        price.addProperty("unit_amount_decimal", Long.toString(unitAmount));
        price.add("metadata", new JsonObject());
        Parameters recurring = params.object("recurring");
        if (!recurring.isEmpty()) {
            price.addProperty("type", "recurring");
            price.add("recurring", recurring(recurring));
        }
        return price;
    }

    private JsonObject inlineProduct(Parameters productData) {
        JsonObject product =
                product(productData.require("name"), productData.string("description"), productData.metadata());
        platform.events().emit("product.created", product);
        return product;
    }

    private static String requireCurrency(Parameters params) {
        String currency = params.currency("currency");
        if (currency == null) {
            throw ApiError.missing(params.name("currency"));
        }
        return currency;
    }

    private static long requireAmount(Parameters params, String field) {
        Long amount = params.amount(field);
        if (amount == null) {
            throw ApiError.missing(params.name(field));
        }
        return amount;
    }

    private static JsonObject recurring(Parameters params) {
        String interval = params.choice("interval", "day", "week", "month", "year");
        if (interval == null) {
            throw ApiError.missing(params.name("interval"));
        }
        Long count = params.integer("interval_count");
        if (count != null && count < 1) {
            throw ApiError.invalidValue(null, params.name("interval_count"), "interval_count must be at least 1.");
        }
        JsonObject recurring = new JsonObject();
        recurring.addProperty("interval", interval);
        recurring.addProperty("interval_count", count == null ? 1 : count);
        recurring.add("meter", com.google.gson.JsonNull.INSTANCE);
        recurring.add("trial_period_days", com.google.gson.JsonNull.INSTANCE);
        recurring.addProperty("usage_type", "licensed");
        return recurring;
    }

    private void claimLookupKey(JsonObject price, String lookupKey, boolean transfer) {
        for (JsonObject other : platform.store().all("price")) {
            if (other != price && lookupKey.equals(Json.string(other, "lookup_key"))) {
                if (!transfer) {
                    throw ApiError.invalid(
                            null,
                            "lookup_key",
                            "A price (`" + Json.string(other, "id") + "`) already uses that lookup key.");
                }
                other.add("lookup_key", com.google.gson.JsonNull.INSTANCE);
            }
        }
        price.addProperty("lookup_key", lookupKey);
    }

    private JsonObject listPrices(Parameters params) {
        params.allowOnly(
                ParameterSpec.list("active", "product", "currency", "type", "lookup_keys[]", "created", "created[*]"));
        List<JsonObject> prices = new ArrayList<>(platform.store().newestFirst("price"));
        List<String> lookupKeys = params.strings("lookup_keys");
        if (!lookupKeys.isEmpty()) {
            prices.removeIf(price -> !lookupKeys.contains(Json.string(price, "lookup_key")));
        }
        return Listing.page("/v1/prices", prices, params, "active", "product", "currency", "type");
    }

    private JsonObject updatePrice(String id, Parameters params) {
        params.allowOnly(UPDATE_PRICE);
        JsonObject price = platform.store().get("price", id, "price");
        JsonObject before = price.deepCopy();
        if (params.bool("active") != null) {
            price.addProperty("active", params.bool("active"));
        }
        if (params.cleared("lookup_key")) {
            price.add("lookup_key", com.google.gson.JsonNull.INSTANCE);
        } else if (params.string("lookup_key") != null) {
            claimLookupKey(price, params.string("lookup_key"), Boolean.TRUE.equals(params.bool("transfer_lookup_key")));
        }
        if (params.has("nickname")) {
            Json.put(price, "nickname", params.string("nickname"));
        }
        params.applyMetadata(price.getAsJsonObject("metadata"));
        platform.events().emit("price.updated", price, Events.changes(before, price));
        return price;
    }
}
