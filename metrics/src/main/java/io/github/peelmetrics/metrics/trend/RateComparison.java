package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Comparison of two Poisson rates (a later period against an earlier one, a group against a
 * reference): the rate ratio {@code (a1/T1)/(a0/T0)} with the estimates and tests of epitools
 * {@code rateratio} / {@code rate2by2.test}, R {@code poisson.test} and statsmodels
 * {@code test_poisson_2indep}.
 *
 * <p>Conditional on {@code m = a1 + a0}, {@code a1 ~ Binomial(m, s)} with
 * {@code s = RR·T1/(RR·T1 + T0)}; under equal rates {@code s0 = T1/(T1 + T0)}; a probability
 * {@code s} maps to {@code RR = s/(1 - s)·T0/T1}.
 * <ul>
 *   <li>{@link #wald}: {@code exp(log RR ± z·sqrt(1/a1 + 1/a0))}; no zero correction, so
 *       {@code a1 = 0} gives 0 with {@code [0, NaN]} and {@code a0 = 0} gives infinity with
 *       {@code [NaN, Infinity]} (epitools).</li>
 *   <li>{@link #midP}: the median-unbiased estimate solves {@code ½P(X=a1) + P(X>a1) = ½}, the
 *       lower limit {@code ½P(X=a1) + P(X>a1) = α/2}, the upper {@code ½P(X=a1) + P(X<a1) = α/2}
 *       (epitools {@code rateratio.midp}, Rothman and Greenland 1998), solved by bisection to the
 *       last bit (epitools' own {@code uniroot} stops at 1.2e-4 on s); where no root lies in
 *       (0, 1) the end point is used.</li>
 *   <li>{@link #midPTest}: {@code P = ½P(X=a1) + P(X<a1)} at {@code s0}, {@code p = 2·min(P, 1 - P)}
 *       (epitools {@code rate2by2.test} mid-p).</li>
 *   <li>{@link #scoreTest}: {@code z = (a1 - a0·T1/T0)/sqrt((a1 + a0)·T1/T0)}, normal p
 *       (statsmodels {@code method='score'}, Gu et al. 2008; epitools' "wald" p-value).</li>
 *   <li>{@link #exactConditionalTest}: two-sided exact binomial test of {@code a1} of {@code m}
 *       at {@code s0}, summing the outcomes no more likely than the observed one (R's
 *       {@code 1 + 1e-7} rule; R {@code poisson.test}, statsmodels {@code method='exact-cond'});
 *       {@link #exactConditionalInterval} maps the Clopper-Pearson interval for {@code s}.</li>
 * </ul>
 * {@link #test} gives the rate ratio with its Wald interval and the exact conditional test;
 * the other estimates and tests are methods of the result. Immutable and thread-safe.
 *
 * <p><b>Why a rate ratio and not a risk ratio.</b> Stops, complaints and uses of force are
 * events: one resident can be stopped many times, so a count of stops is not a count of people
 * and can exceed the population. A Katz (log) risk ratio treats {@code a/n} as a binomial
 * proportion and needs {@code a <= n}; the Poisson rate ratio treats {@code a} as a count over
 * an exposure (person-years) and has no such bound. Use the risk ratio
 * ({@link io.github.peelmetrics.core.stats.TwoByTwo}) for per-person outcomes (searched or not,
 * found or not), this class for events per resident.
 *
 * <p><b>No events at all.</b> With {@code a1 = a0 = 0} there is nothing to compare: {@link #test}
 * throws and {@link #testIfDefined} returns {@link Optional#empty()} (epitools prints a Wald
 * {@code NaN}, R {@code poisson.test} fails). A single zero cell is a comparison: the Wald
 * bounds follow epitools (above), the mid-p and exact intervals are one-sided at 0 or infinity.
 *
 * <p>References: K. J. Rothman and S. Greenland, <i>Modern Epidemiology</i>, 2nd ed. (1998),
 * ch. 14 (rate ratio, Wald and mid-p exact intervals); T. J. Aragón, epitools 0.5-10.1
 * ({@code rateratio.wald}, {@code rateratio.midp}); R {@code stats::poisson.test} (4.2).
 * Conformance: {@code metrics/rates.json} and the {@code poisson_rate_ratio} cases of
 * {@code metrics/stop_rates.json}.
 *
 * <pre>{@code
 * jshell> RateComparison.test(88, 1.0, 186, 1.0)
 * RateComparison[88/1 = 88 vs 186/1 = 186, ratio=0.4731 [0.3671, 0.6097] 95% wald, exact p=3.18e-09]
 * jshell> RateComparison.test(88, 1.0, 186, 1.0).midP(0.95)
 * 0.4736 [0.3659, 0.6083] 95% mid-p
 * }</pre>
 *
 * @param group      the group (or later period) rate, the numerator
 * @param reference  the reference (or earlier period) rate, the denominator
 * @param rateRatio  {@code (a1/T1)/(a0/T0)} with its Wald (log) interval ({@link #wald(double)} at the
 *                   level of the test); infinite when {@code a0 = 0}
 * @param testResult the exact conditional test of equal rates ({@link #exactConditionalTest()})
 */
public record RateComparison(PoissonRate group, PoissonRate reference, RatioEstimate rateRatio,
                             TestResult testResult) {

    /** Validates: both rates present, at least one event in all, the ratio {@code group.rate / reference.rate}. */
    public RateComparison {
        Objects.requireNonNull(group, "group of RateComparison must not be null");
        Objects.requireNonNull(reference, "reference of RateComparison must not be null");
        Objects.requireNonNull(rateRatio, "rateRatio of RateComparison must not be null");
        Objects.requireNonNull(testResult, "testResult of RateComparison must not be null");
        if (group.events() + reference.events() == 0) {
            throw new IllegalArgumentException(
                    "RateComparison: no events in the group nor in the reference: the rate ratio 0/0 is not defined");
        }
        if (Double.compare(rateRatio.estimate(), group.rate() / reference.rate()) != 0) {
            throw new IllegalArgumentException(Format.f("rateRatio of RateComparison must be %s / %s: %s", group.rate(),
                    reference.rate(), rateRatio.estimate()));
        }
    }

    /**
     * Compares {@code groupEvents/groupExposure} with {@code referenceEvents/referenceExposure},
     * with a 95% interval.
     *
     * @throws IllegalArgumentException when a count is negative, an exposure is not positive and
     *                                  finite, or both counts are zero
     */
    public static RateComparison test(long groupEvents, double groupExposure, long referenceEvents,
                                      double referenceExposure) {
        return test(groupEvents, groupExposure, referenceEvents, referenceExposure, 0.95);
    }

    /**
     * Compares {@code groupEvents/groupExposure} with {@code referenceEvents/referenceExposure},
     * with an interval at {@code level}.
     *
     * @throws IllegalArgumentException as {@link #test(long, double, long, double)}, or when the
     *                                  level is outside (0, 1)
     */
    public static RateComparison test(long groupEvents, double groupExposure, long referenceEvents,
                                      double referenceExposure, double level) {
        PoissonRate g = PoissonRate.of(groupEvents, groupExposure);
        PoissonRate r = PoissonRate.of(referenceEvents, referenceExposure);
        if (g.events() + r.events() == 0) {
            throw new IllegalArgumentException(
                    "RateComparison: no events in the group nor in the reference: the rate ratio 0/0 is not defined");
        }
        return new RateComparison(g, r, wald(g, r, level),
                TestResult.of(Double.NaN, binomTwoSided(g.events(), g.events() + r.events(), nullProbability(g, r)),
                        "exact-conditional"));
    }

    /**
     * Compares the two rates as {@link #test(long, double, long, double, double)}, or
     * {@link Optional#empty()} when neither side has an event (the ratio 0/0, its mid-p and exact
     * intervals and the exact test are not defined).
     *
     * @throws IllegalArgumentException when a count is negative, an exposure is not positive and
     *                                  finite, or the level is outside (0, 1)
     */
    public static Optional<RateComparison> testIfDefined(long groupEvents, double groupExposure, long referenceEvents,
                                                         double referenceExposure, double level) {
        PoissonRate.of(groupEvents, groupExposure);
        PoissonRate.of(referenceEvents, referenceExposure);
        Checks.level(level, "RateComparison");
        if (groupEvents + referenceEvents == 0) {
            return Optional.empty();
        }
        return Optional.of(test(groupEvents, groupExposure, referenceEvents, referenceExposure, level));
    }

    /**
     * The standard error of {@code log RR} used by the Wald interval, {@code sqrt(1/a1 + 1/a0)};
     * infinite when a count is zero (epitools' {@code se_log}).
     */
    public double waldStandardError() {
        return Math.sqrt(1.0 / group.events() + 1.0 / reference.events());
    }

    /**
     * The Wald (log) interval for the rate ratio at {@code level}:
     * {@code exp(log RR ∓ z·sqrt(1/a1 + 1/a0))} (Rothman and Greenland 1998, eq. 14-9; epitools
     * {@code rateratio.wald}). No zero correction: {@code a1 = 0} gives 0 with {@code [0, NaN]},
     * {@code a0 = 0} gives infinity with {@code [NaN, Infinity]}, as epitools.
     */
    public RatioEstimate wald(double level) {
        return wald(group, reference, level);
    }

    private static RatioEstimate wald(PoissonRate group, PoissonRate reference, double level) {
        double z = Distributions.normalQuantile(1 - (1 - Checks.level(level, "RateComparison")) / 2);
        double rr = group.rate() / reference.rate();
        double se = Math.sqrt(1.0 / group.events() + 1.0 / reference.events());
        double log = Math.log(rr);
        return new RatioEstimate(rr, Interval.of(Math.exp(log - z * se), Math.exp(log + z * se), "wald-log", level));
    }

    /**
     * The mid-p (median-unbiased) estimate of the rate ratio and its mid-p exact interval at
     * {@code level} (Rothman and Greenland 1998, ch. 14; epitools {@code rateratio.midp}). Each
     * equation of the class comment is solved for {@code s} by bisection to the last bit (about
     * one ulp), then mapped to the ratio; epitools' own {@code uniroot} is looser (about 1e-4).
     */
    public RatioEstimate midP(double level) {
        double alpha = 1 - Checks.level(level, "RateComparison");
        long a1 = group.events();
        long m = a1 + reference.events();
        DoubleUnaryOperator upperTail = s -> 0.5 * pmf(a1, m, s) + greater(a1, m, s);   // increasing in s
        DoubleUnaryOperator lowerTail = s -> 0.5 * pmf(a1, m, s) + less(a1, m, s);      // decreasing in s
        double est = solveIncreasing(upperTail, 0.5);
        double lo = solveIncreasing(upperTail, alpha / 2);
        double hi = solveIncreasing(s -> -lowerTail.applyAsDouble(s), -alpha / 2);
        return new RatioEstimate(ratio(est), Interval.of(ratio(lo), ratio(hi), "mid-p", level));
    }

    /** The two-sided mid-p exact test of equal rates (epitools). */
    public TestResult midPTest() {
        long a1 = group.events();
        long m = a1 + reference.events();
        double s0 = nullProbability();
        double p = 0.5 * pmf(a1, m, s0) + less(a1, m, s0);
        return TestResult.of(Double.NaN, Math.min(1, 2 * Math.min(p, 1 - p)), "mid-p-exact");
    }

    /** The conditional score test of equal rates (statsmodels {@code score}). */
    public TestResult scoreTest() {
        double a1 = group.events();
        double a0 = reference.events();
        double ratio = group.exposure() / reference.exposure();
        double z = (a1 - a0 * ratio) / Math.sqrt((a1 + a0) * ratio);
        return TestResult.of(z, Distributions.normalTwoSided(z), "score");
    }

    /** The two-sided exact conditional (binomial) test of equal rates, as R {@code poisson.test}: {@link #testResult()}. */
    public TestResult exactConditionalTest() {
        return testResult;
    }

    /** R {@code poisson.test}'s interval for the rate ratio: Clopper-Pearson for {@code s} mapped to the ratio. */
    public Interval exactConditionalInterval(double level) {
        double alpha = 1 - Checks.level(level, "RateComparison");
        long x = group.events();
        long m = x + reference.events();
        double lo = x == 0 ? 0 : Distributions.betaQuantile(alpha / 2, x, m - x + 1);
        double hi = x == m ? 1 : Distributions.betaQuantile(1 - alpha / 2, x + 1, m - x);
        return Interval.of(ratio(lo), ratio(hi), "exact-conditional", level);
    }

    private double nullProbability() {
        return nullProbability(group, reference);
    }

    private static double nullProbability(PoissonRate group, PoissonRate reference) {
        return group.exposure() / (group.exposure() + reference.exposure());
    }

    private double ratio(double s) {
        return s >= 1 ? Double.POSITIVE_INFINITY : s / (1 - s) * reference.exposure() / group.exposure();
    }

    /** The root in [0, 1] of an increasing function minus target, to the last bit; an end point when none. */
    private static double solveIncreasing(DoubleUnaryOperator f, double target) {
        double lo = 0;
        double hi = 1;
        if (f.applyAsDouble(lo) >= target) {
            return 0;
        }
        if (f.applyAsDouble(hi) <= target) {
            return 1;
        }
        for (int i = 0; i < 2000; i++) {
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

    /** Binomial P(X = k). */
    static double pmf(long k, long n, double p) {
        if (p == 0) {
            return k == 0 ? 1 : 0;
        }
        if (p == 1) {
            return k == n ? 1 : 0;
        }
        double log = LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0)
                + k * Math.log(p) + (n - k) * Math.log1p(-p);
        return Math.exp(log);
    }

    /** Binomial P(X > k). */
    static double greater(long k, long n, double p) {
        if (k >= n) {
            return 0;
        }
        if (k < 0) {
            return 1;
        }
        return Distributions.betaCdf(p, k + 1.0, (double) (n - k));
    }

    /** Binomial P(X < k). */
    static double less(long k, long n, double p) {
        if (k <= 0) {
            return 0;
        }
        if (k > n) {
            return 1;
        }
        return Distributions.betaCdf(1 - p, (double) (n - k + 1), (double) k);
    }

    /** R {@code binom.test(x, n, p)$p.value}, two-sided. */
    static double binomTwoSided(long x, long n, double p) {
        double relErr = 1 + 1e-7;
        double d = pmf(x, n, p);
        double mean = n * p;
        double pv;
        if (x == mean) {
            return 1;
        } else if (x < mean) {
            long y = 0;
            for (long i = (long) Math.ceil(mean); i <= n; i++) {
                if (pmf(i, n, p) <= d * relErr) {
                    y++;
                }
            }
            pv = less(x + 1, n, p) + greater(n - y, n, p);
        } else {
            long y = 0;
            for (long i = 0; i <= (long) Math.floor(mean); i++) {
                if (pmf(i, n, p) <= d * relErr) {
                    y++;
                }
            }
            pv = less(y, n, p) + greater(x - 1, n, p);
        }
        return Math.min(1, pv);
    }

    @Override
    public String toString() {
        Interval i = rateRatio.interval();
        return "RateComparison[" + group + " vs " + reference + ", ratio=" + Format.num(rateRatio.estimate())
                + " [" + Format.num(i.lower()) + ", " + Format.num(i.upper()) + "] "
                + BigDecimal.valueOf(i.level() * 100).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                + "% wald, exact p=" + Format.p(testResult.pValue()) + "]";
    }
}
