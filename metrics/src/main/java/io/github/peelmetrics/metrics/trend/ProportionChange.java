package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Estimate;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.core.internal.Checks;
import java.util.Objects;

/**
 * The change in a proportion (or any estimate) between two survey waves, with a z-test.
 * {@code wave1} is the earlier wave; the difference is {@code after - before}.
 *
 * <ul>
 *   <li>{@link #test(long, long, long, long)}: simple random samples, pooled two-proportion
 *       z-test, {@code z = (p2 - p1)/sqrt(p̄(1 - p̄)(1/n1 + 1/n2))}, {@code p̄ = (x1 + x2)/(n1 + n2)}
 *       (statsmodels {@code proportions_ztest}; {@code z²} equals R {@code prop.test(correct = FALSE)});</li>
 *   <li>{@link #test(long, long, long, long, Pooling)} with {@link Pooling#UNPOOLED}: Wald,
 *       {@code z = (p2 - p1)/sqrt(p1(1 - p1)/n1 + p2(1 - p2)/n2)}
 *       (statsmodels {@code test_proportions_2indep(method='wald', compare='diff')});</li>
 *   <li>{@link #test(Estimate, Estimate)}: two weighted (design-based) estimates with their
 *       standard errors from independent samples, {@code z = (e2 - e1)/sqrt(se1² + se2²)}
 *       (statsmodels {@code _zstat_generic2}), so survey-module results plug in directly.</li>
 * </ul>
 * All p-values are normal, without continuity correction. A pooled test on two waves where every
 * answer (or none) is a success has {@code se = 0} and NaN z and p. Immutable and thread-safe.
 *
 * <pre>{@code
 * jshell> ProportionChange.test(601, 1002, 865, 1201)
 * ProportionChange[pooled-z: 0.5998 -> 0.7202, change=+0.1204, z=5.97, p=2.44e-09]
 * }</pre>
 *
 * @param before        the earlier wave's proportion or estimate
 * @param after         the later wave's
 * @param difference    {@code after - before}
 * @param standardError the standard error used in {@code z}
 * @param z             the z statistic
 * @param pValue        its two-sided normal p-value
 * @param method        {@code pooled-z}, {@code unpooled-z} or {@code given-se-z}
 */
public record ProportionChange(double before, double after, double difference, double standardError, double z,
                               double pValue, String method) {

    /** Validates. */
    public ProportionChange {
        Objects.requireNonNull(method, "method");
    }

    /**
     * The pooled two-proportion z-test of {@code x1/n1} (earlier) against {@code x2/n2} (later),
     * as {@link #test(long, long, long, long, Pooling)} with {@link Pooling#POOLED}.
     *
     * @throws IllegalArgumentException when a size is not positive or a count is outside {@code 0..n}
     */
    public static ProportionChange test(long x1, long n1, long x2, long n2) {
        return test(x1, n1, x2, n2, Pooling.POOLED);
    }

    /**
     * The two-proportion z-test of {@code x1/n1} (earlier) against {@code x2/n2} (later) with the
     * standard error {@code pooling} says.
     *
     * @throws IllegalArgumentException when a size is not positive or a count is outside {@code 0..n}
     */
    public static ProportionChange test(long x1, long n1, long x2, long n2, Pooling pooling) {
        check(x1, n1, "wave1");
        check(x2, n2, "wave2");
        Objects.requireNonNull(pooling, "pooling of ProportionChange must not be null");
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        if (pooling == Pooling.POOLED) {
            double pbar = (double) (x1 + x2) / (n1 + n2);
            return of(p1, p2, Math.sqrt(pbar * (1 - pbar) * (1.0 / n1 + 1.0 / n2)), "pooled-z");
        }
        return of(p1, p2, Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2), "unpooled-z");
    }

    /**
     * The change between two independent weighted estimates given their standard errors.
     *
     * @param wave1 the earlier estimate (e.g. a survey-module weighted proportion)
     * @param wave2 the later estimate
     * @throws IllegalArgumentException when an estimate or standard error is not finite, or both
     *                                  standard errors are zero
     */
    public static ProportionChange test(Estimate wave1, Estimate wave2) {
        Objects.requireNonNull(wave1, "wave1");
        Objects.requireNonNull(wave2, "wave2");
        checkEstimate(wave1, "wave1");
        checkEstimate(wave2, "wave2");
        double se = Math.sqrt(wave1.standardError() * wave1.standardError() + wave2.standardError() * wave2.standardError());
        if (se == 0) {
            throw new IllegalArgumentException("ProportionChange: standard errors of wave1 and wave2 are both zero");
        }
        return of(wave1.estimate(), wave2.estimate(), se, "given-se-z");
    }

    private static ProportionChange of(double before, double after, double se, String method) {
        double d = after - before;
        double z = d / se;
        return new ProportionChange(before, after, d, se, z, Distributions.normalTwoSided(z), method);
    }

    private static void check(long x, long n, String wave) {
        if (n <= 0) {
            throw new IllegalArgumentException(Format.f("ProportionChange: size n of %s must be positive: %d", wave, n));
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException(Format.f("ProportionChange: count x of %s must be in 0..%d: %d", wave, n, x));
        }
    }

    private static void checkEstimate(Estimate e, String wave) {
        if (!Double.isFinite(e.estimate())) {
            throw new IllegalArgumentException(Format.f("ProportionChange: estimate of %s must be finite: %s", wave, e.estimate()));
        }
        if (!Double.isFinite(e.standardError())) {
            throw new IllegalArgumentException(Format.f("ProportionChange: standard error of %s must be finite: %s",
                    wave, e.standardError()));
        }
    }

    /** The test as a {@link TestResult}: {@link #z()}, its two-sided p-value and the {@link #method()}. */
    public TestResult testResult() {
        return TestResult.of(z, pValue, method);
    }

    /** The p-value under {@code alternative}; {@code INCREASING} means the later wave is higher. */
    public double pValue(Alternative alternative) {
        return Objects.requireNonNull(alternative, "alternative").pValue(z);
    }

    /**
     * The Wald interval {@code difference ± z_{1-α/2}·se} for the change. For the pooled test the
     * pooled standard error is the null one; prefer {@link Pooling#UNPOOLED} or two estimates for intervals.
     */
    public Interval interval(double level) {
        double q = Distributions.normalQuantile(1 - (1 - Checks.level(level, "ProportionChange")) / 2);
        return Interval.of(difference - q * standardError, difference + q * standardError, "wald-" + method, level);
    }

    @Override
    public String toString() {
        return "ProportionChange[" + method + ": " + Format.num(before) + " -> " + Format.num(after) + ", change="
                + (difference > 0 ? "+" : "") + Format.num(difference) + ", z=" + Format.stat(z) + ", p=" + Format.p(pValue) + "]";
    }
}
