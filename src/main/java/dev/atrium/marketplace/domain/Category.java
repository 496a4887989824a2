package dev.atrium.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A field of work jobs and skills belong to. Retired rather than deleted: jobs keep referring to it. */
@Entity
@Table(name = "marketplace_category")
public class Category {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Category() {}

    public static Category define(String slug, String name, String description, int position, OffsetDateTime now) {
        Category category = new Category();
        category.id = UUID.randomUUID();
        category.slug = slug;
        category.name = name;
        category.description = description;
        category.position = position;
        category.createdAt = now;
        return category;
    }

    public void revise(String name, String description, Integer position, Boolean active) {
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        if (position != null) {
            this.position = position;
        }
        if (active != null) {
            this.active = active;
        }
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int position() {
        return position;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
