package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Interrupted time series by segmented regression (Wagner et al. 2002):
 * {@code y_t = b0 + b1·t + b2·post_t + b3·tSince_t + e_t} on periods {@code t = 1..n}, with
 * {@code post_t = 1} from the first post-intervention period {@code t0} on and
 * {@code tSince_t = post_t·(t - t0 + 1)} (1 in the first post period). {@code b2} is the level
 * change at the intervention, {@code b3} the change in slope per period.
 *
 * <p>Standard errors: {@link #classic()} (t on {@code n - 4} df, as R {@code lm} and statsmodels
 * {@code OLS.fit()}); {@link #neweyWest(int)} (Newey and West 1987, Bartlett weights
 * {@code 1 - l/(L+1)}, no small-sample factor and normal p-values, as statsmodels 0.13.5
 * {@code fit(cov_type='HAC', cov_kwds={'maxlags': L})}); {@link #neweyWestCorrected(int)} (the
 * same times {@code n/(n - 4)}, statsmodels {@code use_correction=True}). Immutable and
 * thread-safe.
 *
 * <p>This is OLS on levels (additive changes). For counts with a population at risk use
 * {@link io.github.peelmetrics.metrics.evaluation.CountInterruptedTimeSeries}: the Poisson form with
 * an offset, level and slope changes as rate ratios.
 *
 * @param series                   the outcome of periods {@code 1..n} (kept: the Newey-West covariances
 *                                 are computed from it on request)
 * @param firstPostPeriod          the first post-intervention period (1-based)
 * @param n                        the number of periods
 * @param residualDegreesOfFreedom {@code n - 4}
 * @param rSquared                 the coefficient of determination R²
 * @param sigma                    the residual standard error {@code sqrt(RSS/(n - 4))}
 * @param classic                  the coefficients with classic OLS standard errors and t p-values
 */
public record InterruptedTimeSeries(List<Double> series, int firstPostPeriod, int n, int residualDegreesOfFreedom,
                                    double rSquared, double sigma, CoefficientTable classic) {

    private static final String[] TERMS = {"Intercept", "t", "post", "t_since"};

    /** Validates and copies the series. */
    public InterruptedTimeSeries {
        series = List.copyOf(series);
        Objects.requireNonNull(classic, "classic of InterruptedTimeSeries must not be null");
        if (n != series.size() || residualDegreesOfFreedom != n - TERMS.length) {
            throw new IllegalArgumentException(Format.f(
                    "InterruptedTimeSeries: n %d and residualDegreesOfFreedom %d must be the series' %d periods and %d",
                    n, residualDegreesOfFreedom, series.size(), series.size() - TERMS.length));
        }
    }

    /**
     * Fits the segmented regression.
     *
     * @param y               the outcome for periods {@code 1..n}, all finite
     * @param firstPostPeriod the first period after the intervention, 1-based; at least 2
     *                        periods before it and 2 from it on
     * @throws IllegalArgumentException when a value is not finite, there are fewer than 5 periods,
     *                                  or either segment has fewer than 2 periods
     */
    public static InterruptedTimeSeries fit(double[] y, int firstPostPeriod) {
        Objects.requireNonNull(y, "y");
        int n = y.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(Format.f("InterruptedTimeSeries: y of period %d must be finite: %s", i + 1, y[i]));
            }
        }
        if (n < 5) {
            throw new IllegalArgumentException("InterruptedTimeSeries: series too short: " + n + " periods, at least 5 needed");
        }
        if (firstPostPeriod < 3 || firstPostPeriod > n - 1) {
            throw new IllegalArgumentException(Format.f(
                    "InterruptedTimeSeries: firstPostPeriod must leave at least 2 periods on each side, i.e. be in 3..%d: %d",
                    n - 1, firstPostPeriod));
        }
        Ols ols = ols(y, firstPostPeriod);
        List<Double> series = new ArrayList<>(n);
        for (double v : y) {
            series.add(v);
        }
        return new InterruptedTimeSeries(series, firstPostPeriod, n, ols.dfResid(), ols.rSquared(), ols.sigma(),
                CoefficientTable.of("classic", TERMS, ols.beta, ols.classic(), OptionalDouble.of(ols.dfResid())));
    }

    private static Ols ols(double[] y, int firstPostPeriod) {
        int n = y.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int t = i + 1;
            int post = t >= firstPostPeriod ? 1 : 0;
            x[i] = new double[] {1, t, post, post * (t - firstPostPeriod + 1)};
        }
        return new Ols(x, y.clone());
    }

    private Ols ols() {
        return ols(series.stream().mapToDouble(Double::doubleValue).toArray(), firstPostPeriod);
    }

    /**
     * Coefficients with Newey-West standard errors, {@code maxLags} lags, normal p-values.
     *
     * @throws IllegalArgumentException unless {@code 0 <= maxLags < n}
     */
    public CoefficientTable neweyWest(int maxLags) {
        checkLags(maxLags);
        Ols ols = ols();
        return CoefficientTable.of("newey-west(" + maxLags + ")", TERMS, ols.beta, ols.hac(maxLags), OptionalDouble.empty());
    }

    /** As {@link #neweyWest(int)} with the small-sample factor {@code n/(n - 4)}. */
    public CoefficientTable neweyWestCorrected(int maxLags) {
        checkLags(maxLags);
        Ols ols = ols();
        double[][] v = ols.hac(maxLags);
        double f = (double) ols.n / ols.dfResid();
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return CoefficientTable.of("newey-west(" + maxLags + ")·n/(n-k)", TERMS, ols.beta, v, OptionalDouble.empty());
    }

    private void checkLags(int maxLags) {
        if (maxLags < 0 || maxLags >= n) {
            throw new IllegalArgumentException(Format.f("InterruptedTimeSeries: maxLags must be in 0..%d: %d", n - 1, maxLags));
        }
    }

    /** The level change at the intervention ({@code post}), classic standard error. */
    public Coefficient levelChange() {
        return classic.coefficient("post");
    }

    /** The change in slope per period ({@code t_since}), classic standard error. */
    public Coefficient slopeChange() {
        return classic.coefficient("t_since");
    }

    @Override
    public String toString() {
        Coefficient l = levelChange();
        Coefficient s = slopeChange();
        return "InterruptedTimeSeries[n=" + n + ", intervention at period " + firstPostPeriod + ": level change="
                + Format.num(l.estimate()) + " (se " + Format.num(l.standardError()) + ", p=" + Format.p(l.pValue())
                + "), slope change=" + Format.num(s.estimate()) + "/period (se " + Format.num(s.standardError())
                + ", p=" + Format.p(s.pValue()) + "), classic SEs]";
    }
}
