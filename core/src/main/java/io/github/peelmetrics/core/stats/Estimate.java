package io.github.peelmetrics.core.stats;

/**
 * A point estimate with its standard error and the sample it came from.
 *
 * @param point         the estimate
 * @param standardError its standard error (NaN when not defined, e.g. one observation)
 * @param n             the number of observations used
 * @param effectiveN    the effective sample size (Kish's {@code (Σw)²/Σw²} for weighted data;
 *                      {@code n} for unweighted)
 */
public record Estimate(double point, double standardError, long n, double effectiveN) {

    /** Validates: {@code n >= 0}, standard error not negative, effective n in [0, ∞). */
    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (standardError < 0) {
            throw new IllegalArgumentException("standardError must not be negative: " + standardError);
        }
        if (effectiveN < 0) {
            throw new IllegalArgumentException("effectiveN must not be negative: " + effectiveN);
        }
    }

    /** An unweighted estimate: effective n equals n. */
    public static Estimate of(double point, double standardError, long n) {
        return new Estimate(point, standardError, n, n);
    }

    /** The normal-theory (Wald) interval {@code point ± z·se} at {@code level}. */
    public Interval waldInterval(double level) {
        double z = Distributions.normalQuantile(0.5 + Interval.checkLevel(level) / 2);
        return Interval.of(point - z * standardError, point + z * standardError, level, "wald");
    }

    @Override
    public String toString() {
        return Format.num(point) + " (se " + Format.num(standardError) + ", n " + n
                + (effectiveN == n ? "" : ", n_eff " + Format.num(effectiveN)) + ")";
    }
}
