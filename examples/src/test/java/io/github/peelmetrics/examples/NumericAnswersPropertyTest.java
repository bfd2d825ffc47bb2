package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.survey.CronbachAlpha;
import io.github.peelmetrics.survey.LikertScale;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.PostStratify;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.Scales;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Survey answers became doubles (0-100 scores beside Likert points): an integer answer read as a
 * double ({@code x -> x + 0.0}), written {@code 3} or {@code 3.0}, gives every statistic exactly as
 * before, and a 0-100 score flows through the same arithmetic. Each case builds one sample four
 * ways and asserts the results equal (record equality, bit for bit): from arrays of the integer
 * answers (the computation Peel did when answers were {@code Integer}), from records, from a CSV
 * written with integer cells, and from one written with decimal cells.
 */
class NumericAnswersPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    private static final List<String> RACES = List.of("black", "white", "hispanic");
    private static final List<String> LIKERT = List.of("approve", "q1", "q2", "q3", "q4", "q5");
    private static final List<String> SCORES = List.of("s1", "s2", "s3");
    private static final LikertScale SCORE_SCALE = LikertScale.of("respect", SCORES, Set.of("s3"), 0, 100, 2)
            .withAnswers(LikertScale.Answers.CONTINUOUS);

    /** The respondents: answers[i][item], NaN = missing; approve 0/1, q 1..5, s 0-100 with two decimals. */
    record Data(String[] race, double[] w, Map<String, double[]> answers) {
        static Data of(SplittableRandom r) {
            int n = Seeded.edgy(r, 1, 80);
            String[] race = new String[n];
            double[] w = new double[n];
            Map<String, double[]> answers = new LinkedHashMap<>();
            int races = Seeded.edgy(r, 1, RACES.size());
            boolean huge = r.nextInt(5) == 0;
            for (int i = 0; i < n; i++) {
                race[i] = RACES.get(r.nextInt(races));
                w[i] = huge && i == 0 ? 1e6 : switch (r.nextInt(3)) {
                    case 0 -> 1;
                    case 1 -> 1 + r.nextInt(4);
                    default -> 0.25 + 10 * r.nextDouble();
                };
            }
            for (String item : LIKERT) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = r.nextInt(8) == 0 ? Double.NaN
                            : item.equals("approve") ? r.nextInt(2) : 1 + r.nextInt(5);
                }
                answers.put(item, a);
            }
            for (String item : SCORES) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = r.nextInt(8) == 0 ? Double.NaN
                            : r.nextInt(4) == 0 ? r.nextInt(101) : Math.round(r.nextDouble() * 10000) / 100.0;
                }
                answers.put(item, a);
            }
            return new Data(race, w, answers);
        }

        /** The sample as Peel built it from Integer answers: {@code values[i] = a == null ? NaN : a}. */
        SurveySample fromArrays() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < w.length; i++) {
                ids.add("R-" + i);
            }
            SurveySample s = SurveySample.ofWeights(w).withIds(ids).withFactor("group", race);
            for (String item : new TreeSet<>(answers.keySet())) { // SurveySample.of adds items sorted
                double[] a = answers.get(item);
                if (java.util.Arrays.stream(a).anyMatch(x -> !Double.isNaN(x))) {
                    s = s.withNumeric(item, a);
                }
            }
            return s;
        }

        List<SurveyResponse> records() {
            List<SurveyResponse> out = new ArrayList<>();
            for (int i = 0; i < w.length; i++) {
                SurveyResponse.Builder b = SurveyResponse.builder("R-" + i).attribute("group", race[i]).weight(w[i]);
                for (Map.Entry<String, double[]> e : answers.entrySet()) {
                    double x = e.getValue()[i];
                    if (!Double.isNaN(x)) {
                        b.answer(e.getKey(), x + 0.0);
                    }
                }
                out.add(b.build());
            }
            return out;
        }

        /** A CSV of the answers, whole answers written as integers ({@code 3}) or as decimals ({@code 3.0}). */
        String csv(boolean decimals) {
            StringBuilder sb = new StringBuilder("respondent_id,group,base_weight," + String.join(",", answers.keySet()) + "\n");
            for (int i = 0; i < w.length; i++) {
                sb.append("R-").append(i).append(',').append(race[i]).append(',').append(w[i]);
                for (double[] a : answers.values()) {
                    double x = a[i];
                    sb.append(',').append(Double.isNaN(x) ? "" : decimals || x != Math.rint(x) ? Double.toString(x)
                            : Long.toString((long) x));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    private static final Mapping<SurveyResponse> MAPPING = Mapping.generic(RecordType.SURVEY_RESPONSES)
            .items(Stream.concat(LIKERT.stream(), SCORES.stream()).toArray(String[]::new))
            .attributes("group");

    private static SurveySample read(String csv) {
        List<SurveyResponse> rs = RecordReader.of(MAPPING).mode(ErrorMode.STRICT)
                .readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "answers.csv").records();
        return SurveySample.of(rs, "group");
    }

    /** The value, or the exception's class and message: an error must be the same error on every path. */
    private static Object outcome(Supplier<Object> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Every statistic of the survey module that reads answers, as one list of results. */
    private static List<Object> statistics(SurveySample s) {
        List<Object> out = new ArrayList<>();
        WeightedSample d = s.design();
        Map<String, Double> pop = new LinkedHashMap<>();
        for (String level : s.levels("group")) {
            pop.put(level, 100.0 * (level.length() + 1));
        }
        WeightedSample ps = PostStratify.to(Margin.of("group", pop)).fit(s);
        WeightedSample raked = Rake.to(Margin.of("group", pop)).fit(s);
        for (WeightedSample ws : List.of(d, ps, raked)) {
            for (String item : s.numericNames()) {
                out.add(ws.mean(item));
                out.add(outcome(() -> ws.meanBy(item, "group")));
                out.add(ws.kish(item));
            }
            out.add(outcome(() -> ws.mean("approve").interval(SurveyProportionMethod.LOGIT)));
            out.add(outcome(() -> ws.meanBy("approve", "group").interval(SurveyProportionMethod.BETA)));
            out.add(outcome(() -> Scales.topBoxShare(ws, "q1", 4)));
        }
        out.add(outcome(() -> Scales.TRUST.scores(s)));
        out.add(outcome(() -> Scales.TRUST.scores(s).addTo(ps).mean("trust")));
        out.add(outcome(() -> CronbachAlpha.of(Scales.TRUST, s)));
        out.add(outcome(() -> SCORE_SCALE.scores(s)));
        out.add(outcome(() -> SCORE_SCALE.scores(s).addTo(raked).meanBy("respect", "group")));
        out.add(outcome(() -> CronbachAlpha.of(SCORE_SCALE, s)));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void integerAnswersReadAsDoublesChangeNoStatistic(Seeded seed) {
        Data data = Data.of(seed.random());
        List<Object> expected = statistics(data.fromArrays());
        assertEquals(expected, statistics(SurveySample.of(data.records(), "group")), seed + " records");
        assertEquals(expected, statistics(read(data.csv(false))), seed + " CSV with integer cells:\n" + data.csv(false));
        assertEquals(expected, statistics(read(data.csv(true))), seed + " CSV with decimal cells:\n" + data.csv(true));
    }
}
