package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * Weight trimming with redistribution, as R {@code survey}'s
 * {@code trimWeights(design, upper, lower, strict = TRUE)} (survey 4.1-1).
 *
 * <pre>{@code
 * jshell> var w = SurveySample.ofWeights(new double[] {1, 2, 2, 2, 10}).design()
 * design weights; Kish n_eff 2.6, deff 1.96
 * jshell> var trim = Trim.meanMultiples(0.5, 2)
 * Trim[0.5000×mean, 2×mean]
 * jshell> var trimmed = trim.fit(w)
 * design weights; Kish n_eff 2.6, deff 1.96; trimmed to [1.700, 6.800] in 1 round (1 above, 1 below); weights now in [1.700, 6.800]; Kish n_eff 3.9, deff 1.27
 * jshell> Arrays.toString(trimmed.weights())
 * [1.7, 2.8333333333333335, 2.8333333333333335, 2.8333333333333335, 6.8]
 * }</pre>
 *
 * <p>Each round: the weights outside {@code [L, U]} are set to the nearest bound; the total
 * amount removed, {@code Σ(w − w')} (negative when raising weights to L outweighs cutting
 * them to U), is added <em>equally</em> (additively) to every weight that was not outside; then
 * the next round starts, until no weight is outside. Weights capped in an earlier round are "not
 * outside" later and so take their share of later increments, so after the last round some may
 * sit slightly inside the bounds. The total is preserved.
 *
 * <p>The trimmed sample keeps the calibration of its input: its standard errors use the trimmed
 * weights for the influence values and the untrimmed calibration for the residuals, as R does.
 *
 * <p>Two places where R recurses without end (and aborts with "C stack usage too close to the
 * limit") and Peel stops: Peel stores weights rather than selection probabilities, so a bound
 * {@code U} with {@code 1/(1/U) ≠ U} needs no special care; and when the bounds alternately
 * bind at both ends, the amount moved per round can settle into a cycle at rounding level, so
 * after 32 consecutive rounds that each move no more than n ulps of U (the rounding of one
 * pass) the last clamp stands without redistribution (every weight then lies in [L, U] and the total moves by at most that).
 * On samples where R terminates the results are R's, round for round.
 *
 * <p>A configured weighting step, not a result: {@code fit} returns a {@link WeightedSample}
 * whose diagnostics are the results. Immutable and thread-safe.
 */
public final class Trim {

    /** Rounds after which trimming gives up (it takes 1-12 rounds on realistic samples). */
    static final int MAX_ROUNDS = 100_000;

    /** Consecutive rounds that move only rounding noise after which trimming stops. */
    static final int NOISE_ROUNDS = 32;


    private final double lower;
    private final double upper;
    private final boolean relative;

    private Trim(double lower, double upper, boolean relative) {
        if (!(lower >= 0) || !(upper > lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException(Format.f(
                    "trimming bounds must satisfy 0 <= lower < upper: lower %s, upper %s", lower, upper));
        }
        this.lower = lower;
        this.upper = upper;
        this.relative = relative;
    }

    /**
     * Trimming to absolute bounds {@code [lower, upper]} ({@code upper} may be infinite).
     *
     * @throws IllegalArgumentException unless {@code 0 <= lower < upper}
     */
    public static Trim between(double lower, double upper) {
        return new Trim(lower, upper, false);
    }

    /**
     * Trimming to bounds that are multiples of the mean weight before trimming, e.g.
     * {@code meanMultiples(0.3, 3.5)} for {@code [0.3·w̄, 3.5·w̄]}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= lowerMultiple < upperMultiple}
     */
    public static Trim meanMultiples(double lowerMultiple, double upperMultiple) {
        Trim t = new Trim(lowerMultiple, upperMultiple, true);
        if (upperMultiple < 1 || lowerMultiple > 1) {
            throw new IllegalArgumentException(Format.f(
                    "mean multiples must satisfy lower <= 1 <= upper, or no weight vector can meet them: lower %s, upper %s",
                    lowerMultiple, upperMultiple));
        }
        return t;
    }

    /**
     * Trims the weights of a weighted sample.
     *
     * @throws IllegalArgumentException if the bounds cannot hold the weight total
     *     ({@code n·L > Σw} or {@code n·U < Σw})
     * @throws IllegalStateException if every weight is outside the bounds in some round (no
     *     weight is left to take the amount trimmed), or trimming does not settle
     */
    public WeightedSample fit(WeightedSample weighted) {
        Objects.requireNonNull(weighted, "weighted sample must not be null");
        double[] w = weighted.weightsRef().clone();
        int n = w.length;
        double sumBefore = 0;
        for (double x : w) {
            sumBefore += x;
        }
        double mean = sumBefore / n;
        double lo = relative ? lower * mean : lower;
        double hi = relative ? upper * mean : upper;
        if (n * lo > sumBefore * (1 + 1e-12) || n * hi < sumBefore * (1 - 1e-12)) {
            throw new IllegalArgumentException(Format.f(
                    "trimming bounds [%s, %s] cannot hold the weight total %s of %d respondents",
                    Format.num(lo), Format.num(hi), Format.num(sumBefore), n));
        }
        int above = 0;
        int below = 0;
        for (double x : w) {
            if (x > hi) {
                above++;
            } else if (x < lo) {
                below++;
            }
        }
        // rounding of one pass over the weights: n ulps of the larger bound
        double settled = n * Math.ulp(Double.isInfinite(hi) ? Math.max(lo, mean) : hi);
        boolean[] outside = new boolean[n];
        int rounds = 0;
        int noiseRounds = 0;
        while (true) {
            int nOutside = 0;
            for (int i = 0; i < n; i++) {
                outside[i] = w[i] < lo || w[i] > hi;
                if (outside[i]) {
                    nOutside++;
                }
            }
            if (nOutside == 0) {
                break;
            }
            if (nOutside == n) {
                throw new IllegalStateException(Format.f(
                        "every one of the %d weights is outside the trimming bounds [%s, %s] (round %d), so no weight "
                                + "is left to take the amount trimmed; widen the bounds", n, Format.num(lo), Format.num(hi),
                        rounds + 1));
            }
            if (++rounds > MAX_ROUNDS) {
                throw new IllegalStateException(Format.f("trimming to [%s, %s] does not settle after %d rounds",
                        Format.num(lo), Format.num(hi), rounds));
            }
            double removed = 0;
            for (int i = 0; i < n; i++) {
                double t = Math.min(hi, Math.max(w[i], lo));
                removed += w[i] - t;
                w[i] = t;
            }
            noiseRounds = Math.abs(removed) <= settled ? noiseRounds + 1 : 0;
            if (noiseRounds >= NOISE_ROUNDS) {
                break; // the clamp above stands: what is left to move is rounding noise (see class doc)
            }
            double share = removed / (n - nOutside);
            for (int i = 0; i < n; i++) {
                if (!outside[i]) {
                    w[i] += share;
                }
            }
        }
        double sumAfter = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int atHi = 0;
        int atLo = 0;
        for (double x : w) {
            sumAfter += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
            if (x == hi) {
                atHi++;
            }
            if (x == lo) {
                atLo++;
            }
        }
        TrimDiagnostics d = new TrimDiagnostics(lo, hi, mean, rounds, above, below, atHi, atLo, min, max,
                sumBefore, sumAfter);
        return weighted.trimmed(w, d);
    }

    /** The bounds: {@code Trim[L×mean, U×mean]} for mean multiples, {@code Trim[L, U]} for absolute bounds. */
    @Override
    public String toString() {
        return relative
                ? "Trim[" + Format.num(lower) + "×mean, " + Format.num(upper) + "×mean]"
                : "Trim[" + Format.num(lower) + ", " + Format.num(upper) + "]";
    }
}
