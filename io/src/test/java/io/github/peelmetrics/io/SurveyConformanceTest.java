package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.testing.Conformance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The survey conformance respondents (R 4.2.2 read them with {@code read.csv(na.strings = "")})
 * read into {@link SurveyResponse} records with the same missing values, counts and weights as R
 * reported in each case's {@code expected.json}.
 */
class SurveyConformanceTest {

    static Stream<Path> cases() {
        return Conformance.caseFolders("survey");
    }

    private static final List<String> ITEMS = List.of("q1", "q2", "q3", "q4", "q5");

    private static List<SurveyResponse> read(Path dir) {
        Mapping<SurveyResponse> m = Mapping.generic(RecordType.SURVEY_RESPONSES); // the wave column is optional
        ReadResult<SurveyResponse> r = RecordReader.of(m).mode(ErrorMode.STRICT)
                .readCsv(dir.resolve("respondents.csv"));
        assertEquals(0, r.summary().rejected(), r.summary().toString());
        return r.records();
    }

    private static String firstLine(Path p) {
        try (var lines = Files.lines(p)) {
            return lines.findFirst().orElse("");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void respondentsReadWithTheMissingValuesRSaw(Path dir) {
        JsonNode expected = Conformance.json(dir.resolve("expected.json"));
        JsonNode summary = expected.path("data_summary");
        List<SurveyResponse> rs = read(dir);
        String where = dir.getFileName().toString();

        assertEquals(summary.path("n").asLong(), rs.size(), where + " n");
        boolean waves = List.of(firstLine(dir.resolve("respondents.csv")).split(",")).contains("wave");
        assertEquals(rs.size(), rs.stream().filter(r -> r.wave().isPresent() == waves).count(),
                where + ": a wave on every respondent exactly when the file has a wave column");
        assertEquals(summary.path("n_approve_nonmissing").asLong(),
                rs.stream().filter(r -> r.answer("approve").isPresent()).count(), where + " n_approve_nonmissing");
        assertEquals(summary.path("n_items_complete").asLong(),
                rs.stream().filter(r -> ITEMS.stream().allMatch(i -> r.answer(i).isPresent())).count(),
                where + " n_items_complete");
        assertEquals(summary.path("n_trust_valid").asLong(),
                rs.stream().filter(r -> answered(r) >= 3).count(), where + " n_trust_valid (>= 3 items answered)");

        JsonNode nAnswered = expected.path("trust").path("n_answered");
        assertEquals(rs.size(), nAnswered.size(), where + " trust.n_answered length");
        for (int i = 0; i < rs.size(); i++) {
            assertEquals(nAnswered.get(i).asInt(), answered(rs.get(i)), where + " trust.n_answered." + i
                    + " (respondent " + rs.get(i).id() + ")");
        }

        for (Iterator<Map.Entry<String, JsonNode>> vars = summary.path("counts").fields(); vars.hasNext(); ) {
            Map.Entry<String, JsonNode> var = vars.next();
            Map<String, Long> actual = new HashMap<>();
            for (SurveyResponse r : rs) {
                actual.merge(label(r, var.getKey()), 1L, Long::sum);
            }
            for (Iterator<Map.Entry<String, JsonNode>> lv = var.getValue().fields(); lv.hasNext(); ) {
                Map.Entry<String, JsonNode> level = lv.next();
                assertEquals(level.getValue().asLong(), actual.getOrDefault(level.getKey(), 0L),
                        where + " counts." + var.getKey() + "." + level.getKey() + " (read " + actual + ")");
            }
            assertEquals(var.getValue().size(), actual.size(), where + " levels of " + var.getKey() + ": " + actual);
        }

        JsonNode weights = expected.path("design").path("weights");
        assertEquals(rs.size(), weights.size(), where + " design.weights length");
        for (int i = 0; i < rs.size(); i++) {
            double e = weights.get(i).asDouble();
            assertTrue(Math.abs(rs.get(i).weight() - e) <= 1e-12 * Math.max(1, Math.abs(e)),
                    where + " design.weights." + i + ": expected " + e + ", read " + rs.get(i).weight());
        }
    }

    private static long answered(SurveyResponse r) {
        return ITEMS.stream().filter(i -> r.answer(i).isPresent()).count();
    }

    private static String label(SurveyResponse r, String variable) {
        switch (variable) {
            case "race": return r.demographics().race().label();
            case "sex": return r.demographics().sex().label();
            case "age_group": return r.demographics().ageGroup().label();
            default: return r.variable(variable).orElse("(none)");
        }
    }
}
