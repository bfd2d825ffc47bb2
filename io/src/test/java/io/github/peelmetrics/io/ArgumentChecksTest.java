package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings are checked as they are set, with messages that name the setting and the value. */
class ArgumentChecksTest {

    @Test
    void mappingSettingsNameTheBadValue() {
        assertEquals("column of field date must not be blank: \" \"", assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.STOPS).column("date", " ")).getMessage());
        assertEquals("constant of field wave must not be blank: \"\"", assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.SURVEY_RESPONSES).constant("wave", "")).getMessage());
        assertEquals("date format is not a valid pattern: \"yyyy-MM-dd{\"", assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.STOPS).dateFormats("yyyy-MM-dd{")).getMessage());
        String unknownKey = assertThrows(IllegalArgumentException.class,
                () -> Mapping.fromJson(RecordType.STOPS, "{\"colums\": {}}")).getMessage();
        assertEquals("mapping JSON: unknown key \"colums\" (did you mean \"columns\"?); the keys are: preset, zone, "
                + "items, attributes, columns, missing, unknown_values, date_formats, codebooks, constants", unknownKey);
        assertEquals("mapping JSON: unknown_values must be map_to_unknown, keep or reject: \"drop\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Mapping.fromJson(RecordType.STOPS, "{\"unknown_values\": \"drop\"}")).getMessage());
    }

    @Test
    void aReadExceptionKeepsItsRejectionThroughSerializationAndLookupsRefuseNull() throws Exception {
        ReadException e = new ReadException(new Rejection("s.csv", 3, "time", "25:10", "is not a valid time of day"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(e.rejection(), ((ReadException) in.readObject()).rejection());
        }
        assertThrows(NullPointerException.class, () -> Codebook.races().lookup(null));
    }

    @Test
    void summaryRefusesCountsThatDoNotReconcile() {
        assertEquals("read summary of f must have read = accepted + rejected, all non-negative: 3, 1, 1",
                assertThrows(IllegalArgumentException.class,
                        () -> new ReadSummary("f", 3, 1, 1, 1, Map.of(), List.of(), List.of())).getMessage());
    }

    @Test
    void surveyWriterNeedsItsItemColumns() {
        assertEquals("writing survey responses needs the item columns: set Mapping.items(...)",
                assertThrows(IllegalArgumentException.class, () -> RecordWriter.of(Mapping.generic(RecordType.SURVEY_RESPONSES)))
                        .getMessage());
        SurveyResponse r = SurveyResponse.builder("R-1").wave("2016").answer("q9", 3).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordWriter.of(Mapping.generic(RecordType.SURVEY_RESPONSES).items("q1"))
                        .writeCsv(Stream.of(r), new java.io.StringWriter()));
        assertEquals("respondent R-1 answers item q9, which is not among the mapping's items [q1]", e.getMessage());
    }

    @Test
    void filesAreReadByExtensionAndClosed(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("s.csv");
        Path jsonl = dir.resolve("s.jsonl");
        Files.writeString(csv, "stop_id,date,time\n1,2017-01-01,10:00\n", StandardCharsets.UTF_8);
        Files.writeString(jsonl, "{\"stop_id\": \"1\", \"date\": \"2017-01-01\", \"time\": \"10:00\"}\n",
                StandardCharsets.UTF_8);
        RecordReader<Stop> reader = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(ZoneId.of("UTC")));
        assertEquals(reader.read(csv).records(), reader.read(jsonl).records());
        try (RecordStream<Stop> s = reader.open(csv)) {
            assertEquals("1", s.next().id());
            assertEquals(false, s.hasNext());
            assertEquals(true, s.finished());
        }
        Files.delete(csv); // would fail on some systems if the file were still open
    }
}
