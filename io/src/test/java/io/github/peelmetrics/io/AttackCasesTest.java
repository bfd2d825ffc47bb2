package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 18, each with an input just past a limit: a reader keeps its memory
 * bounded and says when it cut something, turns every bad cell into a rejection with its line,
 * and reads BOMs, duplicate headers and CR-only JSON lines as a user expects; the writer's round
 * trips hold in the repeated fall-back hour and for padded ids.
 */
class AttackCasesTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Mapping<Stop> STOPS = Mapping.generic(RecordType.STOPS).zone(CHICAGO);

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordReader<Stop> lenient() {
        return RecordReader.of(STOPS).mode(ErrorMode.LENIENT);
    }

    @Test
    void distinctUnknownValuesAreCountedButKeptOnlyUpToTheLimitAndTheSummarySaysTruncated() {
        int n = RecordStream.MAX_UNKNOWN_VALUES + 50;
        StringBuilder csv = new StringBuilder("stop_id,date,subject_race\n");
        for (int i = 0; i < n; i++) {
            csv.append(i).append(",2020-01-01,martian").append(i).append('\n');
        }
        ReadSummary s = lenient().readCsv(in(csv.toString()), "races.csv").summary();
        assertEquals(n, s.accepted());
        assertEquals(n, s.unknownCount("subject_race"), "every unknown value is counted");
        Map<String, Long> kept = s.unknownValues().get("subject_race");
        assertEquals(RecordStream.MAX_UNKNOWN_VALUES + 1, kept.size());
        assertEquals(50L, kept.get(ReadSummary.OTHER_VALUES));
        assertTrue(s.truncated());
        assertFalse(s.stoppedEarly());
        assertTrue(s.toString().contains("\n  TRUNCATED: "), s.toString());
    }

    @Test
    void longUnknownValuesAreCutAndTheirCharactersBounded() {
        String big = "x".repeat(600_000);
        StringBuilder csv = new StringBuilder("stop_id,date,subject_race\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(",2020-01-01,").append(i).append(big).append('\n');
        }
        ReadSummary s = lenient().readCsv(in(csv.toString()), "races.csv").summary();
        assertEquals(20, s.unknownCount("subject_race"));
        long chars = s.unknownValues().get("subject_race").keySet().stream().mapToLong(String::length).sum();
        assertTrue(chars <= 20 * (Rejection.MAX_VALUE_CHARS + 3), "kept " + chars + " characters");
    }

    @Test
    void keptRejectionsAreBoundedInCharactersAsWellAsInNumber() {
        String longId = "i".repeat(150_000); // quoted in a rejection's reason
        StringBuilder csv = new StringBuilder("stop_id,date,subject_age\n");
        int n = 200;
        for (int i = 0; i < n; i++) {
            csv.append(longId).append(i).append(",2020-01-01,old\n");
        }
        RecordStream<Stop> stream = lenient().openCsv(in(csv.toString()), "ids.csv");
        stream.stream().count();
        ReadSummary s = stream.summary();
        assertEquals(n, s.rejected());
        long chars = stream.rejections().stream().mapToLong(Rejection::chars).sum();
        assertTrue(chars <= RecordStream.MAX_KEPT_REJECTION_CHARS, chars + " characters kept");
        assertTrue(stream.rejections().stream().allMatch(r -> r.reason().length() <= Rejection.MAX_REASON_CHARS + 3
                && r.value().length() <= Rejection.MAX_VALUE_CHARS + 3));
        Rejection r = new Rejection("f", 1, "id", "v", "duplicates " + longId);
        assertEquals(Rejection.MAX_REASON_CHARS + 3, r.reason().length());
    }

    @Test
    void jsonLinesWithManyDistinctLongKeysStopAtTheKeyLimitAndRejectTheRest() {
        String key = "k".repeat(5_000);
        StringBuilder jsonl = new StringBuilder();
        int n = Limits.MAX_KEY_CHARS / 5_000 + 20;
        for (int i = 0; i < n; i++) {
            jsonl.append("{\"stop_id\":\"").append(i).append("\",\"date\":\"2020-01-01\",\"").append(key).append(i)
                    .append("\":1}\n");
        }
        RecordStream<Stop> stream = lenient().openJsonLines(in(jsonl.toString()), "keys.jsonl");
        stream.stream().count();
        ReadSummary s = stream.summary();
        assertEquals(n, s.read());
        assertTrue(s.rejected() >= 20, s.toString());
        assertTrue(stream.rejections().get(0).reason().contains("characters of keys"), stream.rejections().get(0).reason());
        assertFalse(Jackson.JSON.isEnabled(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES),
                "keys must not stay in the shared factory's name table");
        assertFalse(Jackson.JSON.isEnabled(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES));
    }

    @Test
    void surveyJsonLinesThatAddAKeyOnEveryLineReadInLinearTime() {
        StringBuilder jsonl = new StringBuilder();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            jsonl.append("{\"respondent_id\":\"r").append(i).append("\",\"wave\":\"1\",\"base_weight\":1,\"item")
                    .append(i).append("\":3}\n");
        }
        ReadResult<SurveyResponse> r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> RecordReader.of(
                Mapping.generic(RecordType.SURVEY_RESPONSES)).mode(ErrorMode.LENIENT)
                .readJsonLines(in(jsonl.toString()), "items.jsonl"));
        assertEquals(n, r.summary().accepted(), r.summary().toString());
        assertEquals(Map.of("item4999", 3.0), r.records().get(n - 1).answers());
    }

    @Test
    void anOutOfRangeDateTimeIsARejectionWithItsLineAndTheReadGoesOn() {
        String csv = "stop_id,datetime\n1,+999999999-12-31T23:59:59-18:00\n2,2020-01-01T10:00:00\n";
        ReadResult<Stop> r = lenient().readCsv(in(csv), "dt.csv");
        assertEquals(1, r.summary().accepted());
        Rejection x = r.rejections().get(0);
        assertEquals(List.of("dt.csv", 2L, "datetime"), List.of(x.source(), x.line(), x.field()));
        assertTrue(x.reason().startsWith("is out of the range of date-times"), x.reason());
        ReadException e = assertThrows(ReadException.class,
                () -> RecordReader.of(STOPS).mode(ErrorMode.STRICT).readCsv(in(csv), "dt.csv"));
        assertEquals(2, e.rejection().line());
    }

    @Test
    void aRowOfTooManyFieldsIsRejectedAndTheReadGoesOn() {
        StringBuilder csv = new StringBuilder("stop_id,date\n1,2020-01-01\n2");
        csv.append(",x".repeat(Limits.MAX_COLUMNS));
        csv.append("\n3,2020-01-02\n");
        ReadResult<Stop> r = lenient().readCsv(in(csv.toString()), "wide.csv");
        assertEquals(3, r.summary().read());
        assertEquals(2, r.summary().accepted());
        assertEquals(3L, r.rejections().get(0).line());
        assertTrue(r.rejections().get(0).reason().contains("more than " + Limits.MAX_COLUMNS + " fields"));
        assertFalse(r.summary().stoppedEarly());
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsSkipped() {
        String csv = "\uFEFF\"stop_id\",\"date\"\n7,2020-01-01\n";
        ReadResult<Stop> r = RecordReader.of(STOPS).mode(ErrorMode.STRICT).readCsv(in(csv), "bom.csv");
        assertEquals("7", r.records().get(0).id());
        String plain = "\uFEFFstop_id,date\n8,2020-01-01\n";
        assertEquals("8", RecordReader.of(STOPS).readCsv(in(plain), "bom.csv").records().get(0).id());
    }

    @Test
    void aHeaderThatNamesAColumnTwiceIsAnErrorNamingIt() {
        String csv = "stop_id,date,subject_race,date\n1,2020-01-01,white,2021-01-01\n";
        ReadException e = assertThrows(ReadException.class, () -> lenient().readCsv(in(csv), "dup.csv"));
        assertEquals("date", e.rejection().value());
        assertEquals(1, e.rejection().line());
        assertTrue(e.getMessage().contains("column 2 and column 4"), e.getMessage());
        // empty names may repeat (trailing commas): no field maps to them
        assertEquals(1, lenient().readCsv(in("stop_id,date,,\n1,2020-01-01,,\n"), "empty.csv").summary().accepted());
    }

    @Test
    void jsonLinesWithCarriageReturnLineEndsAreSeparateRecords() {
        String cr = "{\"stop_id\":\"1\",\"date\":\"2020-01-01\"}\r{\"stop_id\":\"2\",\"date\":\"2020-01-02\"}\r"
                + "{\"stop_id\":\"3\",\"date\":\"bad\"}\r\n{\"stop_id\":\"4\",\"date\":\"2020-01-04\"}";
        ReadResult<Stop> r = lenient().readJsonLines(in(cr), "cr.jsonl");
        assertEquals(4, r.summary().read(), r.summary().toString());
        assertEquals(List.of("1", "2", "4"), r.records().stream().map(Stop::id).toList());
        assertEquals(3L, r.rejections().get(0).line());
    }

    @Test
    void theWriterMarksATimeInTheRepeatedHourWithItsOffsetAndKeepsPaddedIdsAndBeats() {
        // of the two instants of 01:30 on a fall-back night, a stop holds the one it was given (the
        // later, CST -06:00, as its offset); the writer says which one it is, and the reader takes
        // the offset written, so the cell is never ambiguous and both round trip
        ZonedDateTime first = ZonedDateTime.of(LocalDateTime.of(2021, 11, 7, 1, 30), CHICAGO);
        ZonedDateTime second = first.withLaterOffsetAtOverlap();
        List<Stop> stops = List.of(Stop.builder(" a 1 ", first).beat(" B 2 ").build(),
                Stop.builder("a2", first.plusHours(2)).beat("B2").build(),
                Stop.builder("a3", second).build());
        assertEquals(java.util.Optional.empty(), stops.get(0).offset());
        assertEquals(java.util.Optional.of(java.time.ZoneOffset.ofHours(-6)), stops.get(2).offset());
        assertEquals(first.plusHours(1).toInstant(), stops.get(2).dateTime().orElseThrow().toInstant());
        StringWriter csv = new StringWriter();
        RecordWriter.of(STOPS).writeCsv(stops.stream(), csv);
        assertTrue(csv.toString().contains("\" a 1 \",2021-11-07,01:30:00-05:00,,,\" B 2 \","), csv.toString());
        assertTrue(csv.toString().contains("a2,2021-11-07,02:30:00,"), csv.toString());
        assertTrue(csv.toString().contains("a3,2021-11-07,01:30:00-06:00,"), csv.toString());
        List<Stop> back = RecordReader.of(STOPS).mode(ErrorMode.STRICT).readCsv(in(csv.toString()), "w.csv").records();
        assertEquals(stops, back);
        assertEquals(first.toInstant(), back.get(0).dateTime().orElseThrow().toInstant());
        assertEquals(second.toInstant(), back.get(2).dateTime().orElseThrow().toInstant());
        // a datetime cell with the later offset is held as such, and written back the same
        String dt = "stop_id,datetime\nd1,2021-11-07T01:30:00-06:00\nd2,2021-11-07T01:30:00-05:00\nd3,2021-11-07T01:30\n";
        List<Stop> read = RecordReader.of(STOPS).readCsv(in(dt), "dt.csv").records();
        assertEquals(List.of(second.toInstant(), first.toInstant(), first.toInstant()),
                read.stream().map(s -> s.dateTime().orElseThrow().toInstant()).toList());
        StringWriter again = new StringWriter();
        RecordWriter.of(STOPS).writeCsv(read.stream(), again);
        assertEquals(read, RecordReader.of(STOPS).readCsv(in(again.toString()), "again.csv").records());
        StringWriter jsonl = new StringWriter();
        RecordWriter.of(STOPS).writeJsonLines(stops.stream(), jsonl);
        assertEquals(stops, RecordReader.of(STOPS).mode(ErrorMode.STRICT).readJsonLines(in(jsonl.toString()), "w.jsonl")
                .records());
        // unquoted CSV cells are still stripped
        assertEquals("a3", RecordReader.of(STOPS).readCsv(in("stop_id,date\n a3 ,2020-01-01\n"), "s.csv").records()
                .get(0).id());
        // an offset the zone does not have at that time is a rejection, not a silent shift
        String wrong = "stop_id,date,time\n1,2021-11-07,01:30:00-07:00\n";
        assertTrue(lenient().readCsv(in(wrong), "w.csv").rejections().get(0).reason().contains("does not have"));
    }
}
