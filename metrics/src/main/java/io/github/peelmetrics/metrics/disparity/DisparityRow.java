package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.trend.RateComparison;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One group's line of a {@link DisparityTable}.
 *
 * <p>Definitions (conformance README §4; ratios agree with epitools 0.5-10.1 {@code riskratio.wald}):
 * <ul>
 * <li>{@code stopRate = stops / population × per} (per 1,000 by default);</li>
 * <li>{@code stopShare = stops / stops of every known group}, {@code populationShare = population /
 *     benchmark total}, {@code disparityIndex = stopShare / populationShare};</li>
 * <li><b>stops are events</b> (one resident can be stopped many times): the stop rate ratio is a
 *     Poisson rate ratio {@code (a1/T1)/(a0/T0)} with exposure {@code T} = the group's population
 *     (times the years of the period when annualized: the ratio is the same), Wald interval
 *     {@code exp(log RR ± z·√(1/a1 + 1/a0))} (epitools {@code rateratio.wald});
 *     {@link #stopRateComparison()} also gives the mid-p and exact conditional intervals and the
 *     exact test ({@link RateComparison});</li>
 * <li>ratios of per-stop outcomes against the reference group are Katz log risk ratios
 *     {@code RR = (a1/n1)/(a0/n0)}, {@code exp(log RR ± z·√(1/a1 - 1/n1 + 1/a0 - 1/n0))}: searches
 *     out of stops with a recorded search status, hits out of searches with a recorded finding
 *     (the outcome test), arrests out of stops with a recorded arrest flag, force out of stops
 *     (and out of arrests) with a recorded use of force. No continuity correction: a group with no
 *     events gets 0 with interval [0, NaN], as epitools. {@link #stopRiskRatio()} is the same Katz
 *     ratio for stops out of residents, kept for the per-person reading (it needs stops &lt;=
 *     residents, and is empty otherwise);</li>
 * <li>the search tests are Pearson chi-square tests of the 2x2 table group vs reference ×
 *     searched / not searched, without and with Yates' correction (R {@code chisq.test}).</li>
 * </ul>
 * The {@link Category#UNKNOWN} group has its counts and rates but no population, share, index,
 * ratio or test (all empty); the reference group has no ratio and no test. A value is empty
 * whenever its denominator is zero or absent.
 *
 * @param group           the group
 * @param counts          its stop counts
 * @param population      its benchmark count, when the benchmark has one
 * @param stopRate        stops per {@code per} of population
 * @param stopShare       share of the stops of known groups
 * @param populationShare share of the benchmark
 * @param disparityIndex  {@code stopShare / populationShare}
 * @param searchRate      {@code searched / searchKnown} of the counts ({@link StopCounts#searchRate()})
 * @param hitRate         {@code hits / hitKnown}, the outcome test's rate ({@link StopCounts#hitRate()})
 * @param arrestRate      {@code arrests / arrestKnown}, from the arrest flag ({@link StopCounts#arrestRate()})
 * @param stopRateRatio   Poisson stop rate ratio against the reference, Wald interval
 * @param stopRateComparison the Poisson comparison of the stop rates (mid-p, exact), when defined
 * @param stopRiskRatio   Katz risk ratio of being stopped (stops out of residents), when stops &lt;= residents
 * @param searchRateRatio search rate ratio against the reference; empty when either group has no stop with a known
 *                        search, or neither has a search (0/0)
 * @param hitRateRatio    hit rate ratio against the reference (the outcome test)
 * @param arrestRateRatio arrest rate ratio against the reference
 * @param forceRateRatio  use-of-force rate ratio against the reference (force per stop)
 * @param forcePerArrestRatio ratio of force per arrest against the reference
 * @param searchTest      Pearson chi-square of search rates against the reference, adjusted
 * @param searchTestYates the same with Yates' continuity correction
 * @param cautions        small counts and other reasons to read the line with care (empty when none)
 */
public record DisparityRow(
        Category group,
        StopCounts counts,
        OptionalLong population,
        OptionalDouble stopRate,
        OptionalDouble stopShare,
        OptionalDouble populationShare,
        OptionalDouble disparityIndex,
        OptionalDouble searchRate,
        OptionalDouble hitRate,
        OptionalDouble arrestRate,
        Optional<RatioEstimate> stopRateRatio,
        Optional<RateComparison> stopRateComparison,
        Optional<RatioEstimate> stopRiskRatio,
        Optional<RatioEstimate> searchRateRatio,
        Optional<RatioEstimate> hitRateRatio,
        Optional<RatioEstimate> arrestRateRatio,
        Optional<RatioEstimate> forceRateRatio,
        Optional<RatioEstimate> forcePerArrestRatio,
        Optional<ChiSquareComparison> searchTest,
        Optional<ChiSquareComparison> searchTestYates,
        List<String> cautions) {

    /** Checks that no component is null and the rates are those of the counts; copies the cautions. */
    public DisparityRow {
        String r = "disparity row";
        Objects.requireNonNull(group, r + " group must not be null");
        r = "disparity row of " + group.code() + ": ";
        Objects.requireNonNull(counts, r + "counts must not be null");
        Objects.requireNonNull(population, r + "population must not be null");
        Objects.requireNonNull(stopRate, r + "stopRate must not be null");
        Objects.requireNonNull(stopShare, r + "stopShare must not be null");
        Objects.requireNonNull(populationShare, r + "populationShare must not be null");
        Objects.requireNonNull(disparityIndex, r + "disparityIndex must not be null");
        rateOf(r, "searchRate", searchRate, counts.searchRate());
        rateOf(r, "hitRate", hitRate, counts.hitRate());
        rateOf(r, "arrestRate", arrestRate, counts.arrestRate());
        Objects.requireNonNull(stopRateRatio, r + "stopRateRatio must not be null");
        Objects.requireNonNull(stopRateComparison, r + "stopRateComparison must not be null");
        Objects.requireNonNull(stopRiskRatio, r + "stopRiskRatio must not be null");
        Objects.requireNonNull(forcePerArrestRatio, r + "forcePerArrestRatio must not be null");
        Objects.requireNonNull(searchRateRatio, r + "searchRateRatio must not be null");
        Objects.requireNonNull(hitRateRatio, r + "hitRateRatio must not be null");
        Objects.requireNonNull(arrestRateRatio, r + "arrestRateRatio must not be null");
        Objects.requireNonNull(forceRateRatio, r + "forceRateRatio must not be null");
        Objects.requireNonNull(searchTest, r + "searchTest must not be null");
        Objects.requireNonNull(searchTestYates, r + "searchTestYates must not be null");
        cautions = List.copyOf(Objects.requireNonNull(cautions, r + "cautions must not be null"));
    }

    private static void rateOf(String row, String name, OptionalDouble given, OptionalDouble ofCounts) {
        Objects.requireNonNull(given, row + name + " must not be null");
        if (!given.equals(ofCounts)) {
            throw new IllegalArgumentException(row + name + " must be that of the counts, " + ofCounts + ": " + given);
        }
    }

    /** Whether a caution applies (some count under the small-count threshold, or a small expected count). */
    public boolean flagged() {
        return !cautions.isEmpty();
    }
}
