package dev.atrium.marketplace.domain;

import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A skill professionals list and jobs ask for, in a category. Retired rather than deleted. */
@Entity
@Table(name = "marketplace_skill")
public class Skill {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "category_id")
    @Convert(converter = NullableUuid.class)
    private UUID categoryId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Skill() {}

    public static Skill define(String slug, String name, UUID categoryId, OffsetDateTime now) {
        Skill skill = new Skill();
        skill.id = UUID.randomUUID();
        skill.slug = slug;
        skill.name = name;
        skill.categoryId = categoryId;
        skill.createdAt = now;
        return skill;
    }

    public void revise(String name, UUID categoryId, Boolean active) {
        if (name != null) {
            this.name = name;
        }
        if (categoryId != null) {
            this.categoryId = categoryId;
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

    public UUID categoryId() {
        return categoryId;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
