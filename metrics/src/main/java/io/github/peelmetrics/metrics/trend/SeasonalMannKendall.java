package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The seasonal Mann-Kendall test of Hirsch, Slack and Smith (1982) for a monotone trend in a
 * series with seasons (months, quarters, weekdays), as R {@code trend::smk.test}, with the
 * seasonal Kendall slope of {@code trend::sea.sens.slope}.
 *
 * <p>Value {@code i} (0-based) of the series belongs to season {@code i mod period} and cycle
 * {@code i div period}; missing values (NaN) are skipped and counted. For each season {@code g}
 * the Mann-Kendall score {@code S_g} and its ties-corrected variance {@code Var S_g} are computed
 * over that season's values in cycle order (see {@link MannKendall}); then
 * {@code S = Σ S_g}, {@code Var S = Σ Var S_g} (seasons taken as independent),
 * {@code z = sign(S)·(|S| - 1)/sqrt(Var S)}, two-sided normal p. The slope is the median of all
 * within-season slopes {@code (y_j - y_i)/(cycle_j - cycle_i)}, i.e. per cycle (per year for
 * monthly data). Immutable and thread-safe.
 *
 * @param period    the number of seasons per cycle
 * @param n         non-missing values used
 * @param missing   missing values skipped
 * @param s         the summed score S
 * @param varianceS the summed variance of S
 * @param z         the continuity-corrected statistic
 * @param pValue    its two-sided p-value
 * @param slope     the seasonal Kendall slope per cycle; empty when there are more than
 *                  {@value #SLOPE_LIMIT} within-season slopes (it is then not computed)
 */
public record SeasonalMannKendall(int period, int n, int missing, long s, double varianceS, double z, double pValue,
                                  OptionalDouble slope) {

    /** The most within-season slopes materialised for the seasonal slope. */
    public static final long SLOPE_LIMIT = 20_000_000L;

    /** Validates. */
    public SeasonalMannKendall {
        Objects.requireNonNull(slope, "slope");
        if (period < 1) {
            throw new IllegalArgumentException("SeasonalMannKendall: period must be positive: " + period);
        }
    }

    /**
     * The test on a series with {@code period} seasons per cycle.
     *
     * @param y      the series in time order, NaN for a missing value; the first value is season 0
     * @param period seasons per cycle (12 for monthly data), at least 1
     * @throws IllegalArgumentException when the period is not positive, a value is infinite,
     *                                  all values are missing, or no season has 2 values
     */
    public static SeasonalMannKendall test(double[] y, int period) {
        Objects.requireNonNull(y, "y");
        if (period < 1) {
            throw new IllegalArgumentException("SeasonalMannKendall: period must be positive: " + period);
        }
        long s = 0;
        double var = 0;
        int used = 0;
        int missing = 0;
        long slopeCount = 0;
        double[][] seasonY = new double[period][];
        double[][] seasonCycle = new double[period][];
        for (int g = 0; g < period; g++) {
            int len = g < y.length ? (y.length - 1 - g) / period + 1 : 0;
            double[] vy = new double[len];
            double[] vc = new double[len];
            int k = 0;
            for (int c = 0; c < len; c++) {
                int i = g + c * period;
                double v = y[i];
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException(Format.f(
                            "SeasonalMannKendall: value at index %d must be finite or NaN (missing): %s", i, v));
                }
                vy[k] = v;
                vc[k++] = c;
            }
            seasonY[g] = Arrays.copyOf(vy, k);
            seasonCycle[g] = Arrays.copyOf(vc, k);
            used += k;
            if (k >= 2) {
                KendallScore.Result r = KendallScore.of(seasonY[g]);
                s += r.s();
                var += Series.varianceS(k, r.tieGroupSizes());
                slopeCount += (long) k * (k - 1) / 2;
            }
        }
        if (used == 0 && y.length > 0) {
            throw new IllegalArgumentException(Format.f("SeasonalMannKendall: all %d values are missing (NaN)", y.length));
        }
        if (slopeCount == 0) {
            throw new IllegalArgumentException(Format.f(
                    "SeasonalMannKendall: series too short: no season of the %d has 2 non-missing values", period));
        }
        double z = s == 0 ? 0 : Math.signum((double) s) * (Math.abs(s) - 1) / Math.sqrt(var);
        OptionalDouble slope = slopeCount > SLOPE_LIMIT ? OptionalDouble.empty()
                : OptionalDouble.of(seasonalSlope(seasonY, seasonCycle, (int) slopeCount));
        return new SeasonalMannKendall(period, used, missing, s, var, z, Distributions.normalTwoSided(z), slope);
    }

    private static double seasonalSlope(double[][] ys, double[][] cs, int count) {
        double[] d = new double[count];
        int k = 0;
        for (int g = 0; g < ys.length; g++) {
            double[] y = ys[g];
            double[] c = cs[g];
            for (int i = 0; i < y.length; i++) {
                for (int j = i + 1; j < y.length; j++) {
                    d[k++] = (y[j] - y[i]) / (c[j] - c[i]);
                }
            }
        }
        return Series.median(d);
    }

    /** The test as a {@link TestResult}: {@link #z()} and its two-sided p-value, method {@code seasonal-mann-kendall}. */
    public TestResult testResult() {
        return TestResult.of(z, pValue, "seasonal-mann-kendall");
    }

    /** The p-value of {@link #z()} under {@code alternative}. */
    public double pValue(Alternative alternative) {
        return Objects.requireNonNull(alternative, "alternative").pValue(z);
    }

    @Override
    public String toString() {
        return "SeasonalMannKendall[period=" + period + (missing > 0 ? ", n=" + n + " (" + missing + " missing)" : "")
                + ", S=" + s + ", z=" + Format.stat(z) + ", p=" + Format.p(pValue)
                + (slope.isPresent() ? ", slope=" + Format.num(slope.getAsDouble()) + "/cycle" : "") + "]";
    }
}
