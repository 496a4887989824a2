package dev.atrium.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A member's calendar feed, reached through a secret URL that calendar apps subscribe to without a token. Only the
 * secret's SHA-256 is stored; rotating replaces it (the old URL stops working), revoking deletes the feed.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CalendarFeed() {}

    private CalendarFeed(UUID memberId, String secretHash, OffsetDateTime now) {
        this.memberId = memberId;
        this.secretHash = secretHash;
        this.createdAt = now;
    }

    /** A new feed and its secret (256 random bits, URL-safe), which is shown once and never stored. */
    public static Issued issue(UUID memberId, OffsetDateTime now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(new CalendarFeed(memberId, hash(secret), now), secret);
    }

    public record Issued(CalendarFeed feed, String secret) {}

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    public void replaceWith(CalendarFeed rotated) {
        this.secretHash = rotated.secretHash;
        this.createdAt = rotated.createdAt;
    }

    public UUID memberId() {
        return memberId;
    }
}
