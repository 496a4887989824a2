package dev.atrium.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured values (nearest rank), for the benchmarks' reports. */
public final class Percentiles {

    private final List<Long> sorted;

    private Percentiles(List<Long> values) {
        this.sorted = new ArrayList<>(values);
        Collections.sort(sorted);
    }

    public static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values measured");
        }
        return new Percentiles(values);
    }

    public long at(int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    public long max() {
        return sorted.get(sorted.size() - 1);
    }

    public int count() {
        return sorted.size();
    }
}
