package io.github.peelmetrics.survey;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The 0-100 scores of a {@link LikertScale} for every respondent of a sample, in respondent
 * order; a respondent who answered too few items has no score.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScaleScores {

    private final LikertScale scale;
    private final double[] scores;
    private final int[] answered;

    ScaleScores(LikertScale scale, double[] scores, int[] answered) {
        this.scale = scale;
        this.scores = scores;
        this.answered = answered;
    }

    /** The scale. */
    public LikertScale scale() {
        return scale;
    }

    /** The number of respondents. */
    public int size() {
        return scores.length;
    }

    /** The score of respondent {@code i} (0-based), empty when too few items were answered. */
    public OptionalDouble score(int i) {
        double s = scores[Objects.checkIndex(i, scores.length)];
        return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** The number of the scale's items respondent {@code i} answered. */
    public int answered(int i) {
        return answered[Objects.checkIndex(i, answered.length)];
    }

    /** A copy of all scores as a numeric column, {@code NaN} where missing. */
    public double[] values() {
        return scores.clone();
    }

    /** The number of respondents with a score. */
    public int validCount() {
        int c = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                c++;
            }
        }
        return c;
    }

    /** The weighted sample with the scores added as a numeric variable named after the scale. */
    public WeightedSample addTo(WeightedSample weighted) {
        return weighted.withNumeric(scale.name(), scores);
    }

    /** For example {@code trust scores: 38 of 40 respondents scored}. */
    @Override
    public String toString() {
        return Text.f("%s scores: %d of %d respondents scored", scale.name(), validCount(), scores.length);
    }
}
