package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.List;
import java.util.Objects;

/**
 * Interrupted time series on counts: the Poisson segmented regression
 * {@code log E[y_t] = log(pop_t) + b0 + b1·t + b2·post_t + b3·t_since_t} with {@code t = 1..n},
 * {@code post = 1{t ≥ T0}} and {@code t_since = post·(t − T0 + 1)} (1 in the first post period).
 * {@code exp(b2)} is the level change at the intervention, {@code exp(b3)} the change in the
 * per-period rate ratio (Bernal, Cummins and Gasparrini 2017, "Interrupted time series regression
 * for the evaluation of public health interventions: a tutorial", Int J Epidemiol 46: 348-355).
 *
 * <p>R: {@code glm(y ~ t + post + t_since + offset(log(pop)), family = poisson | quasipoisson)} and
 * {@code sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)}; agrees to 1e-7 on the
 * conformance cases. Errors: fewer than 2 periods before or after the intervention, lengths that
 * differ, a negative count or a population not positive ({@link IllegalArgumentException}).
 * Immutable and thread-safe.
 *
 * @param interventionPeriod the first post period {@code T0} (1-based)
 * @param lag                the Newey-West lag {@code L}
 * @param regression         the fitted model, terms {@code Intercept, t, post, t_since}
 */
public record CountInterruptedTimeSeries(int interventionPeriod, int lag, CountRegression regression) {

    private static final List<String> TERMS = List.of("Intercept", "t", "post", "t_since");

    /** Validates. */
    public CountInterruptedTimeSeries {
        Objects.requireNonNull(regression, "regression of CountInterruptedTimeSeries must not be null");
    }

    /** Fits with 95% intervals. */
    public static CountInterruptedTimeSeries fit(long[] counts, double[] population, int interventionPeriod, int lag) {
        return fit(counts, population, interventionPeriod, lag, Interval.DEFAULT_LEVEL);
    }

    /**
     * Fits the model.
     *
     * @param counts             the count of each period, in time order
     * @param population         the population at risk of each period
     * @param interventionPeriod {@code T0}, the 1-based index of the first period after the intervention
     * @param lag                the Newey-West lag, at least 0
     * @param level              the confidence level of the intervals
     */
    public static CountInterruptedTimeSeries fit(long[] counts, double[] population, int interventionPeriod, int lag,
                                                 double level) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(population, "population");
        int n = counts.length;
        if (population.length != n) {
            throw new IllegalArgumentException(Format.f("CountInterruptedTimeSeries: %d counts but %d populations", n,
                    population.length));
        }
        if (interventionPeriod < 3 || interventionPeriod > n - 1) {
            throw new IllegalArgumentException(Format.f("CountInterruptedTimeSeries needs at least 2 periods before "
                    + "and 2 from the intervention: interventionPeriod %d of %d periods", interventionPeriod, n));
        }
        if (lag < 0 || lag >= n) {
            throw new IllegalArgumentException(Format.f("CountInterruptedTimeSeries: Newey-West lag must be in [0, %d): %d",
                    n, lag));
        }
        double[] x = new double[n * 4];
        double[] y = new double[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            int t = i + 1;
            if (counts[i] < 0) {
                throw new IllegalArgumentException(Format.f("count of period %d must not be negative: %d", t, counts[i]));
            }
            if (!(population[i] > 0) || Double.isInfinite(population[i])) {
                throw new IllegalArgumentException(Format.f("population of period %d must be positive and finite: %s",
                        t, population[i]));
            }
            boolean post = t >= interventionPeriod;
            x[4 * i] = 1;
            x[4 * i + 1] = t;
            x[4 * i + 2] = post ? 1 : 0;
            x[4 * i + 3] = post ? t - interventionPeriod + 1 : 0;
            y[i] = counts[i];
            offset[i] = Math.log(population[i]);
        }
        CountRegression r = CountModels.series("y ~ t + post + t_since + offset(log(pop))", TERMS, x, y, offset, lag,
                level);
        return new CountInterruptedTimeSeries(interventionPeriod, lag, r);
    }

    /** The level change {@code exp(b_post)} with Newey-West inference. */
    public RateRatioTerm levelChange() {
        return regression.term("post", Inference.NEWEY_WEST);
    }

    /** The change in the per-period rate ratio {@code exp(b_t_since)} with Newey-West inference. */
    public RateRatioTerm slopeChange() {
        return regression.term("t_since", Inference.NEWEY_WEST);
    }

    @Override
    public String toString() {
        return Format.f("Poisson interrupted time series, %d periods, intervention at %d, Newey-West lag %d%n"
                        + "level change %s %s: %s%nslope change %s %s%n%s", regression.observations(),
                interventionPeriod, lag, Format.num(levelChange().rateRatio()), levelChange().interval(),
                levelChange().percentChange(), Format.num(slopeChange().rateRatio()), slopeChange().interval(),
                regression);
    }
}
