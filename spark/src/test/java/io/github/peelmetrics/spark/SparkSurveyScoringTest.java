package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.survey.LikertScale;
import io.github.peelmetrics.survey.ScaleScores;
import io.github.peelmetrics.survey.Scales;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-respondent scores that {@link SparkSurvey#scoring} sums into the cells (no Spark needed). */
class SparkSurveyScoringTest {
    private static final LikertScale RESPECT = LikertScale.of("respect", List.of("r1", "r2"), Set.of("r2"), 0, 100, 1)
            .withAnswers(LikertScale.Answers.CONTINUOUS);

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    /** Each respondent's score is the double that {@link LikertScale#scores} gives for the sample, or absent where it is missing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void scoresAreTheSampleScoresBitForBit(Seeded s) {
        SplittableRandom r = s.random();
        List<SurveyResponse> responses = new ArrayList<>();
        for (int i = Seeded.edgy(r, 1, 60); i > 0; i--) {
            SurveyResponse.Builder b = SurveyResponse.builder("R-" + i).weight(0.5 + r.nextDouble());
            for (String q : Scales.TRUST.items()) {
                if (r.nextInt(4) > 0) {
                    b.answer(q, 1 + r.nextInt(5));
                }
            }
            for (String q : RESPECT.items()) {
                if (r.nextInt(3) > 0) {
                    b.answer(q, r.nextInt(3) == 0 ? 100 * r.nextInt(2) : r.nextDouble() * 100);
                }
            }
            responses.add(b.build());
        }
        SurveySample sample = SurveySample.of(responses);
        for (LikertScale scale : List.of(Scales.TRUST, RESPECT)) {
            boolean columns = scale.items().stream().allMatch(q -> responses.stream().anyMatch(x -> x.answers().containsKey(q)));
            if (!columns) {
                continue; // the sample lacks an item's column, which LikertScale.scores refuses (each respondent is scored alone)
            }
            ScaleScores e = scale.scores(sample);
            for (int i = 0; i < responses.size(); i++) {
                SurveyResponse scored = Scoring.score(List.of(Scales.TRUST, RESPECT), responses.get(i));
                Optional<Double> a = scored.answer(scale.name());
                String what = s + ": " + scale.name() + " of respondent " + responses.get(i).id();
                assertEquals(e.score(i).isPresent(), a.isPresent(), what);
                if (a.isPresent()) {
                    assertEquals(Double.doubleToLongBits(e.score(i).getAsDouble()), Double.doubleToLongBits(a.get()), what);
                }
            }
        }
    }

    @Test
    void outOfRangeAnswersAndNameClashesFailNamingTheRespondent() {
        SurveyResponse r = SurveyResponse.builder("R-7").answer("q1", 6).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scoring.score(List.of(Scales.TRUST), r));
        assertTrue(e.getMessage().contains("respondent R-7 to item q1 of scale trust"), e.getMessage());
        SurveyResponse clash = SurveyResponse.builder("R-8").answer("trust", 50).build();
        e = assertThrows(IllegalArgumentException.class, () -> Scoring.score(List.of(Scales.TRUST), clash));
        assertTrue(e.getMessage().contains("R-8 has an answer named trust"), e.getMessage());
    }

    @Test
    void aScaleMustBeScoredUnderANumericVariable() {
        SparkSurvey s = SparkSurvey.reading("survey", SampleCity::survey, SampleCity.RAKE_VARIABLES, SampleCity.ITEMS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.scoring(() -> List.of(Scales.TRUST)));
        assertTrue(e.getMessage().contains("scale trust is scored into the cells under its name"), e.getMessage());
        SparkSurvey undeclared = SparkSurvey.reading("survey",
                () -> io.github.peelmetrics.io.Mapping.generic(io.github.peelmetrics.io.RecordType.SURVEY_RESPONSES),
                SampleCity.RAKE_VARIABLES, List.of("trust"));
        e = assertThrows(IllegalArgumentException.class, () -> undeclared.scoring(() -> List.of(Scales.TRUST)));
        assertTrue(e.getMessage().contains("item q1 of scale trust is not among the items the mapping declares []"),
                e.getMessage());
    }
}
