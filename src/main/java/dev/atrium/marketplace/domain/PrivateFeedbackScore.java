package dev.atrium.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A professional's score from clients' private feedback, kept as totals so that no answer is ever read back one by
 * one. What it shows ({@link #summary()}) moves only in batches of {@value #BATCH} changes (an answer counted, or one
 * withdrawn because an admin hid its review): a figure that moved with every answer would tell the professional, who
 * knows which review was just published, what that one client answered privately. Until the first batch is complete
 * there is nothing to show.
 */
@Entity
@Table(name = "marketplace_private_feedback_score")
public class PrivateFeedbackScore {

    /** How many changes gather before what is shown moves. */
    public static final int BATCH = 3;

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Column(nullable = false)
    private int answers;

    @Column(name = "score_sum", nullable = false)
    private int scoreSum;

    @Column(name = "would_hire_again", nullable = false)
    private int wouldHireAgain;

    @Column(name = "pending_events", nullable = false)
    private int pendingEvents;

    @Column(name = "pending_answers", nullable = false)
    private int pendingAnswers;

    @Column(name = "pending_score_sum", nullable = false)
    private int pendingScoreSum;

    @Column(name = "pending_hire_again", nullable = false)
    private int pendingHireAgain;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected PrivateFeedbackScore() {}

    /** What is shown of it: how many answers it stands for, their mean score (1–10) and the share who would rehire. */
    public record Summary(int answers, double averageScore, double wouldHireAgainRate) {}

    public static PrivateFeedbackScore of(UUID professionalId, OffsetDateTime now) {
        PrivateFeedbackScore score = new PrivateFeedbackScore();
        score.memberId = professionalId;
        score.updatedAt = now;
        return score;
    }

    /** A client's private feedback counts (its review was published, or shown again). */
    public void add(PrivateFeedback feedback, OffsetDateTime now) {
        change(1, feedback, now);
    }

    /** A client's private feedback no longer counts (an admin hid its review). */
    public void withdraw(PrivateFeedback feedback, OffsetDateTime now) {
        change(-1, feedback, now);
    }

    private void change(int sign, PrivateFeedback feedback, OffsetDateTime now) {
        pendingEvents++;
        pendingAnswers += sign;
        pendingScoreSum += sign * feedback.score();
        pendingHireAgain += feedback.wouldHireAgain() ? sign : 0;
        updatedAt = now;
        if (pendingEvents >= BATCH) {
            answers += pendingAnswers;
            scoreSum += pendingScoreSum;
            wouldHireAgain += pendingHireAgain;
            pendingEvents = 0;
            pendingAnswers = 0;
            pendingScoreSum = 0;
            pendingHireAgain = 0;
        }
    }

    /** The shown figures, or empty while no batch has been counted (or every counted answer was withdrawn). */
    public Optional<Summary> summary() {
        if (answers == 0) {
            return Optional.empty();
        }
        return Optional.of(new Summary(answers, (double) scoreSum / answers, (double) wouldHireAgain / answers));
    }

    public UUID memberId() {
        return memberId;
    }
}
