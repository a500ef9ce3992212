package io.casedesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durations in milliseconds per named step, from many threads; nearest-rank percentiles. */
final class BenchLatencies {

    private final Map<String, List<Long>> byStep = new LinkedHashMap<>();

    synchronized void add(String step, long millis) {
        byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(millis);
    }

    synchronized List<String> steps() {
        return List.copyOf(byStep.keySet());
    }

    synchronized int count(String step) {
        return byStep.getOrDefault(step, List.of()).size();
    }

    /** Nearest rank: the smallest value that at least {@code percentile} % of the values do not exceed. */
    synchronized long percentile(String step, double percentile) {
        return percentile(byStep.getOrDefault(step, List.of()), percentile);
    }

    static long percentile(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
