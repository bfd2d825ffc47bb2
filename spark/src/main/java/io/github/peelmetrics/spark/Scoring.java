package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.survey.LikertScale;
import java.util.List;
import java.util.TreeMap;

/**
 * A respondent's Likert scale scores, as {@link LikertScale#scores} computes them for a sample (the
 * same arithmetic in the same order, so the same doubles), added to their answers under each
 * scale's name: what {@link SparkSurvey#scoring} does to each respondent before the cells.
 */
final class Scoring {
    private Scoring() {}

    /**
     * The response with each scale's score among its answers (no answer where too few items were
     * answered: a missing score).
     *
     * @throws IllegalArgumentException if an answer is outside its scale's range (or not a whole
     *     point), or the response already has an answer named as a scale
     */
    static SurveyResponse score(List<LikertScale> scales, SurveyResponse r) {
        if (scales.isEmpty()) {
            return r;
        }
        TreeMap<String, Double> answers = new TreeMap<>(r.answers());
        for (LikertScale s : scales) {
            if (r.answers().containsKey(s.name())) {
                throw new IllegalArgumentException(Format.f(
                        "respondent %s has an answer named %s, the name of the scale scored into the cells", r.id(), s.name()));
            }
            double sum = 0;
            int a = 0;
            for (String item : s.items()) {
                Double x = r.answers().get(item);
                if (x != null) {
                    double v = x;
                    if (v < s.min() || v > s.max() || (s.answers() == LikertScale.Answers.WHOLE_POINTS && v != Math.rint(v))) {
                        throw new IllegalArgumentException(Format.f("answer of respondent %s to item %s of scale %s must be %s in [%d, %d]: %s",
                                r.id(), item, s.name(), s.answers() == LikertScale.Answers.WHOLE_POINTS ? "a whole number" : "a number",
                                s.min(), s.max(), v));
                    }
                    sum += s.recode(item, v);
                    a++;
                }
            }
            if (a >= s.minAnswered()) {
                answers.put(s.name(), (sum / a - s.min()) / (s.max() - s.min()) * 100);
            }
        }
        return new SurveyResponse(r.id(), r.wave(), r.date(), r.beat(), r.demographics(), r.attributes(), answers, r.weight());
    }
}
