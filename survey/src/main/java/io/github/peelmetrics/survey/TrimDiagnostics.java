package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;

/**
 * What trimming did.
 *
 * <pre>{@code
 * jshell> Trim.between(1, 4).fit(SurveySample.ofWeights(new double[] {1, 1, 1, 1, 10}).design()).trimDiagnostics().orElseThrow()
 * trimmed to [1, 4] in 1 round (1 above, 0 below); weights now in [2.500, 4]
 * }</pre>
 *
 * @param lower              the lower bound L
 * @param upper              the upper bound U
 * @param meanWeightBefore   the mean weight before trimming
 * @param rounds             rounds that found a weight outside [L, U]
 * @param aboveUpperBefore   weights above U before trimming
 * @param belowLowerBefore   weights below L before trimming
 * @param atUpperAfter       weights exactly equal to U after trimming
 * @param atLowerAfter       weights exactly equal to L after trimming
 * @param minWeightAfter     the smallest weight after trimming
 * @param maxWeightAfter     the largest weight after trimming
 * @param sumWeightsBefore   the weight total before
 * @param sumWeightsAfter    the weight total after (equal up to rounding)
 */
public record TrimDiagnostics(double lower, double upper, double meanWeightBefore, int rounds,
        int aboveUpperBefore, int belowLowerBefore, int atUpperAfter, int atLowerAfter,
        double minWeightAfter, double maxWeightAfter, double sumWeightsBefore, double sumWeightsAfter) {

    /** The bounds, the rounds, the weights outside before, and the range of the weights after; see the example above. */
    @Override
    public String toString() {
        return Format.f("trimmed to [%s, %s] in %d round%s (%d above, %d below); weights now in [%s, %s]",
                Format.num(lower), Format.num(upper), rounds, rounds == 1 ? "" : "s", aboveUpperBefore, belowLowerBefore,
                Format.num(minWeightAfter), Format.num(maxWeightAfter));
    }
}
