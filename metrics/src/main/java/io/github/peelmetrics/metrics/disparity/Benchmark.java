package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The population that stops are compared against: by group and, optionally, by key (beat).
 *
 * <p>The usual benchmark is the residential population of each beat ({@link #residents}); a
 * caller may supply any other count by group (driving-age residents, a traffic-survey estimate of
 * drivers, calls for service): {@link #of} for one area, {@link #byKey} by beat or any other key
 * matching the {@link StopTally} keys. {@link Category#UNKNOWN} is not a benchmark group (nobody's
 * residence is "race unknown"), so it is rejected. Residential benchmarks are known to be rough
 * (who is on the road is not who lives there): see Fridell, <i>By the Numbers</i> (PERF, 2004), ch. 5.
 *
 * <p>Immutable and thread-safe.
 */
public final class Benchmark {

    private final String description;
    private final boolean keyed;
    private final Map<String, Map<Category, Long>> counts;
    private final List<Category> groups;

    private Benchmark(String description, boolean keyed, Map<String, Map<Category, Long>> counts) {
        this.description = description;
        this.keyed = keyed;
        this.counts = counts;
        Set<Category> gs = new LinkedHashSet<>();
        counts.values().forEach(m -> gs.addAll(m.keySet()));
        List<Category> sorted = new ArrayList<>(gs);
        sorted.sort(StopTally.GROUP_ORDER);
        this.groups = Collections.unmodifiableList(sorted);
    }

    /**
     * The residential population of each beat by group ({@link Beat#population()}), keyed by
     * beat id, to be used with a tally keyed by {@code Stop::beat}.
     *
     * @throws IllegalArgumentException if there is no beat, a beat id repeats, or a beat has an unknown group
     */
    public static Benchmark residents(Collection<Beat> beats) {
        Objects.requireNonNull(beats, "beats must not be null");
        if (beats.isEmpty()) {
            throw new IllegalArgumentException("a residential benchmark needs at least one beat");
        }
        Map<String, Map<Category, Long>> m = new LinkedHashMap<>();
        for (Beat b : beats) {
            Objects.requireNonNull(b, "beat must not be null");
            if (m.containsKey(b.id())) {
                throw new IllegalArgumentException("beat " + b.id() + " appears twice in the benchmark");
            }
            m.put(b.id(), checked("beat " + b.id(), b.population()));
        }
        return new Benchmark("residential population", true, Collections.unmodifiableMap(m));
    }

    /**
     * A benchmark for one area (no key): {@code counts} by group, described for the table header.
     *
     * @throws IllegalArgumentException if the description is blank, a count is negative, there is no group,
     *                                  or a group is {@link Category#UNKNOWN}
     */
    public static Benchmark of(String description, Map<Category, Long> counts) {
        checkDescription(description);
        Objects.requireNonNull(counts, "benchmark counts must not be null");
        return new Benchmark(description.strip(), false,
                Map.of(StopTally.ALL, checked("benchmark " + description.strip(), counts)));
    }

    /**
     * A benchmark by key (beat, district, ...) and group; keys must match those of the tally it is
     * used with.
     *
     * @throws IllegalArgumentException as {@link #of}, for each key, or if there is no key
     */
    public static Benchmark byKey(String description, Map<String, Map<Category, Long>> counts) {
        checkDescription(description);
        Objects.requireNonNull(counts, "benchmark counts must not be null");
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + description.strip() + " has no key");
        }
        Map<String, Map<Category, Long>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Category, Long>> e : counts.entrySet()) {
            Objects.requireNonNull(e.getKey(), "benchmark key must not be null");
            Objects.requireNonNull(e.getValue(), () -> "counts of benchmark key " + e.getKey() + " must not be null");
            m.put(e.getKey(), checked("key " + e.getKey() + " of benchmark " + description.strip(), e.getValue()));
        }
        return new Benchmark(description.strip(), true, Collections.unmodifiableMap(m));
    }

    private static void checkDescription(String description) {
        Objects.requireNonNull(description, "benchmark description must not be null");
        if (description.isBlank()) {
            throw new IllegalArgumentException("benchmark description must not be blank: \"" + description + "\"");
        }
    }

    private static Map<Category, Long> checked(String where, Map<Category, Long> counts) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException(where + " has no group");
        }
        Map<Category, Long> m = new LinkedHashMap<>();
        for (Map.Entry<Category, Long> e : counts.entrySet()) {
            Category g = Objects.requireNonNull(e.getKey(), () -> "group of " + where + " must not be null");
            Long v = Objects.requireNonNull(e.getValue(), () -> "count of " + g + " in " + where + " must not be null");
            if (g.isUnknown()) {
                throw new IllegalArgumentException(where + ": the unknown group cannot have a benchmark count (" + v + ")");
            }
            if (v < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "count of %s in %s must not be negative: %d", g.code(), where, v));
            }
            m.put(g, v);
        }
        return Collections.unmodifiableMap(m);
    }

    /** What the benchmark counts, e.g. {@code residential population}. */
    public String description() {
        return description;
    }

    /** Whether the benchmark is given by key (beat). */
    public boolean keyed() {
        return keyed;
    }

    /** The keys in the order given; empty for a benchmark of one area. */
    public List<String> keys() {
        return keyed ? List.copyOf(counts.keySet()) : List.of();
    }

    /** The groups that have a count under some key, by code. */
    public List<Category> groups() {
        return groups;
    }

    /**
     * The count of a group over every key.
     *
     * @throws IllegalArgumentException if no key has a count of the group, listing the groups held
     */
    public long count(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        checkGroup(group);
        long sum = 0;
        for (Map<Category, Long> m : counts.values()) {
            sum += m.getOrDefault(group, 0L);
        }
        return sum;
    }

    /**
     * The count of a group under one key; empty when the benchmark counts the group under other
     * keys but not under this one.
     *
     * @throws IllegalArgumentException if the benchmark has no such key (or no key at all), or no
     *                                  count of the group under any key, listing what it holds
     */
    public OptionalLong count(Category group, String key) {
        Objects.requireNonNull(group, "group must not be null");
        Map<Category, Long> m = byKey(key);
        checkGroup(group);
        Long v = m.get(group);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The total over every group and key. */
    public long total() {
        long sum = 0;
        for (Map<Category, Long> m : counts.values()) {
            for (long v : m.values()) {
                sum += v;
            }
        }
        return sum;
    }

    /**
     * The total over every group under one key.
     *
     * @throws IllegalArgumentException if the benchmark has no such key, listing its keys
     */
    public long total(String key) {
        long sum = 0;
        for (long v : byKey(key).values()) {
            sum += v;
        }
        return sum;
    }

    private Map<Category, Long> byKey(String key) {
        Objects.requireNonNull(key, "key must not be null");
        Map<Category, Long> m = keyed ? counts.get(key) : null;
        if (m == null) {
            throw Checks.notHeld("benchmark " + description, "key", key, keys());
        }
        return m;
    }

    private void checkGroup(Category group) {
        if (!groups.contains(group)) {
            throw Checks.notHeld("benchmark " + description, "group", group.code(),
                    groups.stream().map(Category::code).toList());
        }
    }

    /** E.g. {@code Benchmark[residential population, 6 keys, 5 groups, total 90003]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Benchmark[%s, %s%d groups, total %d]", description,
                keyed ? counts.size() + " keys, " : "", groups.size(), total());
    }
}
