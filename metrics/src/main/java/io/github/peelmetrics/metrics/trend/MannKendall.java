package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Mann-Kendall test for a monotone trend (Mann 1945; Kendall 1975), with the formulas of R
 * {@code trend::mk.test} (Pohlert, trend 1.1.x), and optionally {@link SensSlope Sen's slope}.
 *
 * <p>On the {@code n} non-missing values in time order (NaN marks a missing value; it is skipped
 * and counted in {@link #missing()}):
 * <ul>
 *   <li>{@code S = Σ_{i<j} sign(y_j - y_i)}, computed in O(n log n) by Knight's (1966) merge-sort
 *       method (a million points in well under a second);</li>
 *   <li>{@code Var(S) = [n(n-1)(2n+5) - Σ_g t_g(t_g-1)(2t_g+5)]/18}, {@code t_g} the sizes of the
 *       groups of exactly equal values;</li>
 *   <li>{@code z = sign(S)·(|S| - 1)/sqrt(Var S)} (continuity correction; 0 when S = 0);
 *       two-sided {@code p = 2·P(Z > |z|)}, normal approximation for every n (no exact table);</li>
 *   <li>{@code tau = S/D}, {@code D = sqrt(n(n-1)/2 - Σ t_g(t_g-1)/2)·sqrt(n(n-1)/2)}
 *       (Kendall's tau-b against untied time; NaN when every value is equal).</li>
 * </ul>
 * When every value is equal, {@code Var S = 0}, z = 0 and p = 1. The results agree with R
 * {@code cor.test(seq_along(y), y, method = "kendall", exact = FALSE)} and scipy
 * {@code kendalltau(method = "asymptotic")}. Immutable and thread-safe.
 *
 * <pre>{@code
 * jshell> MannKendall.test(41, 38, 38, 35, 36, 31, 31, 29)
 * MannKendall[S=-24, z=-2.89, p=0.0039, sen=-1.690/step [-2.333, -1]]
 * }</pre>
 *
 * @param n             non-missing values used
 * @param missing       missing values (NaN) skipped
 * @param s             the Mann-Kendall score S
 * @param varianceS     Var(S) corrected for ties
 * @param tieGroupSizes sizes of the groups of equal values (each at least 2), smallest first
 * @param tau           Kendall's tau-b, S/D
 * @param z             the continuity-corrected statistic
 * @param pValue        the two-sided p-value of {@code z}
 * @param sensSlope     Sen's slope with its interval, when asked for
 */
public record MannKendall(int n, int missing, long s, double varianceS, List<Integer> tieGroupSizes, double tau,
                          double z, double pValue, Optional<SensSlope> sensSlope) {

    /** Validates and copies the tie sizes. */
    public MannKendall {
        tieGroupSizes = List.copyOf(tieGroupSizes);
        Objects.requireNonNull(sensSlope, "sensSlope");
        if (n < 3) {
            throw new IllegalArgumentException("MannKendall: n must be at least 3: " + n);
        }
    }

    /**
     * The test with Sen's slope and its 95% interval.
     *
     * @param y the series in time order, NaN for a missing value
     * @throws IllegalArgumentException when fewer than 3 values are present, all are missing, or a
     *                                  value is infinite
     */
    public static MannKendall test(double... y) {
        return test(y, 0.95);
    }

    /**
     * The test with Sen's slope and its interval at {@code level}.
     *
     * @param y     the series in time order, NaN for a missing value
     * @param level the confidence level of Sen's interval, in (0, 1)
     * @throws IllegalArgumentException as {@link #test(double...)}, or when the level is outside (0, 1)
     */
    public static MannKendall test(double[] y, double level) {
        Series series = Series.of(y, 3, "MannKendall");
        Checks.level(level, "MannKendall");
        return compute(series, Optional.of(level));
    }

    /**
     * The test alone, without Sen's slope: the fast path for very long series.
     *
     * @param y the series in time order, NaN for a missing value
     * @throws IllegalArgumentException as {@link #test(double...)}
     */
    public static MannKendall testWithoutSlope(double... y) {
        return compute(Series.of(y, 3, "MannKendall"), Optional.empty());
    }

    private static MannKendall compute(Series series, Optional<Double> level) {
        int n = series.n();
        KendallScore.Result score = KendallScore.of(series.y);
        long[] ties = score.tieGroupSizes();
        double var = Series.varianceS(n, ties);
        long s = score.s();
        double z = s == 0 ? 0 : Math.signum((double) s) * (Math.abs(s) - 1) / Math.sqrt(var);
        double half = (double) n * (n - 1) / 2;
        double tiePairs = 0;
        List<Integer> sizes = new ArrayList<>(ties.length);
        for (long t : ties) {
            tiePairs += (double) t * (t - 1) / 2;
            sizes.add((int) t);
        }
        Collections.sort(sizes);
        double tau = s / (Math.sqrt(half - tiePairs) * Math.sqrt(half));
        double p = Distributions.normalTwoSided(z);
        Optional<SensSlope> sen = level.map(l -> SensSlope.compute(series, var, l));
        return new MannKendall(n, series.missing, s, var, Collections.unmodifiableList(sizes), tau, z, p, sen);
    }

    /** The test as a {@link TestResult}: {@link #z()} and its two-sided p-value, method {@code mann-kendall}. */
    public TestResult testResult() {
        return TestResult.of(z, pValue, "mann-kendall");
    }

    /** The p-value of {@link #z()} under {@code alternative} (one-sided: {@code P(Z > z)} or {@code P(Z < z)}). */
    public double pValue(Alternative alternative) {
        return Objects.requireNonNull(alternative, "alternative").pValue(z);
    }

    /** The statistic without the continuity correction, {@code S/sqrt(Var S)} (0 when S = 0). */
    public double zWithoutContinuity() {
        return s == 0 ? 0 : s / Math.sqrt(varianceS);
    }

    /** The two-sided p-value of {@link #zWithoutContinuity()}. */
    public double pValueWithoutContinuity() {
        return Distributions.normalTwoSided(zWithoutContinuity());
    }

    @Override
    public String toString() {
        return "MannKendall[" + (missing > 0 ? "n=" + n + " (" + missing + " missing), " : "")
                + "S=" + s + ", z=" + Format.stat(z) + ", p=" + Format.p(pValue)
                + sensSlope.map(x -> ", sen=" + x).orElse("") + "]";
    }
}
