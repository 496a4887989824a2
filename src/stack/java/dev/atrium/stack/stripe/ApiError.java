package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * An error answered in Stripe's format and with Stripe's status, so that stripe-java throws the exception it throws
 * for the real one (400/404 InvalidRequestException with the parameter, 401 AuthenticationException, 402
 * CardException with the decline code, 400 idempotency_error IdempotencyException).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String declineCode;
    private final String param;
    private final JsonObject extra = new JsonObject();
    private boolean rejectedBeforeRunning;

    private ApiError(int status, String type, String code, String declineCode, String param, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.declineCode = declineCode;
        this.param = param;
    }

    static ApiError invalid(String code, String param, String message) {
        return new ApiError(400, "invalid_request_error", code, null, param, message);
    }

    /** An object named in the path that does not exist: 404, as Stripe answers a retrieve of an unknown id. */
    static ApiError noSuchPath(String label, String id) {
        return new ApiError(404, "invalid_request_error", "resource_missing", null, "id", noSuchMessage(label, id));
    }

    /** An object named by a parameter that does not exist. */
    static ApiError noSuch(String label, String id, String param) {
        return new ApiError(400, "invalid_request_error", "resource_missing", null, param, noSuchMessage(label, id));
    }

    private static String noSuchMessage(String label, String id) {
        return "No such " + label + ": '" + id + "'";
    }

    static ApiError unknownParameter(String param) {
        return invalid("parameter_unknown", param, "Received unknown parameter: " + param)
                .beforeRunning();
    }

    static ApiError missing(String param) {
        return invalid("parameter_missing", param, "Missing required param: " + param + ".")
                .beforeRunning();
    }

    /** A parameter whose value is malformed (not an integer, not one of the allowed values). */
    static ApiError invalidValue(String code, String param, String message) {
        return invalid(code, param, message).beforeRunning();
    }

    private ApiError beforeRunning() {
        rejectedBeforeRunning = true;
        return this;
    }

    static ApiError unknownRoute(String method, String path) {
        return new ApiError(
                404,
                "invalid_request_error",
                null,
                null,
                null,
                "Unrecognized request URL (" + method + ": " + path
                        + "). The local Stripe serves the endpoints listed in" + " docs/local-stripe.md.");
    }

    static ApiError authentication(String presented) {
        String message = presented == null
                ? "You did not provide an API key. You need to provide your API key in the Authorization header, using"
                        + " Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
                : "Invalid API Key provided: " + redacted(presented);
        return new ApiError(401, "invalid_request_error", null, null, null, message);
    }

    private static String redacted(String key) {
        if (key.length() <= 12) {
            return "****";
        }
        return key.substring(0, 8) + "*".repeat(key.length() - 12) + key.substring(key.length() - 4);
    }

    static ApiError idempotencyMismatch(String key) {
        return new ApiError(
                400,
                "idempotency_error",
                null,
                null,
                null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with. Try"
                        + " using a key other than '" + key + "' if you meant to execute a different request.");
    }

    static ApiError cardDeclined(TestCard card, String chargeId) {
        ApiError error =
                new ApiError(402, "card_error", "card_declined", card.declineCode(), null, card.declineMessage());
        error.extra.addProperty("charge", chargeId);
        return error;
    }

    static ApiError internal(String message) {
        return new ApiError(500, "api_error", null, null, null, message);
    }

    /** Adds a field Stripe sends with this error (the payment intent of a declined payment, for one). */
    ApiError with(String field, JsonObject value) {
        extra.add(field, value);
        return this;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String code() {
        return code;
    }

    String param() {
        return param;
    }

    String declineCode() {
        return declineCode;
    }

    /** The declined charge a card error names, if any. */
    String charge() {
        return extra.has("charge") && !extra.get("charge").isJsonNull()
                ? extra.get("charge").getAsString()
                : null;
    }

    /** Errors of the parameters themselves stop a request before it runs; Stripe stores no idempotent result for them. */
    boolean rejectedBeforeRunning() {
        return status == 401 || rejectedBeforeRunning;
    }

    JsonObject body() {
        JsonObject error = new JsonObject();
        if (code != null) {
            error.addProperty("code", code);
            error.addProperty("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        if (declineCode != null) {
            error.addProperty("decline_code", declineCode);
        }
        error.addProperty("message", getMessage());
        if (param != null) {
            error.addProperty("param", param);
        }
        error.add("request_log_url", com.google.gson.JsonNull.INSTANCE);
        error.addProperty("type", type);
        extra.entrySet().forEach(entry -> error.add(entry.getKey(), entry.getValue()));
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    /** The error as Stripe's {@code last_payment_error} of a payment intent carries it. */
    JsonObject asPaymentError(JsonObject paymentMethod) {
        JsonObject error = body().getAsJsonObject("error").deepCopy();
        error.remove("request_log_url");
        error.add("payment_method", paymentMethod);
        return error;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d %s %s: %s", status, type, code, getMessage());
    }
}
