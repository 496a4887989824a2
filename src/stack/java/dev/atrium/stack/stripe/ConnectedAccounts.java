package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Connect: connected accounts and their onboarding. A new account has submitted nothing and can neither be charged
 * for nor paid out; completing onboarding (the account link's page, or the control API) activates its capabilities,
 * and new requirements restrict it again. Every change is an {@code account.updated} event of the connected account,
 * delivered to Connect endpoints only.
 */
final class ConnectedAccounts {

    static final long LINK_LIFETIME_SECONDS = 300;

    private static final List<String> FIRST_REQUIREMENTS = List.of(
            "business_profile.mcc",
            "business_profile.url",
            "external_account",
            "representative.first_name",
            "representative.last_name",
            "tos_acceptance.date",
            "tos_acceptance.ip");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("GB", "gbp"),
            Map.entry("CA", "cad"),
            Map.entry("AU", "aud"),
            Map.entry("CH", "chf"),
            Map.entry("DE", "eur"),
            Map.entry("FR", "eur"),
            Map.entry("ES", "eur"),
            Map.entry("IT", "eur"),
            Map.entry("NL", "eur"),
            Map.entry("IE", "eur"),
            Map.entry("BE", "eur"),
            Map.entry("AT", "eur"),
            Map.entry("PT", "eur"),
            Map.entry("FI", "eur"));

    private static final ParameterSpec CREATE =
            ParameterSpec.of("type", "country", "email", "business_type", "capabilities[*][requested]", "metadata[*]");
    private static final ParameterSpec UPDATE =
            ParameterSpec.of("email", "business_type", "capabilities[*][requested]", "metadata[*]");
    private static final ParameterSpec CREATE_LINK =
            ParameterSpec.of("account", "refresh_url", "return_url", "type", "collect");

    /** Where an onboarding link's page leads. */
    record Link(JsonObject account, String refreshUrl, String returnUrl, boolean usable) {}

    private final Platform platform;

    ConnectedAccounts(Platform platform) {
        this.platform = platform;
    }

    void register(Routes routes) {
        routes.post("/v1/accounts", call -> create(call.params()));
        routes.get("/v1/accounts", call -> list(call.params()));
        routes.get("/v1/accounts/{}", call -> retrieve(call));
        routes.post("/v1/accounts/{}", call -> update(call.id(), call.params()));
        routes.delete("/v1/accounts/{}", call -> delete(call.id(), call.params()));
        routes.post("/v1/account_links", call -> createLink(call.params()));
    }

    JsonObject get(String id) {
        return platform.store().get("account", id, "account");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("created", "created[*]"));
        return Listing.page("/v1/accounts", platform.store().newestFirst("account"), params);
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        String type = params.choice("type", "express", "standard", "custom");
        String country = params.string("country") == null
                ? "US"
                : params.string("country").toUpperCase(java.util.Locale.ROOT);
        JsonObject account = platform.create("account", "acct");
        String id = Json.string(account, "id");
        account.addProperty("type", type == null ? "standard" : type);
        account.add("controller", controller(type == null ? "standard" : type));
        account.addProperty("country", country);
        account.addProperty("default_currency", CURRENCIES.getOrDefault(country, "usd"));
        Json.put(account, "email", params.string("email"));
        Json.put(
                account,
                "business_type",
                params.choice("business_type", "individual", "company", "non_profit", "government_entity"));
        account.add("capabilities", requestedCapabilities(params, new JsonObject(), "inactive"));
        if (account.getAsJsonObject("capabilities").isEmpty()) {
            account.getAsJsonObject("capabilities").addProperty("card_payments", "inactive");
            account.getAsJsonObject("capabilities").addProperty("transfers", "inactive");
        }
        account.getAsJsonObject("external_accounts").addProperty("url", "/v1/accounts/" + id + "/external_accounts");
        account.add("metadata", params.metadata());
        restrict(account, FIRST_REQUIREMENTS);
        return account;
    }

    private static JsonObject controller(String type) {
        JsonObject controller = new JsonObject();
        controller.addProperty("type", type.equals("standard") ? "account" : "application");
        if (!type.equals("standard")) {
            controller.addProperty("is_controller", true);
            controller.addProperty("requirement_collection", type.equals("custom") ? "application" : "stripe");
            JsonObject dashboard = new JsonObject();
            dashboard.addProperty("type", type.equals("custom") ? "none" : "express");
            controller.add("stripe_dashboard", dashboard);
        }
        return controller;
    }

    /** The capabilities asked for, added with the given status to those the account has. */
    private static JsonObject requestedCapabilities(Parameters params, JsonObject capabilities, String status) {
        Parameters requested = params.object("capabilities");
        for (String capability : requested.values().keySet()) {
            Boolean wanted = requested.object(capability).bool("requested");
            if (Boolean.TRUE.equals(wanted) && !capabilities.has(capability)) {
                capabilities.addProperty(capability, status);
            } else if (Boolean.FALSE.equals(wanted)) {
                capabilities.remove(capability);
            }
        }
        return capabilities;
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject account = get(id);
        JsonObject before = account.deepCopy();
        if (params.has("email")) {
            Json.put(account, "email", params.string("email"));
        }
        if (params.has("business_type")) {
            Json.put(account, "business_type", params.string("business_type"));
        }
        String status = Json.flag(account, "charges_enabled") ? "active" : "inactive";
        requestedCapabilities(params, account.getAsJsonObject("capabilities"), status);
        params.applyMetadata(account.getAsJsonObject("metadata"));
        announce(account, before);
        return account;
    }

    private JsonObject delete(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        get(id);
        platform.store().remove(id);
        JsonObject deleted = platform.fixtures().newObject("deleted_account");
        deleted.addProperty("id", id);
        return deleted;
    }

    /** Completes onboarding: details submitted, charges and payouts enabled, capabilities active, nothing due. */
    JsonObject onboard(String id) {
        JsonObject account = get(id);
        JsonObject before = account.deepCopy();
        account.addProperty("details_submitted", true);
        account.addProperty("charges_enabled", true);
        account.addProperty("payouts_enabled", true);
        JsonObject capabilities = account.getAsJsonObject("capabilities");
        capabilities.keySet().forEach(capability -> capabilities.addProperty(capability, "active"));
        account.add("requirements", requirements(List.of(), null));
        JsonObject tos = account.getAsJsonObject("tos_acceptance");
        tos.addProperty("date", platform.now());
        tos.addProperty("ip", "127.0.0.1");
        tos.addProperty("user_agent", "Local Stripe onboarding");
        announce(account, before);
        return account;
    }

    /** New requirements restrict the account again: charges and payouts disabled until they are met. */
    JsonObject requireInformation(String id, List<String> currentlyDue) {
        if (currentlyDue.isEmpty()) {
            throw ApiError.missing("currently_due");
        }
        JsonObject account = get(id);
        JsonObject before = account.deepCopy();
        restrict(account, currentlyDue);
        announce(account, before);
        return account;
    }

    private void restrict(JsonObject account, List<String> due) {
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        JsonObject capabilities = account.getAsJsonObject("capabilities");
        capabilities.keySet().forEach(capability -> capabilities.addProperty(capability, "inactive"));
        account.add("requirements", requirements(due, "requirements.past_due"));
    }

    private static JsonObject requirements(List<String> due, String disabledReason) {
        JsonObject requirements = new JsonObject();
        requirements.add("alternatives", new JsonArray());
        requirements.add("current_deadline", JsonNull.INSTANCE);
        requirements.add("currently_due", Json.strings(due));
        Json.put(requirements, "disabled_reason", disabledReason);
        requirements.add("errors", new JsonArray());
        requirements.add("eventually_due", Json.strings(due));
        requirements.add("past_due", Json.strings(due));
        requirements.add("pending_verification", new JsonArray());
        return requirements;
    }

    private void announce(JsonObject account, JsonObject before) {
        JsonObject changes = Events.changes(before, account);
        if (!changes.isEmpty()) {
            platform.events().emitForAccount("account.updated", account, changes, Json.string(account, "id"));
        }
    }

    /** A destination that can receive transfers: an existing account whose {@code transfers} capability is active. */
    JsonObject requireTransfersActive(String id, String param) {
        JsonObject account = platform.store().find("account", id);
        if (account == null) {
            throw ApiError.noSuch("destination", id, param);
        }
        String transfers = Json.string(account.getAsJsonObject("capabilities"), "transfers");
        if (!"active".equals(transfers)) {
            throw ApiError.invalid(
                    "insufficient_capabilities_for_transfer",
                    param,
                    "Your destination account needs to have at least one of the following capabilities enabled:"
                            + " transfers, crypto_transfers, legacy_payments");
        }
        return account;
    }

    private JsonObject createLink(Parameters params) {
        params.allowOnly(CREATE_LINK);
        String accountId = params.require("account");
        platform.store().get("account", accountId, "account", "account");
        String type = params.choice("type", "account_onboarding", "account_update");
        if (type == null) {
            throw ApiError.missing("type");
        }
        String refreshUrl = params.requireUrl("refresh_url");
        String returnUrl = params.requireUrl("return_url");
        String token = Ids.random(24);
        long now = platform.now();
        JsonObject local = platform.store().local("account_link:" + token);
        local.addProperty("account", accountId);
        local.addProperty("refresh_url", refreshUrl);
        local.addProperty("return_url", returnUrl);
        local.addProperty("expires_at", now + LINK_LIFETIME_SECONDS);
        local.addProperty("used", false);
        JsonObject link = platform.fixtures().newObject("account_link");
        link.addProperty("created", now);
        link.addProperty("expires_at", now + LINK_LIFETIME_SECONDS);
        link.addProperty("url", platform.baseUrl() + "/connect/onboarding/" + token);
        return link;
    }

    /** An onboarding link by its token, or null; usable while it has neither expired nor been used. */
    Link link(String token) {
        JsonObject local = platform.store().findLocal("account_link:" + token);
        if (local == null) {
            return null;
        }
        JsonObject account = platform.store().find("account", Json.string(local, "account"));
        if (account == null) {
            return null;
        }
        boolean usable = !Json.flag(local, "used") && Json.amount(local, "expires_at") >= platform.now();
        return new Link(account, Json.string(local, "refresh_url"), Json.string(local, "return_url"), usable);
    }

    /** The onboarding page's button: completes onboarding and uses the link up. Answers where the browser goes. */
    String completeOnboarding(String token) {
        Link link = link(token);
        if (link == null) {
            return null;
        }
        if (!link.usable()) {
            return link.refreshUrl();
        }
        platform.store().local("account_link:" + token).addProperty("used", true);
        onboard(Json.string(link.account(), "id"));
        return link.returnUrl();
    }
}
