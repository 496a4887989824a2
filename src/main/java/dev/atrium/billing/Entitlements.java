package dev.atrium.billing;

import java.util.Set;
import java.util.UUID;

/**
 * What a member of the current tenant may do because they paid: a premium membership's entitlements while it lasts,
 * and {@code <module>:<ref>} for an item bought through {@link Sales} until it is refunded. Billing's published
 * interface for other modules (marketplace asks {@code has(professional, MORE_PROPOSALS)}, learning asks
 * {@code has(learner, Entitlements.of("learning", courseId))}). Granted only when the payment provider confirms a
 * payment, never on a browser's return.
 */
public interface Entitlements {

    /** A professional appears first in marketplace searches. */
    String FEATURED_IN_SEARCH = "featured-in-search";

    /** A professional's monthly proposal allowance is larger. */
    String MORE_PROPOSALS = "more-proposals";

    /** A professional sees new jobs before others. */
    String EARLY_ACCESS_JOBS = "early-access-jobs";

    /** A member is shown no advertisements. */
    String AD_FREE = "ad-free";

    /** The entitlement an item another module sells grants: {@code learning:<course id>}. */
    static String of(String module, String ref) {
        return module + ":" + ref;
    }

    boolean has(UUID memberId, String entitlement);

    /** Every entitlement the member holds now. */
    Set<String> held(UUID memberId);

    /** Every member of the tenant who holds the entitlement now (e.g. to feature them first in search). */
    Set<UUID> holders(String entitlement);
}
