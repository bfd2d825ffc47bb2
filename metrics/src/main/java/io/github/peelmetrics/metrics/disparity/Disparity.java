package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.stats.Adjustment;
import io.github.peelmetrics.core.stats.IndependenceTest;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.core.stats.TwoByTwo;
import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.trend.RateComparison;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How to compare groups: a benchmark and a reference group (both required, in the factory), a
 * confidence level, the rate multiplier, the small-count threshold and the level of the adjusted
 * tests (optional). {@link #of(StopTally)} applies it to a tally.
 *
 * <pre>{@code
 * DisparityTable table = Disparity.against(Benchmark.residents(beats), Races.WHITE).of(tally);
 * }</pre>
 *
 * <p>Conventions (those of the conformance suite, README-metrics §4, checked against pandas,
 * epitools 0.5-10.1 {@code riskratio.wald}, R 4.2.2 {@code chisq.test} and statsmodels 0.13.5
 * {@code multipletests}):
 * <ul>
 * <li><b>{@link Category#UNKNOWN} counts in totals and is excluded from shares, indices, ratios
 *     and tests.</b> The overall stop rate is every stop (unknown group included) over the whole
 *     benchmark; the unknown row has its counts and rates but no population, share, index, ratio
 *     or test.</li>
 * <li>Every other group, {@code other} included, is a real group.</li>
 * <li>A stop with no recorded search status is left out of the search denominator; a search
 *     with no recorded finding out of the hit denominator; a stop with no recorded outcome out of
 *     the arrest denominator. {@code NONE} is a real outcome.</li>
 * <li>The family of the Holm and Benjamini-Hochberg adjustments is every known group other than
 *     the reference whose search test is defined, within one table (city-wide, or one key).</li>
 * <li><b>Like with like.</b> When the tally and the benchmark both have keys (beats) and do not
 *     cover the same keys, the city-wide table covers only the keys both hold: the stops and the
 *     population of the other keys are left out, and {@link DisparityTable#cautions()} names each
 *     mismatch (printed under the table's title). A tally of one beat's stops is thus compared
 *     with that beat's residents, not the city's. A key the benchmark covers where the tally holds
 *     no stop may be a real zero (a beat with no stops): the caution says so, and the key's own
 *     table in {@link DisparityTable#byKey()} shows it. A tally without keys is taken to cover the
 *     whole benchmark (Peel cannot check it: filter the benchmark yourself, or tally by key).</li>
 * <li>A rate whose fact was never recorded (every stop's flag unknown) is absent and printed
 *     "not recorded", never 0.</li>
 * <li>Stops are events: the stop rate ratio is a Poisson rate ratio (Wald interval, with mid-p
 *     and exact intervals in {@link DisparityRow#stopRateComparison()}), defined when a group has
 *     more stops than residents. The Katz risk ratio of stops out of residents
 *     ({@link DisparityRow#stopRiskRatio()}, {@code b = population - stops}) stays for the
 *     per-person reading and is empty when stops exceed residents.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; each setter returns a new instance.
 */
public final class Disparity {

    private final Benchmark benchmark;
    private final Category reference;
    private final double level;
    private final int per;
    private final long smallCount;
    private final double alpha;
    private final boolean perYear;

    private Disparity(Benchmark benchmark, Category reference, double level, int per, long smallCount,
                      double alpha) {
        this(benchmark, reference, level, per, smallCount, alpha, false);
    }

    private Disparity(Benchmark benchmark, Category reference, double level, int per, long smallCount,
                      double alpha, boolean perYear) {
        this.perYear = perYear;
        this.benchmark = benchmark;
        this.reference = reference;
        this.level = level;
        this.per = per;
        this.smallCount = smallCount;
        this.alpha = alpha;
    }

    /**
     * Comparisons against a benchmark with a reference group for every ratio and test (e.g.
     * {@code Races.WHITE}), with level 0.95, rates per 1,000, small counts under 5 flagged and
     * tests judged at 0.05.
     *
     * @throws IllegalArgumentException if the reference is {@link Category#UNKNOWN}
     */
    public static Disparity against(Benchmark benchmark, Category reference) {
        Objects.requireNonNull(benchmark, "benchmark must not be null");
        Objects.requireNonNull(reference, "reference group must not be null");
        if (reference.isUnknown()) {
            throw new IllegalArgumentException("the reference group must be a known group, not " + reference.code());
        }
        return new Disparity(benchmark, reference, 0.95, 1000, 5, 0.05);
    }

    /** The confidence level of the intervals, in (0, 1); 0.95 by default. */
    public Disparity level(double level) {
        return new Disparity(benchmark, reference, Checks.level(level, "disparity"), per, smallCount, alpha, perYear);
    }

    /** Stop rates per this many of the benchmark population; 1,000 by default. */
    public Disparity ratePer(int multiplier) {
        if (multiplier <= 0) {
            throw new IllegalArgumentException("rate multiplier of disparity must be positive: " + multiplier);
        }
        return new Disparity(benchmark, reference, level, multiplier, smallCount, alpha, perYear);
    }

    /** Rows whose stops, searches or hits number fewer than this are flagged; 5 by default. */
    public Disparity smallCountBelow(long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("small-count threshold of disparity must not be negative: " + threshold);
        }
        return new Disparity(benchmark, reference, level, per, threshold, alpha, perYear);
    }

    /** The level at which adjusted tests are rejected, in (0, 1); 0.05 by default. */
    public Disparity alpha(double significance) {
        return new Disparity(benchmark, reference, level, per, smallCount,
                Checks.openUnit("alpha", "disparity", significance), perYear);
    }

    /**
     * Stop rates per year: stops per {@code ratePer} residents per year over the calendar months
     * the tally's stops span, from the month of the first stop date through the month of the last
     * (OPP's {@code n_months / 12}; OPP counts the months that have stops, Peel the months from
     * the first to the last, so a month without any stop still counts). Ratios do not change (both
     * groups share the period). By default rates are over the whole period, which every table names.
     */
    public Disparity perYear() {
        return new Disparity(benchmark, reference, level, per, smallCount, alpha, true);
    }

    /**
     * The disparity table of a tally: city-wide, and by key when the tally or the benchmark has keys
     * (the union of their keys; a key without a benchmark count has no population figures).
     *
     * @throws IllegalArgumentException if neither the tally nor the benchmark has the reference
     *                                  group, listing the groups they have
     */
    public DisparityTable of(StopTally tally) {
        Objects.requireNonNull(tally, "tally must not be null");
        Period period = new Period(tally.firstDate(), tally.lastDate(), perYear);
        Category ref = reference;
        List<Category> tallyGroups = tally.groups();
        List<Category> benchGroups = benchmark.groups();
        TreeSet<Category> groupSet = new TreeSet<>(StopTally.GROUP_ORDER);
        groupSet.addAll(benchGroups);
        groupSet.addAll(tallyGroups);
        if (!groupSet.contains(ref)) {
            throw Checks.notHeld("the tally and the benchmark", "reference group", ref.code(),
                    groupSet.stream().map(Category::code).toList());
        }
        List<Category> groups = new ArrayList<>(groupSet);
        boolean anyUnknown = tallyGroups.contains(Category.UNKNOWN) && tally.counts(Category.UNKNOWN).stops() > 0;
        if (!anyUnknown) {
            groups.remove(Category.UNKNOWN);
        }
        // Only the cells the tally holds are asked for: a group or key it has not seen is zero stops.
        Map<String, Map<Category, StopCounts>> cells = tally.cells();

        Map<String, DisparityTable> byKey = new LinkedHashMap<>();
        if (tally.keyed() || benchmark.keyed()) {
            List<String> benchKeys = benchmark.keys();
            TreeSet<String> keys = new TreeSet<>(tally.keys());
            keys.addAll(benchKeys);
            for (String k : keys) {
                boolean benchHasKey = benchmark.keyed() && benchKeys.contains(k);
                Map<Category, StopCounts> cell = tally.keyed() ? cells.getOrDefault(k, Map.of()) : Map.of();
                OptionalLong total = benchHasKey ? OptionalLong.of(benchmark.total(k)) : OptionalLong.empty();
                byKey.put(k, table(k, groups, g -> cell.getOrDefault(g, StopCounts.empty()),
                        g -> benchHasKey && benchGroups.contains(g) ? benchmark.count(g, k) : OptionalLong.empty(),
                        total, Map.of(), ref, List.of(), period));
            }
        }
        // Like with like: when tally and benchmark both have keys and do not cover the same ones, the
        // city-wide table covers the keys both hold, and says which it left out.
        if (tally.keyed() && benchmark.keyed() && !tally.keys().isEmpty() && !new TreeSet<>(tally.keys()).equals(new TreeSet<>(benchmark.keys()))) {
            List<String> both = tally.keys().stream().filter(benchmark.keys()::contains).toList();
            List<String> benchOnly = benchmark.keys().stream().filter(k -> !tally.keys().contains(k)).toList();
            List<String> tallyOnly = tally.keys().stream().filter(k -> !benchmark.keys().contains(k)).toList();
            List<String> cautions = new ArrayList<>();
            if (!benchOnly.isEmpty()) {
                cautions.add(String.format(Locale.ROOT, "the benchmark covers %d key%s where the tally holds no stop "
                                + "(%s): the city-wide population leaves them out (if they truly had no stops, "
                                + "their residents belong in it: read their tables in byKey)",
                        benchOnly.size(), benchOnly.size() == 1 ? "" : "s", listed(benchOnly)));
            }
            if (!tallyOnly.isEmpty()) {
                long n = tallyOnly.stream().mapToLong(k -> tally.total(k).stops()).sum();
                cautions.add(String.format(Locale.ROOT, "the tally holds %d stops under %d key%s the benchmark does "
                                + "not cover (%s): the city-wide figures leave them out", n, tallyOnly.size(),
                        tallyOnly.size() == 1 ? "" : "s", listed(tallyOnly)));
            }
            cautions.add(String.format(Locale.ROOT, "city-wide figures cover the %d key%s both hold%s", both.size(),
                    both.size() == 1 ? "" : "s", both.isEmpty() ? ": nothing to compare" : " (" + listed(both) + ")"));
            return table(StopTally.ALL, groups, g -> sum(both, k -> cells.getOrDefault(k, Map.of())
                            .getOrDefault(g, StopCounts.empty())),
                    g -> benchGroups.contains(g) ? OptionalLong.of(both.stream().mapToLong(k -> benchmark.count(g, k)
                            .orElse(0)).sum()) : OptionalLong.empty(),
                    OptionalLong.of(both.stream().mapToLong(benchmark::total).sum()), byKey, ref, cautions, period);
        }
        return table(StopTally.ALL, groups,
                g -> tallyGroups.contains(g) ? tally.counts(g) : StopCounts.empty(),
                g -> benchGroups.contains(g) ? OptionalLong.of(benchmark.count(g)) : OptionalLong.empty(),
                OptionalLong.of(benchmark.total()), byKey, ref, List.of(), period);
    }

    private static StopCounts sum(List<String> keys, Function<String, StopCounts> of) {
        StopCounts all = StopCounts.empty();
        for (String k : keys) {
            all = all.plus(of.apply(k));
        }
        return all;
    }

    private static String listed(List<String> keys) {
        return keys.size() <= 8 ? String.join(", ", keys)
                : String.join(", ", keys.subList(0, 8)) + String.format(Locale.ROOT, ", ... and %d more", keys.size() - 8);
    }

    private DisparityTable table(String key, List<Category> groups, Function<Category, StopCounts> countsOf,
                                 Function<Category, OptionalLong> populationOf, OptionalLong totalPopulation,
                                 Map<String, DisparityTable> byKey, Category ref, List<String> tableCautions,
                                 Period period) {
        StopCounts all = StopCounts.empty();
        long known = 0;
        Map<Category, StopCounts> counts = new LinkedHashMap<>();
        for (Category g : groups) {
            StopCounts c = countsOf.apply(g);
            counts.put(g, c);
            all = all.plus(c);
            if (!g.isUnknown()) {
                known += c.stops();
            }
        }
        StopCounts refCounts = counts.get(ref);
        OptionalLong refPop = populationOf.apply(ref);
        long total = totalPopulation.orElse(0);

        // Search tests of every known non-reference group, then the adjustments over that family.
        List<Category> tested = new ArrayList<>();
        List<TestResult> pearson = new ArrayList<>();
        List<TestResult> yates = new ArrayList<>();
        Map<Category, Boolean> smallExpected = new LinkedHashMap<>();
        for (Category g : groups) {
            if (g.isUnknown() || g.equals(ref)) {
                continue;
            }
            StopCounts c = counts.get(g);
            if (c.searchKnown() == 0 || refCounts.searchKnown() == 0) {
                continue;
            }
            TwoByTwo t = TwoByTwo.ofTotals(c.searched(), c.searchKnown(), refCounts.searched(), refCounts.searchKnown());
            TestResult p = t.test(IndependenceTest.PEARSON_CHI_SQUARE);
            if (Double.isNaN(p.pValue())) {
                continue; // no search in either group, or every stop searched: the test is not defined
            }
            tested.add(g);
            pearson.add(p);
            yates.add(t.test(IndependenceTest.PEARSON_CHI_SQUARE_YATES));
            smallExpected.put(g, t.hasSmallExpectedCount());
        }
        Map<Category, ChiSquareComparison> pearsonBy = adjusted(tested, pearson);
        Map<Category, ChiSquareComparison> yatesBy = adjusted(tested, yates);

        List<DisparityRow> rows = new ArrayList<>();
        Map<Category, Map<DecisionPoint, OptionalDouble>> rriRates = new LinkedHashMap<>();
        Map<Category, Map<DecisionPoint, Optional<RatioEstimate>>> rriIndex = new LinkedHashMap<>();
        for (Category g : groups) {
            StopCounts c = counts.get(g);
            boolean unknown = g.isUnknown();
            boolean isRef = g.equals(ref);
            OptionalLong pop = unknown ? OptionalLong.empty() : populationOf.apply(g);
            OptionalDouble rate = pop.isPresent() && pop.getAsLong() > 0
                    ? OptionalDouble.of((double) c.stops() / pop.getAsLong() * per / period.divisor()) : OptionalDouble.empty();
            OptionalDouble stopShare = !unknown && known > 0
                    ? OptionalDouble.of((double) c.stops() / known) : OptionalDouble.empty();
            OptionalDouble popShare = pop.isPresent() && total > 0
                    ? OptionalDouble.of((double) pop.getAsLong() / total) : OptionalDouble.empty();
            OptionalDouble index = stopShare.isPresent() && popShare.isPresent() && popShare.getAsDouble() > 0
                    ? OptionalDouble.of(stopShare.getAsDouble() / popShare.getAsDouble()) : OptionalDouble.empty();
            boolean compared = !unknown && !isRef;
            Optional<RatioEstimate> stopRisk = compared ? stopRatio(c.stops(), pop, refCounts.stops(), refPop)
                    : Optional.empty();
            Optional<RateComparison> stopPoisson = compared ? poisson(c.stops(), pop, refCounts.stops(), refPop)
                    : Optional.empty();
            Optional<RatioEstimate> stopRr = stopPoisson.map(RateComparison::rateRatio);
            Optional<RatioEstimate> searchRr = compared
                    ? ratio(c.searched(), c.searchKnown(), refCounts.searched(), refCounts.searchKnown())
                    : Optional.empty();
            Optional<RatioEstimate> hitRr = compared
                    ? ratio(c.hits(), c.hitKnown(), refCounts.hits(), refCounts.hitKnown()) : Optional.empty();
            Optional<RatioEstimate> arrestRr = compared
                    ? ratio(c.arrests(), c.arrestKnown(), refCounts.arrests(), refCounts.arrestKnown())
                    : Optional.empty();
            Optional<RatioEstimate> forceRr = compared
                    ? ratio(c.force(), c.forceKnown(), refCounts.force(), refCounts.forceKnown()) : Optional.empty();
            Optional<RatioEstimate> forceArrestRr = compared
                    ? ratio(c.arrestForce(), c.arrestForceKnown(), refCounts.arrestForce(), refCounts.arrestForceKnown())
                    : Optional.empty();
            Optional<RatioEstimate> searchedArrestRr = compared
                    ? ratio(c.searchedArrests(), c.searchedArrestKnown(), refCounts.searchedArrests(),
                            refCounts.searchedArrestKnown())
                    : Optional.empty();

            List<String> cautions = new ArrayList<>();
            if (!unknown) {
                small(cautions, "stops", c.stops());
                small(cautions, "searches", c.searched());
                if (c.searched() > 0) {
                    small(cautions, "hits", c.hits());
                }
                if (smallExpected.getOrDefault(g, false)) {
                    cautions.add("search chi-square has an expected count under 5");
                }
                if (pop.isPresent() && c.stops() > pop.getAsLong()) {
                    cautions.add(String.format(Locale.ROOT, "stops %d exceed the benchmark %d", c.stops(),
                            pop.getAsLong()));
                }
            }
            rows.add(new DisparityRow(g, c, pop, rate, stopShare, popShare, index, c.searchRate(), c.hitRate(),
                    c.arrestRate(), stopRr, stopPoisson, stopRisk, searchRr, hitRr, arrestRr, forceRr, forceArrestRr,
                    Optional.ofNullable(pearsonBy.get(g)),
                    Optional.ofNullable(yatesBy.get(g)), cautions));

            if (!unknown) {
                Map<DecisionPoint, OptionalDouble> r = new EnumMap<>(DecisionPoint.class);
                r.put(DecisionPoint.STOP, rate.isPresent()
                        ? OptionalDouble.of((double) c.stops() / pop.getAsLong() * DecisionPoint.STOP.per()
                                / period.divisor())
                        : OptionalDouble.empty());
                r.put(DecisionPoint.SEARCH, times(c.searchRate(), DecisionPoint.SEARCH.per()));
                r.put(DecisionPoint.ARREST, c.searchedArrestKnown() == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of((double) c.searchedArrests() / c.searchedArrestKnown()
                                * DecisionPoint.ARREST.per()));
                rriRates.put(g, r);
                Map<DecisionPoint, Optional<RatioEstimate>> i = new EnumMap<>(DecisionPoint.class);
                i.put(DecisionPoint.STOP, stopRr);
                i.put(DecisionPoint.SEARCH, searchRr);
                i.put(DecisionPoint.ARREST, searchedArrestRr);
                rriIndex.put(g, i);
            }
        }
        OptionalDouble overallRate = total > 0 ? OptionalDouble.of((double) all.stops() / total * per / period.divisor())
                : OptionalDouble.empty();
        return new DisparityTable(key, benchmark.description(), ref, level, per, alpha, all, known,
                all.stops() - known, totalPopulation, overallRate, rows, new RelativeRateIndex(ref, rriRates, rriIndex),
                byKey, tableCautions, period.first(), period.last(), period.years());
    }

    private static OptionalDouble times(OptionalDouble x, int k) {
        return x.isPresent() ? OptionalDouble.of(x.getAsDouble() * k) : OptionalDouble.empty();
    }

    private void small(List<String> cautions, String what, long n) {
        if (n < smallCount) {
            cautions.add(String.format(Locale.ROOT, "%s %d under %d", what, n, smallCount));
        }
    }

    private Map<Category, ChiSquareComparison> adjusted(List<Category> tested, List<TestResult> tests) {
        double[] p = tests.stream().mapToDouble(TestResult::pValue).toArray();
        double[] holm = Adjustment.HOLM.adjust(p);
        double[] bh = Adjustment.BENJAMINI_HOCHBERG.adjust(p);
        Map<Category, ChiSquareComparison> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            out.put(tested.get(i), new ChiSquareComparison(tests.get(i), holm[i], bh[i], alpha, holm[i] <= alpha,
                    bh[i] <= alpha));
        }
        return out;
    }

    private Optional<RatioEstimate> stopRatio(long stops, OptionalLong pop, long refStops, OptionalLong refPop) {
        if (pop.isEmpty() || refPop.isEmpty()) {
            return Optional.empty();
        }
        long n = pop.getAsLong();
        long n0 = refPop.getAsLong();
        if (n == 0 || n0 == 0 || stops > n || refStops > n0) {
            return Optional.empty();
        }
        return Optional.of(TwoByTwo.ofTotals(stops, n, refStops, n0).riskRatio(level));
    }

    /** The Poisson comparison of stops per resident; empty without both populations, or with no stop in either. */
    private Optional<RateComparison> poisson(long stops, OptionalLong pop, long refStops, OptionalLong refPop) {
        if (pop.isEmpty() || refPop.isEmpty() || pop.getAsLong() == 0 || refPop.getAsLong() == 0
                || stops + refStops == 0) {
            return Optional.empty();
        }
        return Optional.of(RateComparison.test(stops, pop.getAsLong(), refStops, refPop.getAsLong(), level));
    }

    /** The Katz ratio of two proportions; empty without a denominator, or with no event in either group (0/0). */
    private Optional<RatioEstimate> ratio(long a1, long n1, long a0, long n0) {
        if (n1 == 0 || n0 == 0 || a1 + a0 == 0) {
            return Optional.empty();
        }
        return Optional.of(TwoByTwo.ofTotals(a1, n1, a0, n0).riskRatio(level));
    }

    /** E.g. {@code Disparity[against residential population, reference white, 95%, per 1000]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Disparity[against %s, reference %s, %s%%, per %d, small counts under %d]",
                benchmark.description(), reference.code(),
                Format.percent(level), per, smallCount);
    }

    /** The period of a tally's stops and, when rates are per year, its length in years. */
    private record Period(Optional<LocalDate> first, Optional<LocalDate> last, OptionalDouble years) {
        Period(Optional<LocalDate> first, Optional<LocalDate> last, boolean perYear) {
            this(first, last, perYear && first.isPresent()
                    ? OptionalDouble.of((YearMonth.from(first.get()).until(YearMonth.from(last.get()),
                            ChronoUnit.MONTHS) + 1) / 12.0)
                    : OptionalDouble.empty());
        }

        double divisor() {
            return years.orElse(1);
        }
    }
}
