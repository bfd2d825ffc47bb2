package io.github.peelmetrics.core.stats;

import io.github.peelmetrics.core.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * Binomial proportions and their confidence intervals.
 *
 * <pre>{@code
 * jshell> Proportions.interval(49, 100, ProportionMethod.WILSON)
 * [0.3942, 0.5865] 95% wilson
 * jshell> Proportions.interval(0, 20, ProportionMethod.CLOPPER_PEARSON, 0.9)
 * [0, 0.1391] 90% clopper-pearson
 * jshell> Proportions.estimate(49, 100)
 * 0.4900 (se 0.04999, n 100)
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Proportions {
    private Proportions() {}

    /**
     * The 95% confidence interval for {@code x} successes in {@code n} trials; see
     * {@link #interval(long, long, ProportionMethod, double)}.
     */
    public static Interval interval(long x, long n, ProportionMethod method) {
        return interval(x, n, method, Interval.DEFAULT_LEVEL);
    }

    /**
     * The confidence interval for {@code x} successes in {@code n} trials.
     *
     * @param x      successes, {@code 0 <= x <= n}
     * @param n      trials, positive
     * @param method the method, defined at each {@link ProportionMethod} constant
     * @param level  confidence level in (0, 1)
     * @throws IllegalArgumentException if the counts or the level are out of range
     */
    public static Interval interval(long x, long n, ProportionMethod method, double level) {
        Objects.requireNonNull(method, "proportion interval method must not be null");
        checkCounts(x, n);
        Checks.level(level, "Proportions");
        double p = (double) x / n;
        double alpha = 1 - level;
        double z = Distributions.normalQuantile(1 - alpha / 2);
        double lo;
        double hi;
        switch (method) {
            case WILSON: {
                double z2 = z * z;
                double denom = 1 + z2 / n;
                double centre = (p + z2 / (2.0 * n)) / denom;
                double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
                lo = centre - half;
                hi = centre + half;
                break;
            }
            case CLOPPER_PEARSON:
                lo = x == 0 ? 0 : Distributions.betaQuantile(alpha / 2, x, n - x + 1.0);
                hi = x == n ? 1 : Distributions.betaQuantile(1 - alpha / 2, x + 1.0, n - x);
                break;
            case AGRESTI_COULL: {
                double z2 = z * z;
                double nt = n + z2;
                double pt = (x + z2 / 2) / nt;
                double half = z * Math.sqrt(pt * (1 - pt) / nt);
                lo = Math.max(0, pt - half);
                hi = Math.min(1, pt + half);
                break;
            }
            case JEFFREYS:
                lo = Distributions.betaQuantile(alpha / 2, x + 0.5, n - x + 0.5);
                hi = Distributions.betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5);
                break;
            case WALD: {
                double half = z * Math.sqrt(p * (1 - p) / n);
                lo = Math.max(0, p - half);
                hi = Math.min(1, p + half);
                break;
            }
            default:
                throw new AssertionError(method);
        }
        return Interval.of(lo, hi, method.label(), level);
    }

    /** The estimate {@code x / n} with the binomial standard error {@code √(p(1-p)/n)}. */
    public static Estimate estimate(long x, long n) {
        checkCounts(x, n);
        double p = (double) x / n;
        return Estimate.of(p, Math.sqrt(p * (1 - p) / n), n);
    }

    static void checkCounts(long x, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("trials n must be positive: " + n);
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "successes x must be in [0, n = %d]: %d", n, x));
        }
    }
}
