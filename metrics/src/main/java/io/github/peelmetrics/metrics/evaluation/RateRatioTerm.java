package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.Objects;

/**
 * One coefficient of a log-link count model, with its rate ratio.
 *
 * @param term          the term, e.g. {@code treat_post}, {@code ev_m2}, {@code post}
 * @param estimate      the coefficient {@code b} (a log rate ratio)
 * @param rateRatio     {@code exp(b)}
 * @param standardError its standard error under the table's inference
 * @param statistic     {@code b / se} (z, or t for quasi-Poisson)
 * @param pValue        the two-sided p-value
 * @param interval      the rate ratio's interval {@code exp(b ∓ z_{(1+level)/2} se)}
 */
public record RateRatioTerm(String term, double estimate, double rateRatio, double standardError, double statistic, double pValue,
                            Interval interval) {

    /** Validates. */
    public RateRatioTerm {
        Objects.requireNonNull(term, "term of RateRatioTerm must not be null");
        Objects.requireNonNull(interval, "interval of RateRatioTerm must not be null");
        if (Double.compare(rateRatio, Math.exp(estimate)) != 0) {
            throw new IllegalArgumentException("RateRatioTerm " + term + ": rateRatio " + rateRatio
                    + " is not exp(estimate " + estimate + ")");
        }
    }

    /** A term; the rate ratio is {@code exp(estimate)}. */
    public static RateRatioTerm of(String term, double estimate, double standardError, double statistic,
                                   double pValue, Interval interval) {
        return new RateRatioTerm(term, estimate, Math.exp(estimate), standardError, statistic, pValue, interval);
    }

    /**
     * The change in percent, {@code 100·(rate ratio − 1)}, as prose: {@code "12.2 percent fewer
     * [7.0, 17.0]"} or {@code "3.1 percent more [-1.2, 7.6]"} (the interval in the same direction).
     */
    public String percentChange() {
        double rr = rateRatio();
        boolean fewer = rr < 1;
        double lo = fewer ? 100 * (1 - interval.upper()) : 100 * (interval.lower() - 1);
        double hi = fewer ? 100 * (1 - interval.lower()) : 100 * (interval.upper() - 1);
        return Format.f("%.1f percent %s [%.1f, %.1f]", 100 * Math.abs(rr - 1), fewer ? "fewer" : "more", lo, hi);
    }

    @Override
    public String toString() {
        return term + ": rate ratio " + Format.num(rateRatio()) + " " + interval + ", p=" + Format.p(pValue);
    }
}
