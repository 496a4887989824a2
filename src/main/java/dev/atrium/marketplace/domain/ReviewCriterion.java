package dev.atrium.marketplace.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a review rates besides the overall impression, 1 to 5 each. A professional is rated on what a client hired
 * them for (the quality of the work, communication, expertise, meeting deadlines, value for money); a client on what
 * makes them good to work for (clear requirements, communication, paying promptly). Communication is asked of both.
 */
public enum ReviewCriterion {
    QUALITY,
    COMMUNICATION,
    EXPERTISE,
    DEADLINES,
    VALUE,
    CLARITY,
    PAYMENT_PROMPTNESS;

    private static final Set<ReviewCriterion> OF_PROFESSIONAL =
            EnumSet.of(QUALITY, COMMUNICATION, EXPERTISE, DEADLINES, VALUE);
    private static final Set<ReviewCriterion> OF_CLIENT = EnumSet.of(CLARITY, COMMUNICATION, PAYMENT_PROMPTNESS);

    /** The criteria a review of the given side of a contract rates, in this order. */
    public static Set<ReviewCriterion> rating(Contract.Party reviewed) {
        return EnumSet.copyOf(reviewed == Contract.Party.PROFESSIONAL ? OF_PROFESSIONAL : OF_CLIENT);
    }
}
