package dev.atrium.marketplace.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Work a professional handed in for a milestone (a message and files), and how the client answered it. */
@Entity
@Table(name = "marketplace_submission")
public class Submission {

    /** The client's answer: approved, changes requested, approved when its window passed, or disputed. */
    public enum Answer {
        APPROVED,
        CHANGES_REQUESTED,
        AUTO_APPROVED,
        DISPUTED
    }

    @Id
    private UUID id;

    @Column(name = "milestone_id", nullable = false, updatable = false)
    private UUID milestoneId;

    @Column(nullable = false)
    private String message;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private OffsetDateTime submittedAt;

    @Enumerated(EnumType.STRING)
    private Answer answer;

    @Column(name = "answer_note")
    private String answerNote;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @ElementCollection
    @CollectionTable(name = "marketplace_submission_attachment", joinColumns = @JoinColumn(name = "submission_id"))
    @Column(name = "media_id")
    private Set<UUID> attachments = new HashSet<>();

    protected Submission() {}

    public static Submission of(Milestone milestone, String message, Set<UUID> attachments) {
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.milestoneId = milestone.id();
        submission.message = message;
        submission.submittedAt = milestone.submittedAt();
        submission.attachments.addAll(attachments);
        return submission;
    }

    public void answered(Answer answer, String note, OffsetDateTime now) {
        if (this.answer == null) {
            this.answer = answer;
            answerNote = note;
            answeredAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID milestoneId() {
        return milestoneId;
    }

    public String message() {
        return message;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public Answer answer() {
        return answer;
    }

    public String answerNote() {
        return answerNote;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    public Set<UUID> attachments() {
        return Set.copyOf(attachments);
    }
}
