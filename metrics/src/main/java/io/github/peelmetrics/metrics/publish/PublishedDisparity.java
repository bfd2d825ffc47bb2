package io.github.peelmetrics.metrics.publish;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The public view of a {@link DisparityTable}, made by {@link Suppression#publish(DisparityTable)}:
 * stops, searches, hits and arrests by group, city-wide and for every key (beat), with counts
 * from 1 to {@code minimumCount - 1} hidden together with the complementary values that protect
 * them, and every rate and ratio derived only from what is published ({@link PublishedDisparityRow}).
 *
 * <p><b>What is published together.</b> Four tables by group and key, each with its totals: the
 * city-wide counts by group are the tables' row totals, a key's total its column total. A reader
 * knows that searches, hits and arrests are counted within stops (hits within searches); the
 * {@link #audit()} bounds every hidden value by linear programming over all four tables with
 * those constraints, and passes only when no hidden count and no difference of neighbouring
 * measures (stops not searched, searches without a hit, stops without an arrest) from 1 to
 * {@code minimumCount - 1} can be narrowed below [0, minimumCount]. The benchmark populations are
 * public. A rate is shown only when its count is: a rate times the published population never
 * gives a hidden count back. Intervals, tests, disparity indices and cautions of the
 * {@code DisparityTable} are not part of the view (they are functions of hidden counts).
 *
 * <p>A measure not recorded for every stop (an export without the arrest flag, say) is left out
 * of the view entirely and listed in {@link #notRecorded()}: its counts and rates are empty,
 * printed {@code n/r}, never 0. Use of force is not yet part of the view. Publish the whole table
 * (city-wide with its keys) once: the view of a key's table published on its own, or a second
 * period published beside this one, is another publication that this audit does not cover. The
 * view keeps no hidden value, so the object, its
 * {@code toString} and its JSON can be handed to whoever publishes it. Immutable and thread-safe.
 *
 * @param key          the key of this view ({@link StopTally#ALL} for the city-wide view)
 * @param benchmark    what the benchmark counts, e.g. {@code residential population}
 * @param reference    the reference group of the ratios
 * @param ratePer      the multiplier of the stop rates
 * @param period       what the stop rates are per ({@link DisparityTable#period()})
 * @param minimumCount the minimum count that may be shown
 * @param stops        every stop (unknown group included), empty when hidden
 * @param population   the benchmark total, empty when the benchmark has none for this key
 * @param stopRate     {@code stops} per {@code ratePer} of {@code population}
 * @param rows         one row per group, in the table's order
 * @param notRecorded  the measures (searches, hits, arrests) left out because not every stop recorded them
 * @param byKey        the view of each key, sorted as the table's; empty in the view of a key
 * @param audit        the audit of everything published with this view (all keys and measures)
 */
public record PublishedDisparity(String key, String benchmark, Category reference, int ratePer, String period,
                                 long minimumCount, OptionalLong stops, OptionalLong population,
                                 OptionalDouble stopRate, List<PublishedDisparityRow> rows, List<String> notRecorded,
                                 Map<String, PublishedDisparity> byKey, Audit audit) {

    /** Checks that no component is null; copies the lists and map. */
    public PublishedDisparity {
        Objects.requireNonNull(key, "key of published disparity must not be null");
        String t = "published disparity " + key + ": ";
        Objects.requireNonNull(benchmark, t + "benchmark must not be null");
        Objects.requireNonNull(reference, t + "reference must not be null");
        Objects.requireNonNull(period, t + "period must not be null");
        Objects.requireNonNull(stops, t + "stops must not be null");
        Objects.requireNonNull(population, t + "population must not be null");
        Objects.requireNonNull(stopRate, t + "stopRate must not be null");
        Objects.requireNonNull(audit, t + "audit must not be null");
        rows = List.copyOf(Objects.requireNonNull(rows, t + "rows must not be null"));
        notRecorded = List.copyOf(Objects.requireNonNull(notRecorded, t + "notRecorded must not be null"));
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byKey,
                t + "byKey must not be null")));
        if (stopRate.isPresent() && (stops.isEmpty() || population.isEmpty())) {
            throw new IllegalArgumentException(t + "stopRate must be empty when stops or population is not published");
        }
    }

    /** The view of a table, from its joint suppression. */
    static PublishedDisparity of(DisparityTable table, DisparityPublication p) {
        List<String> keys = p.keys();
        int m = p.groupCount();
        int n = keys.size();
        Map<String, PublishedDisparity> byKey = new LinkedHashMap<>();
        if (!table.byKey().isEmpty()) {
            for (int j = 0; j < n; j++) {
                byKey.put(keys.get(j), view(table.forKey(keys.get(j)), p, j, m, Map.of()));
            }
        }
        return view(table, p, n, m, byKey);
    }

    /** The view of one area: column {@code j} of the published tables ({@code n}, the row totals, city-wide). */
    private static PublishedDisparity view(DisparityTable t, DisparityPublication p, int j, int m,
                                           Map<String, PublishedDisparity> byKey) {
        double years = t.years().orElse(1);
        List<PublishedDisparityRow> rows = new ArrayList<>();
        DisparityRow ref = null;
        for (DisparityRow r : t.rows()) {
            if (r.group().equals(t.reference())) {
                ref = r;
            }
        }
        int refIndex = ref == null ? -1 : t.rows().indexOf(ref);
        double[] refRates = refIndex < 0 ? null : rates(t.rows().get(refIndex), p, refIndex, j, years, t.ratePer());
        for (int i = 0; i < m; i++) {
            DisparityRow r = t.rows().get(i);
            OptionalLong stops = p.value(DisparityPublication.STOPS, i, j);
            OptionalLong searches = p.value(DisparityPublication.SEARCHES, i, j);
            OptionalLong hits = p.value(DisparityPublication.HITS, i, j);
            OptionalLong arrests = p.value(DisparityPublication.ARRESTS, i, j);
            double[] x = rates(r, p, i, j, years, t.ratePer());
            boolean compared = i != refIndex && refIndex >= 0 && !r.group().equals(Category.UNKNOWN);
            rows.add(new PublishedDisparityRow(r.group(), r.population(), stops, opt(x[0]),
                    ratio(compared, x[0], refRates), searches, opt(x[1]), ratio(compared, x[1], refRates == null
                    ? null : new double[] {refRates[1]}), hits, opt(x[2]),
                    ratio(compared, x[2], refRates == null ? null : new double[] {refRates[2]}), arrests, opt(x[3]),
                    ratio(compared, x[3], refRates == null ? null : new double[] {refRates[3]})));
        }
        OptionalLong stops = p.value(DisparityPublication.STOPS, m, j);
        OptionalDouble stopRate = stops.isPresent() && t.population().isPresent() && t.population().getAsLong() > 0
                ? OptionalDouble.of(stops.getAsLong() / (t.population().getAsLong() * years) * t.ratePer())
                : OptionalDouble.empty();
        return new PublishedDisparity(t.key(), t.benchmark(), t.reference(), t.ratePer(), t.period(),
                p.audit.minimumCount(), stops, t.population(), stopRate, rows, p.notRecorded, byKey, p.audit);
    }

    /** {stop rate, search rate, hit rate, arrest rate} from published values, NaN when not derivable. */
    private static double[] rates(DisparityRow r, DisparityPublication p, int i, int j, double years, int per) {
        OptionalLong stops = p.value(DisparityPublication.STOPS, i, j);
        OptionalLong searches = p.value(DisparityPublication.SEARCHES, i, j);
        OptionalLong hits = p.value(DisparityPublication.HITS, i, j);
        OptionalLong arrests = p.value(DisparityPublication.ARRESTS, i, j);
        double stopRate = stops.isPresent() && r.population().isPresent() && r.population().getAsLong() > 0
                ? stops.getAsLong() / (r.population().getAsLong() * years) * per : Double.NaN;
        return new double[] {stopRate, share(searches, stops), share(hits, searches), share(arrests, stops)};
    }

    private static double share(OptionalLong a, OptionalLong b) {
        return a.isPresent() && b.isPresent() && b.getAsLong() > 0 ? (double) a.getAsLong() / b.getAsLong() : Double.NaN;
    }

    private static OptionalDouble opt(double x) {
        return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }

    private static OptionalDouble ratio(boolean compared, double x, double[] ref) {
        if (!compared || ref == null || Double.isNaN(x) || Double.isNaN(ref[0]) || ref[0] == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(x / ref[0]);
    }

    /** The row of one group. @throws IllegalArgumentException if the view has no row for it, listing its groups */
    public PublishedDisparityRow row(Category group) {
        Objects.requireNonNull(group, "group must not be null");
        for (PublishedDisparityRow r : rows) {
            if (r.group().equals(group)) {
                return r;
            }
        }
        throw Checks.notHeld(key.equals(StopTally.ALL) ? "published disparity" : "published disparity of " + key,
                "group", group.code(), rows.stream().map(r -> r.group().code()).toList());
    }

    /** The view of one key. @throws IllegalArgumentException if there is none, listing the keys there are */
    public PublishedDisparity forKey(String k) {
        PublishedDisparity v = byKey.get(Objects.requireNonNull(k, "key must not be null"));
        if (v == null) {
            throw Checks.notHeld("published disparity", "key", k, byKey.keySet());
        }
        return v;
    }

    /**
     * An aligned table: per group its population, stops, stop rate and ratio, searches, search rate
     * and ratio, hits, hit rate and ratio, arrests, arrest rate and ratio; {@code *} for a hidden
     * value (and a rate or ratio that would reveal it), {@code n/r} for a measure not recorded,
     * {@code -} for no value; then the audit's statement.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append(String.format(Locale.ROOT, "Disparity%s vs %s, reference %s, published (* hidden; no count from 1 "
                        + "to %d is shown)%n", key.equals(StopTally.ALL) ? "" : " in " + key, benchmark,
                reference.code(), minimumCount - 1));
        sb.append(String.format(Locale.ROOT, "  %s stops, population %s, %s stops per %d %s%n", count(stops, false),
                population.isPresent() ? Long.toString(population.getAsLong()) : "-",
                rate(stopRate, stops.isEmpty(), false), ratePer, period));
        boolean s = notRecorded.contains(DisparityPublication.SEARCHES);
        boolean h = notRecorded.contains(DisparityPublication.HITS);
        boolean a = notRecorded.contains(DisparityPublication.ARRESTS);
        sb.append(String.format(Locale.ROOT, "  %-24s %10s %7s %9s %7s %8s %7s %7s %6s %7s %7s %7s %7s %7s%n",
                "group", "population", "stops", "per " + ratePer, "RR", "searches", "rate", "RR", "hits", "rate", "RR",
                "arrests", "rate", "RR"));
        for (PublishedDisparityRow r : rows) {
            boolean ref = r.group().equals(reference) || r.group().equals(Category.UNKNOWN);
            sb.append(String.format(Locale.ROOT, "  %-24s %10s %7s %9s %7s %8s %7s %7s %6s %7s %7s %7s %7s %7s%n",
                    r.group().code(), r.population().isPresent() ? Long.toString(r.population().getAsLong()) : "-",
                    count(r.stops(), false), rate(r.stopRate(), r.stops().isEmpty(), false),
                    ratio(r.stopRateRatio(), ref, r.stopRate().isEmpty() && r.stops().isEmpty(), false),
                    count(r.searches(), s), rate(r.searchRate(), hidden(r.searches(), r.stops()), s),
                    ratio(r.searchRateRatio(), ref, hidden(r.searches(), r.stops()), s),
                    count(r.hits(), h), rate(r.hitRate(), hidden(r.hits(), r.searches()), h),
                    ratio(r.hitRateRatio(), ref, hidden(r.hits(), r.searches()), h),
                    count(r.arrests(), a), rate(r.arrestRate(), hidden(r.arrests(), r.stops()), a),
                    ratio(r.arrestRateRatio(), ref, hidden(r.arrests(), r.stops()), a)));
        }
        if (!notRecorded.isEmpty()) {
            sb.append("  n/r: ").append(String.join(", ", notRecorded))
                    .append(" not recorded for every stop: left out, not zero").append(nl);
        }
        if (!byKey.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  by key: %d tables (%s)%n", byKey.size(), String.join(", ",
                    byKey.keySet().stream().limit(12).toList()) + (byKey.size() > 12 ? ", ..." : "")));
        }
        sb.append("  ").append(audit);
        return sb.toString();
    }

    private static boolean hidden(OptionalLong a, OptionalLong b) {
        return a.isEmpty() || b.isEmpty();
    }

    private static String count(OptionalLong c, boolean notRecorded) {
        return notRecorded ? "n/r" : c.isPresent() ? Long.toString(c.getAsLong()) : "*";
    }

    private static String rate(OptionalDouble x, boolean hidden, boolean notRecorded) {
        return notRecorded ? "n/r" : x.isPresent() ? Format.cell(x) : hidden ? "*" : "-";
    }

    private static String ratio(OptionalDouble x, boolean reference, boolean hidden, boolean notRecorded) {
        return notRecorded ? "n/r" : x.isPresent() ? Format.cell(x) : reference ? "-" : hidden ? "*" : "-";
    }
}
