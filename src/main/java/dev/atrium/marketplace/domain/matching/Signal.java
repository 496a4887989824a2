package dev.atrium.marketplace.domain.matching;

/**
 * What a match's score is made of, each part from 0 to 1, and its weight. A part without data (no budget, rates in
 * different currencies, a text not embedded yet, a job without skills) is left out and the remaining weights count in
 * proportion, so that missing data neither rewards nor punishes a pair.
 */
public enum Signal {

    /** The job's own list of what it needs: the client's most direct statement of fit. */
    SKILLS(0.30),

    /**
     * The meaning of the two texts: catches what tags miss (a client's "online shop" is a professional's "Shopify
     * stores") and the specialty inside a category; as heavy as the skills because tags are often incomplete.
     */
    TEXT(0.30),

    /** Coarse but robust to missing tags: a designer is rarely the answer to a tutoring job. */
    CATEGORY(0.12),

    /** A price mismatch ends a deal, but a fitting price does not make one: a tie-breaker among fitting people. */
    RATE(0.10),

    /** The track record, trusted in proportion to the contracts behind it: a quality signal, not a fit signal. */
    HISTORY(0.10),

    /**
     * Whether the professional takes work now; lowest, because an unavailable expert is still worth listing (below
     * the available ones), and for "jobs for me" it is the same for every job.
     */
    AVAILABILITY(0.08);

    private final double weight;

    Signal(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
