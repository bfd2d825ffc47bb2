package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.stats.TestResult;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Two event rates over exposure (stops per resident, complaints per officer-year, force per
 * arrest, homicides per city-year) and their comparison:
 * {@code RR = (a1 / pt1) / (a0 / pt0)}, group over reference.
 *
 * <p>Conventions of R epitools 0.5-10.1 ({@code rateratio.wald}, {@code rateratio.midp},
 * {@code rate2by2.test}), R {@code poisson.test} and statsmodels 0.13.5
 * {@code test_poisson_2indep}; each method names its reference. Conditional methods use
 * {@code a1 | a1 + a0 = m ~ Binomial(m, s)} with {@code s = RR·pt1 / (RR·pt1 + pt0)}, so
 * {@code RR = s / (1 - s) · pt0 / pt1}. <b>No zero-cell correction</b>: a1 = 0 gives a ratio of
 * 0, a0 = 0 gives infinity, and the bounds follow IEEE arithmetic as epitools' do.
 *
 * <p>Immutable and thread-safe.
 */
public final class RateComparison {

    private final long a1;
    private final double pt1;
    private final long a0;
    private final double pt0;

    private RateComparison(long a1, double pt1, long a0, double pt0) {
        this.a1 = a1;
        this.pt1 = pt1;
        this.a0 = a0;
        this.pt0 = pt0;
    }

    /**
     * The comparison of {@code groupEvents} over {@code groupExposure} with {@code referenceEvents}
     * over {@code referenceExposure}.
     *
     * @throws IllegalArgumentException if an event count is negative, both are zero, or an exposure
     *                                  is not positive and finite
     */
    public static RateComparison of(long groupEvents, double groupExposure, long referenceEvents,
                                    double referenceExposure) {
        if (groupEvents < 0) {
            throw new IllegalArgumentException("group events of rate comparison must not be negative: " + groupEvents);
        }
        if (referenceEvents < 0) {
            throw new IllegalArgumentException("reference events of rate comparison must not be negative: "
                    + referenceEvents);
        }
        if (groupEvents + referenceEvents == 0) {
            throw new IllegalArgumentException("rate comparison needs at least one event (both counts are 0)");
        }
        exposure("group exposure", groupExposure);
        exposure("reference exposure", referenceExposure);
        return new RateComparison(groupEvents, groupExposure, referenceEvents, referenceExposure);
    }

    private static void exposure(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " of rate comparison must be positive and finite: " + v);
        }
    }

    /** {@code a1 / pt1}. */
    public double groupRate() {
        return a1 / pt1;
    }

    /** {@code a0 / pt0}. */
    public double referenceRate() {
        return a0 / pt0;
    }

    /** {@code (a1 / pt1) / (a0 / pt0)}. */
    public double ratio() {
        return groupRate() / referenceRate();
    }

    private static double z(double level) {
        checkLevel(level);
        return Distributions.normalQuantile((1 + level) / 2);
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level of rate comparison must be in (0, 1): " + level);
        }
    }

    /** The log-Wald interval {@code exp(log RR ± z·√(1/a1 + 1/a0))} (epitools {@code rateratio.wald}). */
    public RatioEstimate wald(double level) {
        double rr = ratio();
        double se = Math.sqrt(1.0 / a1 + 1.0 / a0);
        double z = z(level);
        return new RatioEstimate(rr, Interval.of(Math.exp(Math.log(rr) - z * se), Math.exp(Math.log(rr) + z * se),
                level, "wald-log"));
    }

    private double toRatio(double s) {
        return s / (1 - s) * pt0 / pt1;
    }

    private BinomialDistribution binomial(double s) {
        return new BinomialDistribution(null, (int) (a1 + a0), s);
    }

    /** {@code ½P(X = a1) + P(X > a1)} for X ~ Bin(m, s): increasing in s. */
    private double upperMid(double s) {
        long m = a1 + a0;
        double eq = binomial(s).probability((int) a1);
        double above = a1 >= m ? 0 : Distributions.betaCdf(s, a1 + 1.0, (double) (m - a1));
        return 0.5 * eq + above;
    }

    /** {@code ½P(X = a1) + P(X < a1)} for X ~ Bin(m, s): decreasing in s. */
    private double lowerMid(double s) {
        long m = a1 + a0;
        double eq = binomial(s).probability((int) a1);
        double below = a1 == 0 ? 0 : Distributions.betaCdf(1 - s, (double) (m - a1 + 1), (double) a1);
        return 0.5 * eq + below;
    }

    /** The s in (0, 1) where the increasing function f equals target, or an end point when there is none. */
    private static double solveIncreasing(DoubleUnaryOperator f, double target) {
        double lo = 0;
        double hi = 1;
        if (f.applyAsDouble(Math.ulp(0.0)) >= target) {
            return 0;
        }
        if (f.applyAsDouble(1 - Math.ulp(1.0) / 2) <= target) {
            return 1;
        }
        for (int i = 0; i < 2200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (f.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The median-unbiased estimate and mid-p exact interval (Rothman and Greenland, <i>Modern
     * Epidemiology</i>, 1998; epitools {@code rateratio.midp}), with its equations solved to
     * about one ulp: the estimate solves {@code ½P(X=a1) + P(X>a1) = ½}, the lower bound
     * {@code ½P(X=a1) + P(X>a1) = α/2}, the upper bound {@code ½P(X=a1) + P(X<a1) = α/2}. When an
     * equation has no root in (0, 1) its end point is used (a1 = 0: estimate and lower bound 0;
     * a0 = 0: estimate and upper bound infinity). epitools itself stops at {@code uniroot}'s
     * default tolerance, about 1e-4 relative.
     */
    public RatioEstimate midP(double level) {
        checkLevel(level);
        double alpha = 1 - level;
        double est = a1 == 0 ? 0 : a0 == 0 ? 1 : solveIncreasing(this::upperMid, 0.5);
        double lo = a1 == 0 ? 0 : solveIncreasing(this::upperMid, alpha / 2);
        double hi = a0 == 0 ? 1 : solveIncreasing(s -> -lowerMid(s), -alpha / 2);
        return new RatioEstimate(toRatio(est), Interval.of(toRatio(lo), toRatio(hi), level, "mid-p"));
    }

    /**
     * The mid-p exact test of epitools' {@code rate2by2.test}: {@code P = ½P(X=a1) + P(X<a1)} at
     * {@code s0 = pt1 / (pt1 + pt0)}, {@code p = 2·min(P, 1 - P)}. The statistic is a1.
     */
    public TestResult midPExact() {
        double p = lowerMid(pt1 / (pt1 + pt0));
        return TestResult.of(a1, Math.min(1, 2 * Math.min(p, 1 - p)), "mid-p-exact");
    }

    /**
     * The conditional score test (statsmodels {@code test_poisson_2indep(method='score')}, Gu et
     * al. 2008; what epitools' {@code rate2by2.test} calls "wald"):
     * {@code z = (a1 - a0·pt1/pt0) / √((a1 + a0)·pt1/pt0)}, two-sided {@code p = 2Φ(-|z|)}.
     */
    public TestResult score() {
        double r = pt1 / pt0;
        double z = (a1 - a0 * r) / Math.sqrt((a1 + a0) * r);
        return TestResult.of(z, Math.min(1, 2 * Distributions.normalSf(Math.abs(z))), "score");
    }

    /**
     * The exact conditional test: two-sided binomial test of a1 out of {@code m = a1 + a0} at
     * {@code s0 = pt1 / (pt1 + pt0)}, summing the probabilities no larger than the observed one
     * times {@code 1 + 1e-7} (R {@code poisson.test}, {@code binom.test}; statsmodels
     * {@code 'exact-cond'}).
     */
    public TestResult exactConditional() {
        int m = (int) (a1 + a0);
        BinomialDistribution b = binomial(pt1 / (pt1 + pt0));
        double limit = b.probability((int) a1) * (1 + 1e-7);
        double p = 0;
        for (int x = 0; x <= m; x++) {
            double d = b.probability(x);
            if (d <= limit) {
                p += d;
            }
        }
        return TestResult.of(a1, Math.min(1, p), "exact-conditional");
    }

    /**
     * R {@code poisson.test}'s interval for the ratio: the Clopper-Pearson interval of
     * {@code s} (a1 out of a1 + a0) mapped to {@code s / (1 - s) · pt0 / pt1}.
     */
    public Interval exactConditionalInterval(double level) {
        Interval s = Proportions.interval(a1, a1 + a0, level, ProportionMethod.CLOPPER_PEARSON);
        return Interval.of(toRatio(s.lower()), toRatio(s.upper()), level, "exact-conditional");
    }

    /** The exact (Garwood) interval of the group's rate (R {@code poisson.test(a1, pt1)}). */
    public Interval groupRateInterval(double level) {
        return rateInterval(a1, pt1, level);
    }

    /** The exact (Garwood) interval of the reference rate (R {@code poisson.test(a0, pt0)}). */
    public Interval referenceRateInterval(double level) {
        return rateInterval(a0, pt0, level);
    }

    /**
     * The exact (Garwood 1936) interval of a Poisson rate:
     * {@code [Γ⁻¹(α/2; a) / pt, Γ⁻¹(1 - α/2; a + 1) / pt]}, lower bound 0 when a = 0 (R {@code poisson.test}).
     */
    public static Interval rateInterval(long events, double exposure, double level) {
        if (events < 0) {
            throw new IllegalArgumentException("events of rate interval must not be negative: " + events);
        }
        exposure("exposure", exposure);
        checkLevel(level);
        double alpha = 1 - level;
        double lo = events == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, events) / exposure;
        double hi = Distributions.gammaQuantile(1 - alpha / 2, events + 1.0) / exposure;
        return Interval.of(lo, hi, level, "garwood-exact");
    }

    /** E.g. {@code RateComparison[88/1 vs 186/1, ratio 0.4731]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RateComparison[%d/%s vs %d/%s, ratio %s]", a1, Tables.num(pt1), a0,
                Tables.num(pt0), Tables.num(ratio()));
    }
}
