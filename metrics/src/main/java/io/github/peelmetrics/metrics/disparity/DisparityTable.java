package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.time.LocalDate;
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
 *
 * @param key                the key of this table ({@link StopTally#ALL} for the city-wide table)
 * @param benchmark          what the benchmark counts, e.g. {@code residential population}
 * @param reference          the reference group
 * @param level              the confidence level of the intervals
 * @param ratePer            the multiplier of {@code stopRate} and {@link DisparityRow#stopRate()}
 * @param alpha              the level at which the adjusted tests are judged
 * @param total              counts of every stop, {@link Category#UNKNOWN} group included
 * @param stopsKnownGroup    stops of a known group (every group but {@link Category#UNKNOWN}): the
 *                           denominator of the stop shares
 * @param stopsUnknownGroup  stops of the {@link Category#UNKNOWN} group
 * @param population         the benchmark total; empty when the benchmark has no count for this key
 * @param stopRate           every stop (unknown group included) per {@code ratePer} of the benchmark
 *                           total; empty without one
 * @param rows               one row per group in {@link StopTally#GROUP_ORDER}; {@link Category#UNKNOWN}
 *                           last when it has stops
 * @param relativeRateIndex  the relative rate index matrix (stop, search, arrest) of this table
 * @param byKey              the table of each key (beat), sorted by key; empty when neither tally nor
 *                           benchmark has keys, and in the tables of a key
 * @param cautions           what the table's figures leave out or cannot compare, one line each:
 *                           the keys the benchmark covers and the tally does not, or the reverse
 *                           (see {@link Disparity}); empty when tally and benchmark cover the same keys
 * @param firstDate          the date of the tally's first stop (empty for an empty tally)
 * @param lastDate           the date of the tally's last stop
 * @param years              when rates are per year ({@link Disparity#perYear()}), the years they are
 *                           averaged over (calendar months spanned / 12); empty when rates are over
 *                           the whole period
 */
public record DisparityTable(String key, String benchmark, Category reference, double level, int ratePer,
                             double alpha, StopCounts total, long stopsKnownGroup, long stopsUnknownGroup,
                             OptionalLong population, OptionalDouble stopRate, List<DisparityRow> rows,
                             RelativeRateIndex relativeRateIndex, Map<String, DisparityTable> byKey,
                             List<String> cautions, Optional<LocalDate> firstDate, Optional<LocalDate> lastDate,
                             OptionalDouble years) {

    /** Checks that no component is null and the stops add up; copies the rows and tables. */
    public DisparityTable {
        Objects.requireNonNull(key, "key of disparity table must not be null");
        String t = "disparity table " + key + ": ";
        Objects.requireNonNull(benchmark, t + "benchmark must not be null");
        Objects.requireNonNull(reference, t + "reference must not be null");
        Objects.requireNonNull(total, t + "total must not be null");
        Objects.requireNonNull(population, t + "population must not be null");
        Objects.requireNonNull(stopRate, t + "stopRate must not be null");
        Objects.requireNonNull(relativeRateIndex, t + "relativeRateIndex must not be null");
        Objects.requireNonNull(firstDate, t + "firstDate must not be null");
        Objects.requireNonNull(lastDate, t + "lastDate must not be null");
        Objects.requireNonNull(years, t + "years must not be null");
        cautions = List.copyOf(Objects.requireNonNull(cautions, t + "cautions must not be null"));
        rows = List.copyOf(Objects.requireNonNull(rows, t + "rows must not be null"));
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byKey,
                t + "byKey must not be null")));
        if (stopsKnownGroup < 0 || stopsUnknownGroup < 0 || stopsKnownGroup + stopsUnknownGroup != total.stops()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%sstopsKnownGroup %d + stopsUnknownGroup %d must be the %d stops", t, stopsKnownGroup,
                    stopsUnknownGroup, total.stops()));
        }
    }

    /**
     * The row of one group.
     *
     * @throws IllegalArgumentException if the table has no row for the group, listing its groups
     */
    public DisparityRow row(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        for (DisparityRow r : rows) {
            if (r.group().equals(group)) {
                return r;
            }
        }
        throw Checks.notHeld(key.equals(StopTally.ALL) ? "disparity table" : "disparity table of " + key, "group",
                group.code(), rows.stream().map(r -> r.group().code()).toList());
    }

    /**
     * The table of one key (beat).
     *
     * @throws IllegalArgumentException if there is no table for the key, listing the keys there are
     */
    public DisparityTable forKey(String k) {
        DisparityTable t = byKey.get(Objects.requireNonNull(k, "key must not be null"));
        if (t == null) {
            throw Checks.notHeld("disparity table", "key", k, byKey.keySet());
        }
        return t;
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
        sb.append(String.format(Locale.ROOT, "Disparity%s vs %s, reference %s, %s%% intervals "
                        + "(stop RR: Poisson Wald; others: Katz)%n",
                key.equals(StopTally.ALL) ? "" : " in " + key, benchmark, reference.code(), Format.percent(level)));
        sb.append(String.format(Locale.ROOT, "  %d stops (%d of unknown group), population %s, %s stops per %d %s%n",
                total.stops(), stopsUnknownGroup, population.isPresent() ? Long.toString(population.getAsLong()) : "-",
                Format.cell(stopRate), ratePer, period()));
        for (String c : cautions) {
            sb.append("  CAUTION: ").append(c).append(nl);
        }
        sb.append(String.format(Locale.ROOT, "  %-24s %7s %9s %7s %-24s %7s %-24s %7s %-24s %7s %9s%n",
                "group", "stops", "per " + ratePer, "DI", "stop RR [CI]", "search", "search RR [CI]", "hit",
                "hit RR [CI]", "arrest", "p (Holm)"));
        for (DisparityRow r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-24s %7d %9s %7s %-24s %7s %-24s %7s %-24s %7s %9s%s%n",
                    r.group().code(), r.counts().stops(), Format.cell(r.stopRate()), Format.cell(r.disparityIndex()),
                    Tables.ratioWithInterval(r.stopRateRatio()), recorded(r.searchRate(), r.counts().stops()),
                    Tables.ratioWithInterval(r.searchRateRatio()), recorded(r.hitRate(), r.counts().searched()),
                    Tables.ratioWithInterval(r.hitRateRatio()), recorded(r.arrestRate(), r.counts().stops()),
                    r.searchTest().map(t -> Format.p(t.holm())).orElse("-"), r.flagged() ? " *" : ""));
        }
        for (DisparityRow r : rows) {
            if (r.flagged()) {
                sb.append("  * ").append(r.group().code()).append(": ").append(String.join("; ", r.cautions()))
                        .append(nl);
            }
        }
        if (rows.stream().anyMatch(r -> r.counts().stops() > 0 && (r.searchRate().isEmpty()
                || r.arrestRate().isEmpty() || r.counts().searched() > 0 && r.hitRate().isEmpty()))) {
            sb.append("  n/r: not recorded (no stop of the group recorded the fact; not zero)").append(nl);
        }
        if (!byKey.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  by key: %d tables (%s)", byKey.size(), String.join(", ",
                    byKey.keySet().stream().limit(12).toList()) + (byKey.size() > 12 ? ", ..." : "")));
        }
        return sb.toString().stripTrailing();
    }

    /** What the stop rates are per: "per year, 2015-01-01..2016-12-31 (2 years)" or "over 2015-01-01..2016-12-31". */
    public String period() {
        if (firstDate.isEmpty()) {
            return "(no stops, no period)";
        }
        String span = firstDate.get() + ".." + lastDate.get();
        return years.isPresent() ? String.format(Locale.ROOT, "per year, %s (%s years)", span,
                Format.cell(years.getAsDouble())) : "over " + span;
    }

    /** A rate, or "n/r" (not recorded) when its fact was never recorded among {@code population > 0} stops. */
    private static String recorded(OptionalDouble rate, long population) {
        return rate.isEmpty() && population > 0 ? "n/r" : Format.cell(rate);
    }
}
