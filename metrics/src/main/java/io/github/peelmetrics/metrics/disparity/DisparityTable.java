package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Stop rates, disparity indices, rate ratios against a reference group, the outcome test and
 * search chi-square tests, for one area (city-wide, or one key such as a beat), with the
 * tables of every key. Made by {@link Disparity#of}; see {@link Disparity} for the conventions and
 * {@link DisparityRow} for each figure's formula.
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints an aligned table.
 */
public final class DisparityTable {

    private final String key;
    private final String benchmark;
    private final Category reference;
    private final double level;
    private final int per;
    private final double alpha;
    private final StopCounts total;
    private final long stopsKnownGroup;
    private final OptionalLong population;
    private final OptionalDouble stopRate;
    private final List<DisparityRow> rows;
    private final RelativeRateIndex relativeRateIndex;
    private final Map<String, DisparityTable> byKey;

    DisparityTable(String key, String benchmark, Category reference, double level, int per, double alpha,
                   StopCounts total, long stopsKnownGroup, OptionalLong population, OptionalDouble stopRate,
                   List<DisparityRow> rows, RelativeRateIndex relativeRateIndex, Map<String, DisparityTable> byKey) {
        this.key = key;
        this.benchmark = benchmark;
        this.reference = reference;
        this.level = level;
        this.per = per;
        this.alpha = alpha;
        this.total = total;
        this.stopsKnownGroup = stopsKnownGroup;
        this.population = population;
        this.stopRate = stopRate;
        this.rows = List.copyOf(rows);
        this.relativeRateIndex = relativeRateIndex;
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /** The key of this table ({@link StopTally#ALL} for the city-wide table). */
    public String key() {
        return key;
    }

    /** The reference group. */
    public Category reference() {
        return reference;
    }

    /** The confidence level of the intervals. */
    public double level() {
        return level;
    }

    /** The multiplier of {@link #stopRate()} and {@link DisparityRow#stopRate()}. */
    public int ratePer() {
        return per;
    }

    /** The level at which the adjusted tests are judged. */
    public double alpha() {
        return alpha;
    }

    /** Counts of every stop, {@link Category#UNKNOWN} group included. */
    public StopCounts total() {
        return total;
    }

    /** Stops of a known group (every group but {@link Category#UNKNOWN}): the denominator of the stop shares. */
    public long stopsKnownGroup() {
        return stopsKnownGroup;
    }

    /** Stops of the {@link Category#UNKNOWN} group. */
    public long stopsUnknownGroup() {
        return total.stops() - stopsKnownGroup;
    }

    /** The benchmark total; empty when the benchmark has no count for this key. */
    public OptionalLong population() {
        return population;
    }

    /** Every stop (unknown group included) per {@link #ratePer()} of the benchmark total; empty without one. */
    public OptionalDouble stopRate() {
        return stopRate;
    }

    /** One row per group in {@link StopTally#GROUP_ORDER}; {@link Category#UNKNOWN} last when it has stops. */
    public List<DisparityRow> rows() {
        return rows;
    }

    /** The row of one group, if the table has it. */
    public Optional<DisparityRow> row(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        return rows.stream().filter(r -> r.group().equals(group)).findFirst();
    }

    /** The relative rate index matrix (stop, search, arrest) of this table. */
    public RelativeRateIndex relativeRateIndex() {
        return relativeRateIndex;
    }

    /** The table of each key (beat), sorted by key; empty when neither tally nor benchmark has keys. */
    public Map<String, DisparityTable> byKey() {
        return byKey;
    }

    /** The table of one key, if present. */
    public Optional<DisparityTable> forKey(String k) {
        return Optional.ofNullable(byKey.get(Objects.requireNonNull(k, "key must not be null")));
    }

    /**
     * An aligned table: one line per group with stops, rate per {@code per}, disparity index, stop
     * rate ratio with interval, search rate and its ratio, hit rate and its ratio, arrest rate,
     * search chi-square p-value adjusted by Holm, and a {@code *} for flagged rows (cautions below).
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(String.format(Locale.ROOT, "Disparity%s vs %s, reference %s, %s%% Katz intervals%n",
                key.equals(StopTally.ALL) ? "" : " in " + key, benchmark, reference.code(), Tables.percent(level)));
        sb.append(String.format(Locale.ROOT, "  %d stops (%d of unknown group), population %s, %s stops per %d%n",
                total.stops(), stopsUnknownGroup(), population.isPresent() ? Long.toString(population.getAsLong()) : "-",
                Tables.num(stopRate), per));
        sb.append(String.format(Locale.ROOT, "  %-24s %7s %9s %7s %-24s %7s %-24s %7s %-24s %7s %9s%n",
                "group", "stops", "per " + per, "DI", "stop RR [CI]", "search", "search RR [CI]", "hit",
                "hit RR [CI]", "arrest", "p (Holm)"));
        for (DisparityRow r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-24s %7d %9s %7s %-24s %7s %-24s %7s %-24s %7s %9s%s%n",
                    r.group().code(), r.counts().stops(), Tables.num(r.stopRate()), Tables.num(r.disparityIndex()),
                    Tables.ratioWithInterval(r.stopRateRatio()), Tables.num(r.counts().searchRate()),
                    Tables.ratioWithInterval(r.searchRateRatio()), Tables.num(r.counts().hitRate()),
                    Tables.ratioWithInterval(r.hitRateRatio()), Tables.num(r.counts().arrestRate()),
                    r.searchTest().map(t -> Tables.p(t.holm())).orElse("-"), r.flagged() ? " *" : ""));
        }
        for (DisparityRow r : rows) {
            if (r.flagged()) {
                sb.append("  * ").append(r.group().code()).append(": ").append(String.join("; ", r.cautions()))
                        .append(nl);
            }
        }
        if (!byKey.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  by key: %d tables (%s)", byKey.size(), String.join(", ",
                    byKey.keySet().stream().limit(12).toList()) + (byKey.size() > 12 ? ", ..." : "")));
        }
        return sb.toString().stripTrailing();
    }
}
