package io.github.peelmetrics.core.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Distribution functions accurate to about 1e-15, as the conformance cases need.
 *
 * <p>Apache Commons Math's inverse distribution functions stop their root search at an absolute
 * accuracy of 1e-9 by default; here every quantile is polished with Newton (or bisection) steps on
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
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** Standard normal upper tail 1 - Φ(x), accurate for large x. */
    public static double normalSf(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
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
        double x = SQRT2 * Erf.erfInv(2 * p - 1);
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
            // Near the centre: P(|T| < |x|) = I_{x²/(df+x²)}(1/2, df/2) keeps full precision.
            double central = Beta.regularizedBeta(x2 / (df + x2), 0.5, df / 2, 1e-16, Integer.MAX_VALUE);
            return x > 0 ? 0.5 + 0.5 * central : 0.5 - 0.5 * central;
        }
        double tail = 0.5 * Beta.regularizedBeta(df / (df + x2), df / 2, 0.5, 1e-16, Integer.MAX_VALUE);
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
        return Math.min(1.0, Beta.regularizedBeta(df / (df + a * a), df / 2, 0.5));
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
        if (p < 0.5) {
            return -tQuantile(1 - p, df);
        }
        TDistribution t = new TDistribution(null, df, 1e-14);
        double x = t.inverseCumulativeProbability(p);
        double q = 1 - p; // upper tail to match, exact for p in [0.5, 1)
        for (int i = 0; i < 6; i++) {
            double f = tSf(x, df) - q;
            double d = t.density(x);
            if (d == 0 || Double.isNaN(f)) {
                break;
            }
            double step = -f / d;
            x -= step;
            if (Math.abs(step) <= 2e-16 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
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
        return Gamma.regularizedGammaQ(df / 2, x / 2, 1e-16, Integer.MAX_VALUE);
    }

    /** Chi-square cumulative distribution function. */
    public static double chiSquareCdf(double x, double df) {
        checkDf(df);
        if (x <= 0) {
            return 0;
        }
        return Gamma.regularizedGammaP(df / 2, x / 2, 1e-16, Integer.MAX_VALUE);
    }

    /** Beta cumulative distribution function I_x(a, b). */
    public static double betaCdf(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return Beta.regularizedBeta(x, a, b, 1e-16, Integer.MAX_VALUE);
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
        double guess = new BetaDistribution(null, a, b, 1e-12).inverseCumulativeProbability(p);
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
            double mid = 0.5 * (lo + hi);
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
        return Gamma.regularizedGammaP(k, mu, 1e-16, Integer.MAX_VALUE);
    }

    /** Poisson {@code P(X <= k)} for mean {@code mu}. */
    public static double poissonCdf(long k, double mu) {
        if (k < 0) {
            return 0;
        }
        if (mu == 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(k + 1, mu, 1e-16, Integer.MAX_VALUE);
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
        while (Gamma.regularizedGammaP(shape, hi, 1e-16, Integer.MAX_VALUE) < p) {
            hi *= 2;
        }
        double lo = 0;
        for (int i = 0; i < 2000; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (Gamma.regularizedGammaP(shape, mid, 1e-16, Integer.MAX_VALUE) < p) {
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
