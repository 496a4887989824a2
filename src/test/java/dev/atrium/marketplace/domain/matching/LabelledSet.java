package dev.atrium.marketplace.domain.matching;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Pricing;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The hand-written evaluation set ({@code marketplace/matching/labelled-set.json}): jobs, professionals, and for each
 * job the professionals a client would want, graded 2 (strong fit) or 1 (could do it). Keys such as {@code p01} become
 * stable UUIDs; {@link #key(UUID)} turns them back for reports.
 */
record LabelledSet(
        List<JobTraits> jobs,
        List<ProfessionalTraits> professionals,
        Map<UUID, Map<UUID, Integer>> relevantProfessionals,
        Map<UUID, String> keys) {

    static final String RESOURCE = "/marketplace/matching/labelled-set.json";

    static LabelledSet load() throws IOException {
        try (InputStream in = LabelledSet.class.getResourceAsStream(RESOURCE);
                JsonReader reader = Json.createReader(in)) {
            JsonObject document = reader.readObject();
            Map<UUID, String> keys = new HashMap<>();
            List<ProfessionalTraits> professionals = document.getJsonArray("professionals").stream()
                    .map(JsonValue::asJsonObject)
                    .map(json -> professional(json, keys))
                    .toList();
            Map<UUID, Map<UUID, Integer>> relevant = new LinkedHashMap<>();
            List<JobTraits> jobs = document.getJsonArray("jobs").stream()
                    .map(JsonValue::asJsonObject)
                    .map(json -> {
                        JobTraits job = job(json, keys);
                        relevant.put(job.id(), grades(json.getJsonObject("relevant"), keys));
                        return job;
                    })
                    .toList();
            return new LabelledSet(jobs, professionals, relevant, keys);
        }
    }

    /** The labels turned round: for each professional, the jobs that listed them, with the same grades. */
    Map<UUID, Map<UUID, Integer>> relevantJobs() {
        Map<UUID, Map<UUID, Integer>> transposed = new LinkedHashMap<>();
        relevantProfessionals.forEach((job, grades) -> grades.forEach((professional, grade) -> transposed
                .computeIfAbsent(professional, id -> new LinkedHashMap<>())
                .put(job, grade)));
        return transposed;
    }

    String key(UUID id) {
        return keys.get(id);
    }

    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("atrium-labelled-set:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static ProfessionalTraits professional(JsonObject json, Map<UUID, String> keys) {
        UUID id = register(json.getString("id"), keys);
        String text = json.getString("headline") + "\n" + json.getString("bio") + "\nPortfolio: "
                + String.join("; ", strings(json, "portfolio"));
        JsonObject rate = json.getJsonObject("hourlyRate");
        return new ProfessionalTraits(
                id,
                text,
                Set.copyOf(strings(json, "categories")),
                Set.copyOf(strings(json, "skills")),
                rate == null ? null : rate.getJsonNumber("amount").longValueExact(),
                rate == null ? null : rate.getString("currency"),
                json.getInt("completedContracts"),
                json.isNull("averageRating")
                        ? null
                        : json.getJsonNumber("averageRating").doubleValue(),
                json.isNull("onTimeRate")
                        ? null
                        : json.getJsonNumber("onTimeRate").doubleValue(),
                json.getBoolean("available"),
                null);
    }

    private static JobTraits job(JsonObject json, Map<UUID, String> keys) {
        UUID id = register(json.getString("id"), keys);
        JsonObject budget = json.getJsonObject("budget");
        return new JobTraits(
                id,
                json.getString("title") + "\n" + json.getString("description"),
                json.getString("category"),
                Set.copyOf(strings(json, "skills")),
                Pricing.valueOf(json.getString("pricing")),
                budget.isNull("min") ? null : budget.getJsonNumber("min").longValueExact(),
                budget.isNull("max") ? null : budget.getJsonNumber("max").longValueExact(),
                budget.getString("currency"),
                ExperienceLevel.valueOf(json.getString("experience")),
                null);
    }

    private static Map<UUID, Integer> grades(JsonObject json, Map<UUID, String> keys) {
        Map<UUID, Integer> grades = new LinkedHashMap<>();
        json.forEach((key, grade) -> {
            if (!keys.containsValue(key)) {
                throw new IllegalStateException("A label names an unknown professional: " + key);
            }
            grades.put(id(key), ((JsonNumber) grade).intValueExact());
        });
        return grades;
    }

    private static UUID register(String key, Map<UUID, String> keys) {
        UUID id = id(key);
        if (keys.put(id, key) != null) {
            throw new IllegalStateException("Duplicate key in the labelled set: " + key);
        }
        return id;
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toList());
    }
}
