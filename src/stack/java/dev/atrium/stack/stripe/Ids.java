package dev.atrium.stack.stripe;

import java.security.SecureRandom;

/**
 * Identifiers shaped like Stripe's: a type prefix and random base62 characters. They are also the capability for the
 * pages that need no API key (a checkout session's page is reachable by whoever knows its id), so they are unguessable.
 */
final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next(String prefix) {
        return prefix + "_" + random(24);
    }

    static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
