package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Category;
import dev.atrium.marketplace.domain.Skill;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tenant's categories and skills: listed for everyone, defined and retired by its admins, and the one place that
 * turns the slugs a request names into the skills (and names, for search) that jobs and profiles keep.
 */
@ApplicationScoped
@TenantTransactional
public class Taxonomy {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Now clock;

    /** Skills as a job or a profile holds them: their ids, and their names for full-text search. */
    public record SkillSet(Set<UUID> ids, String names) {}

    /** Every skill and category of the tenant, by id: a small table, read once per request that shows several. */
    public record Catalogue(Map<UUID, Skill> skills, Map<UUID, Category> categories) {

        public List<String> slugsOf(Collection<UUID> skillIds) {
            return skillIds.stream()
                    .map(skills::get)
                    .filter(java.util.Objects::nonNull)
                    .map(Skill::slug)
                    .sorted()
                    .toList();
        }

        public String categorySlug(UUID categoryId) {
            Category category = categoryId == null ? null : categories.get(categoryId);
            return category == null ? null : category.slug();
        }
    }

    public Catalogue catalogue() {
        return new Catalogue(
                em.createQuery("select s from Skill s", Skill.class)
                        .getResultStream()
                        .collect(Collectors.toMap(Skill::id, Function.identity())),
                em.createQuery("select c from Category c", Category.class)
                        .getResultStream()
                        .collect(Collectors.toMap(Category::id, Function.identity())));
    }

    public List<Views.CategoryView> categories(boolean includeRetired) {
        return em.createQuery(
                        "select c from Category c" + (includeRetired ? "" : " where c.active = true")
                                + " order by c.position, c.name",
                        Category.class)
                .getResultStream()
                .map(Views.CategoryView::of)
                .toList();
    }

    public List<Views.SkillView> skills(String categorySlug, boolean includeRetired) {
        Catalogue catalogue = catalogue();
        UUID category = categorySlug == null ? null : category(categorySlug);
        return catalogue.skills().values().stream()
                .filter(skill -> includeRetired || skill.active())
                .filter(skill -> category == null || category.equals(skill.categoryId()))
                .sorted(java.util.Comparator.comparing(Skill::name))
                .map(skill -> Views.SkillView.of(skill, catalogue))
                .toList();
    }

    public Views.CategoryView defineCategory(String slug, String name, String description, Integer position) {
        requireNewSlug("select count(c) from Category c where c.slug = :slug", slug);
        Category category = Category.define(slug, name, description, position == null ? 0 : position, clock.dateTime());
        em.persist(category);
        return Views.CategoryView.of(category);
    }

    public Views.CategoryView reviseCategory(
            UUID id, String name, String description, Integer position, Boolean active) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new ResourceNotFoundException("There is no category " + id + ".");
        }
        category.revise(name, description, position, active);
        em.flush();
        return Views.CategoryView.of(category);
    }

    public Views.SkillView defineSkill(String slug, String name, String categorySlug) {
        requireNewSlug("select count(s) from Skill s where s.slug = :slug", slug);
        Skill skill = Skill.define(slug, name, categorySlug == null ? null : category(categorySlug), clock.dateTime());
        em.persist(skill);
        return Views.SkillView.of(skill, catalogue());
    }

    public Views.SkillView reviseSkill(UUID id, String name, String categorySlug, Boolean active) {
        Skill skill = em.find(Skill.class, id);
        if (skill == null) {
            throw new ResourceNotFoundException("There is no skill " + id + ".");
        }
        skill.revise(name, categorySlug == null ? null : category(categorySlug), active);
        em.flush();
        return Views.SkillView.of(skill, catalogue());
    }

    /** The active category with this slug (400 if there is none: the request named it). */
    public UUID category(String slug) {
        return em.createQuery("select c.id from Category c where c.slug = :slug and c.active = true", UUID.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("There is no category '" + slug + "'."));
    }

    /** The active skills with these slugs; any unknown one is a 400 naming it. */
    public SkillSet skillsOf(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return new SkillSet(Set.of(), "");
        }
        Map<String, Skill> found = new LinkedHashMap<>();
        em.createQuery("select s from Skill s where s.slug in :slugs and s.active = true", Skill.class)
                .setParameter("slugs", List.copyOf(new TreeSet<>(slugs)))
                .getResultStream()
                .forEach(skill -> found.put(skill.slug(), skill));
        List<String> unknown =
                slugs.stream().filter(slug -> !found.containsKey(slug)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("Unknown skill(s): " + String.join(", ", unknown)
                    + ". GET /marketplace/skills lists the tenant's skills.");
        }
        return new SkillSet(
                found.values().stream().map(Skill::id).collect(Collectors.toSet()),
                found.values().stream().map(Skill::name).sorted().collect(Collectors.joining(" ")));
    }

    private void requireNewSlug(String query, String slug) {
        if (em.createQuery(query, Long.class).setParameter("slug", slug).getSingleResult() > 0) {
            throw new ConflictException("slug-taken", "Slug taken", "'" + slug + "' is taken.");
        }
    }
}
