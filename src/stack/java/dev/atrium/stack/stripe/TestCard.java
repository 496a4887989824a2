package dev.atrium.stack.stripe;

/**
 * Stripe's test payment methods this server knows, with what paying with each does (as in Stripe's test mode). A
 * payment method made from one keeps the card's fingerprint, by which its outcome is known later (renewals).
 */
enum TestCard {
    VISA("pm_card_visa", "4242424242424242", null, null, "Visa, always succeeds"),
    CHARGE_DECLINED(
            "pm_card_chargeDeclined",
            "4000000000000002",
            "generic_decline",
            "Your card was declined.",
            "Visa, declined (generic_decline)"),
    INSUFFICIENT_FUNDS(
            "pm_card_chargeDeclinedInsufficientFunds",
            "4000000000009995",
            "insufficient_funds",
            "Your card has insufficient funds.",
            "Visa, declined (insufficient_funds)"),
    CREATE_DISPUTE(
            "pm_card_createDispute",
            "4000000000000259",
            null,
            null,
            "Visa, succeeds, then the buyer disputes the charge");

    private final String paymentMethod;
    private final String number;
    private final String declineCode;
    private final String declineMessage;
    private final String description;

    TestCard(String paymentMethod, String number, String declineCode, String declineMessage, String description) {
        this.paymentMethod = paymentMethod;
        this.number = number;
        this.declineCode = declineCode;
        this.declineMessage = declineMessage;
        this.description = description;
    }

    /** The card for a test payment method token such as {@code pm_card_visa}, or null. */
    static TestCard byPaymentMethod(String token) {
        for (TestCard card : values()) {
            if (card.paymentMethod.equals(token)) {
                return card;
            }
        }
        return null;
    }

    static TestCard byFingerprint(String fingerprint) {
        for (TestCard card : values()) {
            if (card.fingerprint().equals(fingerprint)) {
                return card;
            }
        }
        return null;
    }

    String paymentMethod() {
        return paymentMethod;
    }

    /** The card number, shown on the pages as Stripe's test card documentation shows it. */
    String number() {
        return number.replaceAll("(.{4})(?!$)", "$1 ");
    }

    String brand() {
        return "visa";
    }

    String last4() {
        return number.substring(number.length() - 4);
    }

    /** A stable fingerprint per card, as Stripe gives the same card the same fingerprint. */
    String fingerprint() {
        return "LocalTestCard" + last4();
    }

    boolean declines() {
        return declineCode != null;
    }

    boolean disputes() {
        return this == CREATE_DISPUTE;
    }

    String declineCode() {
        return declineCode;
    }

    String declineMessage() {
        return declineMessage;
    }

    String description() {
        return description;
    }
}
