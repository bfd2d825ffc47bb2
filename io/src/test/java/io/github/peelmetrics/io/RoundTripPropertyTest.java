package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writing records and reading them back gives the same records, field for field, in CSV and in
 * JSON lines, for arbitrary records whose text holds quotes, commas, line breaks, formula
 * characters and non-ASCII.
 */
class RoundTripPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    private static final Mapping<Stop> STOPS = Mapping.generic(RecordType.STOPS).zone(Gen.ZONE);
    private static final Mapping<SurveyResponse> SURVEY = Mapping.generic(RecordType.SURVEY_RESPONSES).items(Gen.ITEMS.toArray(String[]::new))
            .attributes(Gen.ATTRIBUTES.toArray(String[]::new));

    private static <T> void roundTrip(Seeded seed, Function<SplittableRandom, T> gen, RecordWriter<T> writer,
            RecordReader<T> reader) {
        SplittableRandom r = seed.random();
        List<T> records = new ArrayList<>();
        int n = Seeded.edgy(r, 0, 30);
        for (int i = 0; i < n; i++) {
            records.add(gen.apply(r));
        }
        StringWriter csv = new StringWriter();
        writer.writeCsv(records.stream(), csv);
        ReadResult<T> back = reader.mode(ErrorMode.STRICT).readCsv(bytes(csv.toString()), "roundtrip.csv");
        assertSame(records, back.records(), seed + " CSV:\n" + csv);
        assertEquals(n, back.summary().records(), seed + " CSV records");
        assertEquals(0, back.summary().rejected(), seed + " CSV rejected");

        StringWriter jsonl = new StringWriter();
        writer.writeJsonLines(records.stream(), jsonl);
        ReadResult<T> backJson = reader.mode(ErrorMode.STRICT).readJsonLines(bytes(jsonl.toString()), "roundtrip.jsonl");
        assertSame(records, backJson.records(), seed + " JSON lines:\n" + jsonl);
    }

    private static <T> void assertSame(List<T> expected, List<T> actual, String where) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), where + "\nrecord " + i);
        }
        assertEquals(expected.size(), actual.size(), where + "\nnumber of records");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void stopsSurviveWriteThenRead(Seeded seed) {
        roundTrip(seed, Gen::stop, RecordWriter.of(STOPS), RecordReader.of(STOPS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void surveyResponsesSurviveWriteThenRead(Seeded seed) {
        roundTrip(seed, Gen::survey, RecordWriter.of(SURVEY), RecordReader.of(SURVEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void beatsSurviveWriteThenReadInLongFormat(Seeded seed) {
        int[] serial = {0};
        roundTrip(seed, r -> Gen.beat(r, serial[0]++), RecordWriter.of(Mapping.generic(RecordType.BEATS)),
                RecordReader.of(Mapping.generic(RecordType.BEATS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void complaintsSurviveWriteThenRead(Seeded seed) {
        roundTrip(seed, Gen::complaint, RecordWriter.of(Mapping.generic(RecordType.COMPLAINTS)),
                RecordReader.of(Mapping.generic(RecordType.COMPLAINTS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void officersAndAssignmentsSurviveWriteThenRead(Seeded seed) {
        roundTrip(seed, Gen::officer, RecordWriter.of(Mapping.generic(RecordType.OFFICERS)), RecordReader.of(Mapping.generic(RecordType.OFFICERS)));
        roundTrip(seed, Gen::assignment, RecordWriter.of(Mapping.generic(RecordType.ASSIGNMENTS)),
                RecordReader.of(Mapping.generic(RecordType.ASSIGNMENTS)));
    }
}
