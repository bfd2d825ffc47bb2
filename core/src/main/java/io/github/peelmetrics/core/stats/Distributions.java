package io.github.peelmetrics.core.stats;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.InverseErfc;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * Distribution functions accurate to about 1e-15, as the conformance cases need.
 *
 * <p>The special functions are Apache Commons Numbers' ports of Boost's (regularized incomplete beta
 * and gamma, erfc); every quantile is polished with Newton (or bisection) steps on
 * the cumulative distribution function until it is exact to a few ulps, so interval endpoints
 * agree with R's {@code qnorm}, {@code qt} and {@code qbeta}. Upper tails are computed directly
 * (not as {@code 1 - cdf}) so that tiny p-values keep their digits.
 *
 * <p>Stateless and thread-safe.
 */
public final class Distributions {
    private Distributions() {}

    private static final double SQRT2 = Math.sqrt(2.0);

    /** Standard normal cumulative distribution function Φ(x). */
    public static double normalCdf(double x) {
        return 0.5 * Erfc.value(-x / SQRT2);
    }

    /** Standard normal upper tail 1 - Φ(x), accurate for large x. */
    public static double normalSf(double x) {
        return 0.5 * Erfc.value(x / SQRT2);
    }

    /** Standard normal density. */
    public static double normalPdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Two-sided normal p-value {@code 2·(1 - Φ(|z|))}. */
    public static double normalTwoSided(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1.0, 2 * normalSf(Math.abs(z)));
    }

    /**
     * Standard normal quantile Φ⁻¹(p), as R's {@code qnorm(p)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
     */
    public static double normalQuantile(double p) {
        checkProbability(p);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double x = -SQRT2 * InverseErfc.value(2 * p); // 2p is exact: both tails keep their digits
        // Newton steps on the tail that holds p, where the cdf keeps full relative precision.
        for (int i = 0; i < 3; i++) {
            double f = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalSf(x);
            double d = normalPdf(x);
            if (d == 0 || Double.isNaN(f)) {
                break;
            }
            double step = f / d;
            x -= step;
            if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** Student t cumulative distribution function with {@code df} degrees of freedom. */
    public static double tCdf(double x, double df) {
        checkDf(df);
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 1 : 0;
        }
        double x2 = x * x;
        if (x2 < df) {
            // Near the centre: P(|T| > |x|) = 1 - I_z(1/2, df/2) with z = x²/(df+x²); where that is
            // small (large df) the complement is computed directly, as R's pt does, to keep its digits.
            double z = x2 / (df + x2);
            double central = RegularizedBeta.value(z, 0.5, df / 2);
            double tail = 0.5 * (central <= 0.5 ? 1 - central : RegularizedBeta.complement(z, 0.5, df / 2));
            return x > 0 ? 1 - tail : tail;
        }
        double tail = 0.5 * RegularizedBeta.value(df / (df + x2), df / 2, 0.5);
        return x > 0 ? 1 - tail : tail;
    }

    /** Student t upper tail {@code P(T > x)}. */
    public static double tSf(double x, double df) {
        return tCdf(-x, df);
    }

    /** Two-sided t p-value {@code 2·P(T > |t|)}. */
    public static double tTwoSided(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        checkDf(df);
        double a = Math.abs(t);
        return Math.min(1.0, RegularizedBeta.value(df / (df + a * a), df / 2, 0.5));
    }

    /**
     * Student t quantile, as R's {@code qt(p, df)}, exact to a few ulps.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= 1} and {@code df > 0}
     */
    public static double tQuantile(double p, double df) {
        checkProbability(p);
        checkDf(df);
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0;
        }
        double q = Math.min(p, 1 - p); // the tail to match, with all the digits p has
        double x = tStart(q, df);
        // the density is (1 + x²/df)^(-(df+1)/2) / (√df·B(df/2, 1/2))
        double logNorm = LogBeta.value(df / 2, 0.5) + 0.5 * Math.log(df);
        for (int i = 0; i < 6; i++) {
            double f = tSf(x, df) - q;
            double d = Math.exp(-0.5 * (df + 1) * Math.log1p(x * x / df) - logNorm);
            if (d == 0 || Double.isNaN(f)) {
                break;
            }
            double step = -f / d;
            x -= step;
            if (Math.abs(step) <= 2e-16 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return p < 0.5 ? -x : x;
    }

    /**
     * Start for {@link #tQuantile}: the {@code x > 0} with {@code P(T > x) = q < 1/2}, from the beta
     * quantile that it is, in a form that keeps its digits: {@code y = df/(df + x²)} from {@code 2q}
     * unless {@code 1 - y < 1e-4}; there ({@code x² < df/9999}) {@code x²/(df + x²)} from
     * {@code 1 - 2q} while that has digits to spare, else (a far tail at {@code df > 4e5}) the normal
     * quantile with Cornish-Fisher's first correction.
     */
    private static double tStart(double q, double df) {
        if (2 * q <= RegularizedBeta.value(0.9999, df / 2, 0.5)) {
            double y = betaQuantile(2 * q, df / 2, 0.5);
            return Math.sqrt(df * (1 - y) / y);
        }
        if (q > 1e-10) {
            double z = betaQuantile(1 - 2 * q, 0.5, df / 2);
            return Math.sqrt(df * z / (1 - z));
        }
        double z = -normalQuantile(q);
        return z + (z * z * z + z) / (4 * df);
    }

    /** Chi-square upper tail {@code P(X > x)} with {@code df} degrees of freedom. */
    public static double chiSquareSf(double x, double df) {
        checkDf(df);
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1;
        }
        return RegularizedGamma.Q.value(df / 2, x / 2);
    }

    /** Chi-square cumulative distribution function. */
    public static double chiSquareCdf(double x, double df) {
        checkDf(df);
        if (x <= 0) {
            return 0;
        }
        return RegularizedGamma.P.value(df / 2, x / 2);
    }

    /** Beta cumulative distribution function I_x(a, b). */
    public static double betaCdf(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return RegularizedBeta.value(x, a, b);
    }

    /**
     * Beta quantile, as R's {@code qbeta(p, a, b)}, found by bisection on the cumulative
     * distribution function to full double precision.
     */
    public static double betaQuantile(double p, double a, double b) {
        checkProbability(p);
        if (!(a > 0) || !(b > 0)) {
            throw new IllegalArgumentException("beta shape parameters must be positive: a=" + a + ", b=" + b);
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        // start from the normal approximation; the bracket widens as far as it needs to
        double mean = a / (a + b);
        double sd = Math.sqrt(mean * (b / (a + b)) / (a + b + 1));
        double guess = Math.min(1, Math.max(0, mean + normalQuantile(p) * sd));
        double lo = 0;
        double hi = 1;
        // Bracket around the guess, then bisect: robust where the density is very steep.
        double width = 1e-6;
        for (int i = 0; i < 40 && width < 1; i++, width *= 8) {
            double l = Math.max(0, guess - width);
            double h = Math.min(1, guess + width);
            if (betaCdf(l, a, b) <= p && betaCdf(h, a, b) >= p) {
                lo = l;
                hi = h;
                break;
            }
        }
        for (int i = 0; i < 200; i++) {
            // halve the interval, or where it spans binades the doubles in it: tiny quantiles too
            double mid = lo > 0.5 * hi ? 0.5 * (lo + hi)
                    : Double.longBitsToDouble((Double.doubleToLongBits(lo) + Double.doubleToLongBits(hi)) >>> 1);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (betaCdf(mid, a, b) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double flo = Math.abs(betaCdf(lo, a, b) - p);
        double fhi = Math.abs(betaCdf(hi, a, b) - p);
        return flo < fhi ? lo : hi;
    }

    /**
     * Poisson upper tail {@code P(X >= k)} for mean {@code mu}, via the regularized gamma function.
     */
    public static double poissonUpperTail(long k, double mu) {
        if (!(mu >= 0)) {
            throw new IllegalArgumentException("Poisson mean must not be negative: " + mu);
        }
        if (k <= 0) {
            return 1;
        }
        if (mu == 0) {
            return 0;
        }
        return RegularizedGamma.P.value(k, mu);
    }

    /** Poisson {@code P(X <= k)} for mean {@code mu}. */
    public static double poissonCdf(long k, double mu) {
        if (k < 0) {
            return 0;
        }
        if (mu == 0) {
            return 1;
        }
        return RegularizedGamma.Q.value(k + 1, mu);
    }

    /** Gamma quantile with shape {@code shape} and scale 1, by bisection on the regularized gamma P. */
    public static double gammaQuantile(double p, double shape) {
        checkProbability(p);
        if (!(shape > 0)) {
            throw new IllegalArgumentException("gamma shape must be positive: " + shape);
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double hi = Math.max(1, shape);
        while (RegularizedGamma.P.value(shape, hi) < p) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 2000; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (RegularizedGamma.P.value(shape, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
    }

    private static void checkDf(double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
        }
    }
}
