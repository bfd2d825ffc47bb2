package io.github.peelmetrics.metrics.beats;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The workforce representation ratio: a group's share of sworn officers over its share of the
 * residents, {@code (officers_g / officers of known group) / (residents_g / residents)} (as in
 * the Bureau of Justice Statistics' Law Enforcement Management and Administrative Statistics
 * reports and Reaves, <i>Local Police Departments, 2013: Personnel, Policies, and Practices</i>).
 * Officers whose group is {@link Category#UNKNOWN} count in the total and are excluded from the
 * shares and ratios, as in the stop disparity tables.
 *
 * <p>Immutable and thread-safe.
 *
 * @param officers every officer counted, {@link Category#UNKNOWN} group included
 * @param rows     one row per group, by code, {@link Category#UNKNOWN} last
 */
public record WorkforceRepresentation(long officers, List<RepresentationRow> rows) {

    /** Checks the count; copies the rows. */
    public WorkforceRepresentation {
        if (officers < 0) {
            throw new IllegalArgumentException("officers of workforce representation must not be negative: " + officers);
        }
        rows = List.copyOf(rows);
    }

    /** By officers' race against a benchmark (its total over every key, e.g. every beat's residents). */
    public static WorkforceRepresentation of(Collection<Officer> officers, Benchmark residents) {
        return of(officers, o -> o.demographics().race(), residents);
    }

    /** By any officer group (e.g. sex) against a benchmark of the same groups. */
    public static WorkforceRepresentation of(Collection<Officer> officers, Function<Officer, Category> group,
                                             Benchmark residents) {
        Objects.requireNonNull(officers, "officers must not be null");
        Objects.requireNonNull(group, "group function must not be null");
        Objects.requireNonNull(residents, "residents must not be null");
        Map<Category, Long> counts = new TreeMap<>(StopTally.GROUP_ORDER);
        long known = 0;
        for (Officer o : officers) {
            Objects.requireNonNull(o, "officer must not be null");
            Category g = Objects.requireNonNull(group.apply(o), () -> "group of officer " + o.id() + " is null");
            counts.merge(g, 1L, Long::sum);
            if (!g.isUnknown()) {
                known++;
            }
        }
        TreeSet<Category> groups = new TreeSet<>(StopTally.GROUP_ORDER);
        groups.addAll(counts.keySet());
        groups.addAll(residents.groups());
        long total = residents.total();
        List<RepresentationRow> rows = new ArrayList<>();
        for (Category g : groups) {
            long n = counts.getOrDefault(g, 0L);
            OptionalLong res = g.isUnknown() || !residents.groups().contains(g) ? OptionalLong.empty()
                    : OptionalLong.of(residents.count(g));
            OptionalDouble os = g.isUnknown() || known == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) n / known);
            OptionalDouble rs = res.isPresent() && total > 0 ? OptionalDouble.of((double) res.getAsLong() / total)
                    : OptionalDouble.empty();
            OptionalDouble ratio = os.isPresent() && rs.isPresent() && rs.getAsDouble() > 0
                    ? OptionalDouble.of(os.getAsDouble() / rs.getAsDouble()) : OptionalDouble.empty();
            rows.add(new RepresentationRow(g, n, res, os, rs, ratio));
        }
        return new WorkforceRepresentation(officers.size(), rows);
    }

    /**
     * One group's row.
     *
     * @throws IllegalArgumentException if neither the officers nor the benchmark has the group,
     *                                  listing the groups there are
     */
    public RepresentationRow row(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        for (RepresentationRow r : rows) {
            if (r.group().equals(group)) {
                return r;
            }
        }
        throw Checks.notHeld("workforce representation", "group", group.code(),
                rows.stream().map(r -> r.group().code()).toList());
    }

    /** An aligned table: officers, officer share, resident share, ratio. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Workforce representation: %d officers%n",
                officers));
        sb.append(String.format(Locale.ROOT, "  %-24s %8s %13s %14s %7s%n", "group", "officers", "officer share",
                "resident share", "ratio"));
        for (RepresentationRow r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-24s %8d %13s %14s %7s%n", r.group().code(), r.officers(),
                    fmt(r.officerShare()), fmt(r.residentShare()), fmt(r.ratio())));
        }
        return sb.toString().stripTrailing();
    }

    private static String fmt(OptionalDouble x) {
        return x.isPresent() ? String.format(Locale.ROOT, "%.3f", x.getAsDouble()) : "-";
    }
}
