package dev.atrium.marketplace.domain;

import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of a professional's past work on their profile: a title, a description, an image or file, a link. */
@Entity
@Table(name = "marketplace_portfolio_item")
public class PortfolioItem {

    /** At most this many items on a profile: a portfolio is a selection. */
    public static final int MAX_ITEMS = 24;

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "media_id")
    @Convert(converter = NullableUuid.class)
    private UUID mediaId;

    private String link;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PortfolioItem() {}

    public static PortfolioItem add(
            UUID memberId,
            int position,
            String title,
            String description,
            UUID mediaId,
            String link,
            OffsetDateTime now) {
        PortfolioItem item = new PortfolioItem();
        item.id = UUID.randomUUID();
        item.memberId = memberId;
        item.position = position;
        item.title = title;
        item.description = description;
        item.mediaId = mediaId;
        item.link = link;
        item.createdAt = now;
        return item;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public UUID mediaId() {
        return mediaId;
    }

    public String link() {
        return link;
    }

    public int position() {
        return position;
    }
}
