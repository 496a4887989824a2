package dev.atrium.platform.plans;

import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The plans tenants can be on, read once at start-up from {@code plans.yaml} in the application, or from the file
 * that {@code atrium.plans.file} names. A catalogue that does not parse, or names an unknown module, stops the start:
 * a wrong plan file must not quietly let every tenant do everything.
 */
@ApplicationScoped
public class PlanCatalogue {

    @Inject
    @ConfigProperty(name = "atrium.plans.file")
    Optional<String> file;

    private Map<String, Plan> plans;

    @PostConstruct
    void load() {
        try (InputStream yaml = file.filter(path -> !path.isBlank())
                .map(PlanCatalogue::open)
                .orElseGet(() -> PlanCatalogue.class.getClassLoader().getResourceAsStream("plans.yaml"))) {
            if (yaml == null) {
                throw new IllegalStateException("plans.yaml is missing from the application");
            }
            plans = parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The plan with this id; an unknown id is a bad request naming the plans there are. */
    public Plan plan(String id) {
        Plan plan = plans.get(id);
        if (plan == null) {
            throw new InvalidRequestException(
                    "There is no plan '" + id + "'; the plans are " + String.join(", ", plans.keySet()) + ".");
        }
        return plan;
    }

    public Collection<Plan> all() {
        return plans.values();
    }

    /** Parses the catalogue's YAML tree; public for the unit test of the file in the repository. */
    @SuppressWarnings("unchecked")
    public static Map<String, Plan> parse(Object tree) {
        if (!(tree instanceof Map<?, ?> root) || !(root.get("plans") instanceof Map<?, ?> entries)) {
            throw new IllegalStateException("The plan catalogue must hold a map 'plans'");
        }
        Map<String, Plan> parsed = new LinkedHashMap<>();
        ((Map<String, Object>) entries).forEach((id, value) -> {
            if (!(value instanceof Map<?, ?> entry)) {
                throw new IllegalStateException("Plan '" + id + "' must be a map");
            }
            Object modules = entry.get("modules");
            Object quotas = entry.get("quotas");
            Set<TenantModule> allowed = modules instanceof List<?> list
                    ? list.stream()
                            .map(Object::toString)
                            .map(TenantModule::fromId)
                            .collect(Collectors.toSet())
                    : Set.of();
            Map<String, Long> limits = new LinkedHashMap<>();
            if (quotas instanceof Map<?, ?> map) {
                map.forEach((name, limit) -> {
                    if (!(limit instanceof Number number) || number.longValue() < 0) {
                        throw new IllegalStateException("Quota " + name + " of plan '" + id + "' must be 0 or more");
                    }
                    limits.put(name.toString(), number.longValue());
                });
            }
            Object name = entry.get("name");
            parsed.put(id, new Plan(id, name == null ? id : name.toString(), allowed, limits, prices(id, entry)));
        });
        return Collections.unmodifiableMap(parsed);
    }

    private static Plan.Prices prices(String id, Map<?, ?> entry) {
        if (!(entry.get("prices") instanceof Map<?, ?> prices)) {
            return null;
        }
        // Whole numbers only: 19.90 would be read as a floating-point number and billed as 19 cents.
        if (!(prices.get("monthly") instanceof Integer || prices.get("monthly") instanceof Long)
                || !(prices.get("yearly") instanceof Integer || prices.get("yearly") instanceof Long)) {
            throw new IllegalStateException("Plan '" + id + "' needs prices.monthly and prices.yearly as whole numbers"
                    + " of minor units (4900 for 49.00)");
        }
        Number monthly = (Number) prices.get("monthly");
        Number yearly = (Number) prices.get("yearly");
        return new Plan.Prices(String.valueOf(prices.get("currency")), monthly.longValue(), yearly.longValue());
    }

    private static InputStream open(String path) {
        try {
            return Files.newInputStream(Path.of(path));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the plan catalogue " + path, unreadable);
        }
    }
}
