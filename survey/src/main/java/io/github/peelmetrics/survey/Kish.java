package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * Kish's effective sample size and design effect of a set of weights:
 * {@code n_eff = (Σw)² / Σw²} and {@code deff = n·Σw² / (Σw)²}, so that {@code n_eff · deff = n}.
 *
 * <pre>{@code
 * jshell> Kish.of(new double[] {1, 1, 4})
 * Kish n_eff 2.0, deff 1.50
 * }</pre>
 *
 * <p>Reference: Kish, L. (1965), <i>Survey Sampling</i>, Wiley, §11.7 (the design effect due to
 * unequal weighting); agrees with the values in the Peel survey conformance cases, computed in R.
 *
 * @param n                 the number of weights
 * @param sumWeights        {@code Σw}
 * @param sumSquaredWeights {@code Σw²}
 * @param effectiveN        {@code (Σw)²/Σw²}
 * @param designEffect      {@code n·Σw²/(Σw)²}
 */
public record Kish(int n, double sumWeights, double sumSquaredWeights, double effectiveN, double designEffect) {

    /**
     * Kish's figures of these weights.
     *
     * @throws IllegalArgumentException if there is no weight or one is not positive and finite
     */
    public static Kish of(double[] weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        if (weights.length == 0) {
            throw new IllegalArgumentException("Kish effective sample size needs at least one weight: 0 given");
        }
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(Format.f("weight %d must be positive and finite: %s", i + 1, w));
            }
            s += w;
            s2 += w * w;
        }
        return of(weights.length, s, s2);
    }

    static Kish of(int n, double s, double s2) {
        return new Kish(n, s, s2, s * s / s2, n * s2 / (s * s));
    }

    /** {@code Kish n_eff N, deff D}, as in the example above. */
    @Override
    public String toString() {
        return Format.f("Kish n_eff %.1f, deff %.3g", effectiveN, designEffect);
    }
}
