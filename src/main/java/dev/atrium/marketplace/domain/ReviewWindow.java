package dev.atrium.marketplace.domain;

import dev.atrium.platform.errors.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The time after a contract ended in which its two parties review each other. Reviews written in it stay sealed
 * (double-blind: neither party can be swayed by, or retaliate against, what the other wrote) until both have written
 * or the window ends; then all of them are published at once, and the window is done.
 */
@Entity
@Table(name = "marketplace_review_window")
public class ReviewWindow {

    /** How long the parties have to review each other (Upwork's and Airbnb's 14 days). */
    public static final Duration LENGTH = Duration.ofDays(14);

    @Id
    @Column(name = "contract_id")
    private UUID contractId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "professional_id", nullable = false, updatable = false)
    private UUID professionalId;

    @Column(name = "contract_title", nullable = false, updatable = false)
    private String contractTitle;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private OffsetDateTime openedAt;

    @Column(name = "closes_at", nullable = false)
    private OffsetDateTime closesAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Version
    private long version;

    protected ReviewWindow() {}

    /** Opens when a contract with work paid in it ends. */
    public static ReviewWindow open(
            UUID contractId, UUID clientId, UUID professionalId, String title, OffsetDateTime endedAt) {
        ReviewWindow window = new ReviewWindow();
        window.contractId = contractId;
        window.clientId = clientId;
        window.professionalId = professionalId;
        window.contractTitle = title;
        window.openedAt = endedAt;
        window.closesAt = endedAt.plus(LENGTH);
        return window;
    }

    /** The member's side of the contract, if they are a party. */
    public Optional<Contract.Party> partyOf(UUID memberId) {
        if (clientId.equals(memberId)) {
            return Optional.of(Contract.Party.CLIENT);
        }
        if (professionalId.equals(memberId)) {
            return Optional.of(Contract.Party.PROFESSIONAL);
        }
        return Optional.empty();
    }

    /** The other party: whom the member reviews. */
    public UUID otherParty(Contract.Party part) {
        return part == Contract.Party.CLIENT ? professionalId : clientId;
    }

    /** Reviews are written only while it is open: not once published, and not after it ended. */
    public void requireOpen(OffsetDateTime now) {
        if (publishedAt != null || ended(now)) {
            throw new ConflictException(
                    "review-window-closed",
                    "Review window closed",
                    "Reviews of this contract were written within " + LENGTH.toDays() + " days of its end; that"
                            + " time is over.");
        }
    }

    public boolean ended(OffsetDateTime now) {
        return !now.isBefore(closesAt);
    }

    /** Its reviews are published now. @return false if they were already (published once) */
    public boolean publish(OffsetDateTime now) {
        if (publishedAt != null) {
            return false;
        }
        publishedAt = now;
        return true;
    }

    public boolean published() {
        return publishedAt != null;
    }

    public UUID contractId() {
        return contractId;
    }

    public UUID clientId() {
        return clientId;
    }

    public UUID professionalId() {
        return professionalId;
    }

    public String contractTitle() {
        return contractTitle;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime closesAt() {
        return closesAt;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }
}
