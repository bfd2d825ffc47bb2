package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.SurveyResponse;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Survey files as agencies publish them: no wave column, or waves left blank; items on a 0-100
 * scale with decimals beside Likert points; a word where a number belongs.
 */
class SurveyItemsTest {

    private static final Mapping<SurveyResponse> TRUST = Mapping.generic(RecordType.SURVEY_RESPONSES)
            .items("trust", "safety");
    private static final Mapping<SurveyResponse> ONE = Mapping.generic(RecordType.SURVEY_RESPONSES).items("trust");

    private static ReadResult<SurveyResponse> csv(Mapping<SurveyResponse> m, ErrorMode mode, String text) {
        return RecordReader.of(m).mode(mode).readCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }

    private static ReadResult<SurveyResponse> jsonl(Mapping<SurveyResponse> m, ErrorMode mode, String text) {
        return RecordReader.of(m).mode(mode).readJsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.jsonl");
    }

    @Test
    void aFileWithoutAWaveColumnReadsWithNoWave() {
        ReadResult<SurveyResponse> r = csv(TRUST, ErrorMode.STRICT, "respondent_id,base_weight,trust,safety\nR1,1.5,72.5,100\nR2,2,0,\n");
        assertEquals(2, r.records().size());
        SurveyResponse r1 = r.records().get(0);
        assertEquals(Optional.empty(), r1.wave());
        assertEquals(Map.of("trust", 72.5, "safety", 100.0), r1.answers());
        assertEquals(Map.of("trust", 0.0), r.records().get(1).answers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.byWave(r.records()));
        assertTrue(e.getMessage().contains("respondent R1 (response 1 of 2) has no wave"), e.getMessage());
    }

    @Test
    void aBlankWaveCellLeavesThatRowWithoutAWave() {
        ReadResult<SurveyResponse> r = csv(ONE, ErrorMode.STRICT,
                "respondent_id,wave,base_weight,trust\nR1,2016,1,3\nR2,,1,4\nR3,  ,1,5\nR4,2017,1,\n");
        assertEquals(List.of(Optional.of("2016"), Optional.empty(), Optional.empty(), Optional.of("2017")),
                r.records().stream().map(SurveyResponse::wave).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurveyResponse.byWave(r.records()));
        assertTrue(e.getMessage().contains("respondent R2"), e.getMessage());
        ReadResult<SurveyResponse> j = jsonl(ONE, ErrorMode.STRICT,
                "{\"respondent_id\":\"R1\",\"wave\":\"2016\",\"base_weight\":1,\"trust\":3}\n"
                        + "{\"respondent_id\":\"R2\",\"base_weight\":1,\"trust\":72.5}\n"
                        + "{\"respondent_id\":\"R3\",\"wave\":\"\",\"base_weight\":1,\"trust\":\"72.5\"}\n");
        assertEquals(List.of(Optional.of("2016"), Optional.empty(), Optional.empty()),
                j.records().stream().map(SurveyResponse::wave).toList());
        assertEquals(List.of(3.0, 72.5, 72.5), j.records().stream().map(x -> x.answer("trust").orElseThrow()).toList());
    }

    @Test
    void aWordOrANonFiniteNumberInAnItemIsARejectionNamingLineFieldAndValue() {
        ReadResult<SurveyResponse> r = csv(ONE.column("trust", "q_trust"), ErrorMode.LENIENT,
                "respondent_id,base_weight,q_trust\nR1,1,72.5\nR2,1,high\nR3,1,NaN\nR4,1,1e999\nR5,1,Infinity\nR6,1,3.0\n");
        assertEquals(List.of("R1", "R6"), r.records().stream().map(SurveyResponse::id).toList());
        assertEquals(Optional.of(3.0), r.records().get(1).answer("trust"));
        assertEquals(List.of(
                new Rejection("s.csv", 3, "q_trust", "high", "is not a decimal number"),
                new Rejection("s.csv", 4, "q_trust", "NaN", "is not a decimal number"),
                new Rejection("s.csv", 5, "q_trust", "1e999", "is not a finite number"),
                new Rejection("s.csv", 6, "q_trust", "Infinity", "is not a decimal number")), r.rejections());
        assertEquals(6, r.summary().read());
        ReadException e = assertThrows(ReadException.class, () -> csv(ONE, ErrorMode.STRICT,
                "respondent_id,base_weight,trust\nR1,1,72.5\nR2,1,high\n"));
        assertEquals("s.csv line 3: trust \"high\" is not a decimal number", e.rejection().toString());
        ReadResult<SurveyResponse> j = jsonl(ONE, ErrorMode.LENIENT, "{\"respondent_id\":\"R1\",\"base_weight\":1,\"trust\":\"high\"}\n");
        assertEquals(List.of(new Rejection("s.jsonl", 1, "trust", "high", "is not a decimal number")), j.rejections());
    }

    @Test
    void zeroToHundredScoresRoundTripAndWholeAnswersAreWrittenAsIntegers() {
        String file = "respondent_id,wave,date,race,age_group,sex,beat,trust,safety,base_weight\n"
                + "R1,,,,,,,72.5,100,1.0\n"
                + "R2,2016,,,,,,33.333333333333336,0,2.5\n"
                + "R3,,,,,,,3,,1.0\n"
                + "R4,,,,,,,1.0E-5,-12.25,1.0\n";
        ReadResult<SurveyResponse> r = csv(TRUST, ErrorMode.STRICT, file);
        assertEquals(List.of(100.0 / 3), List.of(r.records().get(1).answer("trust").orElseThrow()));
        StringWriter out = new StringWriter();
        RecordWriter.of(TRUST).writeCsv(r.records().stream(), out);
        assertEquals(file, out.toString().replace("\r\n", "\n"));

        StringWriter json = new StringWriter();
        RecordWriter.of(TRUST).writeJsonLines(r.records().stream(), json);
        assertTrue(json.toString().startsWith("{\"respondent_id\":\"R1\",\"trust\":\"72.5\",\"safety\":\"100\",\"base_weight\":\"1.0\"}\n"),
                json.toString());
        assertEquals(r.records(), jsonl(TRUST, ErrorMode.STRICT, json.toString()).records());
    }
}
