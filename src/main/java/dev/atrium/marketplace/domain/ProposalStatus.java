package dev.atrium.marketplace.domain;

/** A proposal's life: submitted, shortlisted by the client, declined, withdrawn by its professional, or hired. */
public enum ProposalStatus {
    SUBMITTED,
    SHORTLISTED,
    DECLINED,
    WITHDRAWN,
    HIRED;

    /** Whether the client can still hire it and the professional still revise or withdraw it. */
    public boolean isOpen() {
        return this == SUBMITTED || this == SHORTLISTED;
    }
}
