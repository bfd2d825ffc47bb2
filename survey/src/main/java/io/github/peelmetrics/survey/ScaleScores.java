package io.github.peelmetrics.survey;

import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The 0-100 scores of a {@link LikertScale} for every respondent of a sample, in respondent
 * order; a respondent who answered too few items has no score ({@code NaN}).
 *
 * <pre>{@code
 * jshell> var s = SurveySample.ofWeights(new double[] {1, 1, 1}).withNumeric("a", new double[] {5, 1, Double.NaN}).withNumeric("b", new double[] {4, Double.NaN, Double.NaN})
 * SurveySample[n=3, categorical=[], numeric=[a, b]]
 * jshell> var scores = LikertScale.of("t", List.of("a", "b"), Set.of(), 1, 5, 1).scores(s)
 * t scores: 2 of 3 respondents scored
 * jshell> scores.scores()
 * [87.5, 0.0, NaN]
 * }</pre>
 *
 * @param scale    the scale
 * @param scores   each respondent's score in [0, 100], {@code NaN} where too few items were answered
 * @param answered the number of the scale's items each respondent answered
 * @param scored   the number of respondents with a score
 */
public record ScaleScores(LikertScale scale, List<Double> scores, List<Integer> answered, int scored) {

    /**
     * Validates and copies: one score and one answered count per respondent, scores NaN or in
     * [0, 100], counts in [0, items], and {@code scored} the number of scores.
     *
     * @throws IllegalArgumentException naming the field, the respondent and the value otherwise
     */
    public ScaleScores {
        Objects.requireNonNull(scale, "ScaleScores scale must not be null");
        scores = List.copyOf(scores);
        answered = List.copyOf(answered);
        if (scores.size() != answered.size()) {
            throw new IllegalArgumentException(Format.f("ScaleScores of %s: %d scores but %d answered counts",
                    scale.name(), scores.size(), answered.size()));
        }
        int count = 0;
        for (int i = 0; i < scores.size(); i++) {
            double s = scores.get(i);
            if (!Double.isNaN(s)) {
                count++;
                if (!(s >= 0 && s <= 100)) {
                    throw new IllegalArgumentException(Format.f("ScaleScores of %s: score of respondent %d must be in [0, 100]: %s",
                            scale.name(), i + 1, s));
                }
            }
            int a = answered.get(i);
            if (a < 0 || a > scale.items().size()) {
                throw new IllegalArgumentException(Format.f(
                        "ScaleScores of %s: answered count of respondent %d must be in [0, %d]: %d",
                        scale.name(), i + 1, scale.items().size(), a));
            }
        }
        if (scored != count) {
            throw new IllegalArgumentException(Format.f("ScaleScores of %s: scored is %d but %d respondents have a score",
                    scale.name(), scored, count));
        }
    }

    static ScaleScores of(LikertScale scale, double[] scores, int[] answered) {
        List<Double> s = new ArrayList<>(scores.length);
        List<Integer> a = new ArrayList<>(answered.length);
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            s.add(scores[i]);
            a.add(answered[i]);
            if (!Double.isNaN(scores[i])) {
                count++;
            }
        }
        return new ScaleScores(scale, s, a, count);
    }

    /** The number of respondents. */
    public int size() {
        return scores.size();
    }

    /** The score of respondent {@code i} (0-based), empty when too few items were answered. */
    public OptionalDouble score(int i) {
        double s = scores.get(Objects.checkIndex(i, scores.size()));
        return Double.isNaN(s) ? OptionalDouble.empty() : OptionalDouble.of(s);
    }

    /** The number of the scale's items respondent {@code i} (0-based) answered. */
    public int answered(int i) {
        return answered.get(Objects.checkIndex(i, answered.size()));
    }

    /** A copy of all scores as a numeric column, {@code NaN} where missing. */
    public double[] values() {
        double[] out = new double[scores.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scores.get(i);
        }
        return out;
    }

    /** The weighted sample with the scores added as a numeric variable named after the scale. */
    public WeightedSample addTo(WeightedSample weighted) {
        return weighted.withNumeric(scale.name(), values());
    }

    /** The scale, the respondents scored and all respondents, as in the example above. */
    @Override
    public String toString() {
        return Format.f("%s scores: %d of %d respondents scored", scale.name(), scored, scores.size());
    }
}
