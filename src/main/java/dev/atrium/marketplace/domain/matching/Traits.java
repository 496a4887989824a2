package dev.atrium.marketplace.domain.matching;

import java.util.Locale;

/** Checks shared by both sides' traits. */
final class Traits {

    private Traits() {}

    static void checkAmount(Long minor, String what) {
        if (minor != null && minor < 0) {
            throw new IllegalArgumentException("A " + what + " cannot be negative");
        }
    }

    /** The ISO code upper-cased; required when there is an amount to read it with. */
    static String currency(String code, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                throw new IllegalArgumentException("An amount needs its currency");
            }
            return null;
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("A currency is an ISO 4217 code, not " + code);
        }
        return upper;
    }
}
