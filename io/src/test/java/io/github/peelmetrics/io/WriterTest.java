package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.TestResult;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** JSON for result records, and CSV tables that a spreadsheet cannot run. */
class WriterTest {

    record Row(String group, long n, double rate, Optional<String> note, OptionalDouble ratio) {}

    @Test
    void resultRecordsSerializeWithoutAnnotationsAndOptionalsAsValueOrNull() {
        assertEquals("{\"statistic\":3.5,\"pValue\":\"NaN\",\"degreesOfFreedom\":null,\"method\":\"exact\"}",
                ResultJson.toJson(new TestResult(3.5, Double.NaN, OptionalDouble.empty(), "exact")));
        assertEquals("{\"group\":\"a\",\"n\":3,\"rate\":0.5,\"note\":\"x\",\"ratio\":2.0}",
                ResultJson.toJson(new Row("a", 3, 0.5, Optional.of("x"), OptionalDouble.of(2))));
        assertEquals("{\"black\":[1,2]}", ResultJson.toJson(Map.of(Races.BLACK, List.of(1, 2))));
        assertEquals("[\"2020-01-02\",\"black\"]", ResultJson.toJson(List.of(LocalDate.of(2020, 1, 2), Races.BLACK)));
        assertEquals("{\"lower\":0.1,\"upper\":0.9,\"method\":\"wilson\",\"level\":0.95}",
                ResultJson.toJson(new Interval(0.1, 0.9, "wilson", 0.95)));
    }

    /** A report whose rows hold a class that is not a result. */
    record Report(Table table) {}

    record Table(List<Counts> rows) {}

    record Counts(String group, Codebook counts) {}

    /** A record with a public method beside its components. */
    record Rate(long events, long exposure) {
        public double rate() {
            return (double) events / exposure;
        }
    }

    /** The smallest tally: counts strings, its result is a record. */
    static final class Words implements Tally<String, Words, Rate> {
        private long n;

        @Override
        public void add(String record) {
            n++;
        }

        @Override
        public Words merge(Words other) {
            n += other.n;
            return this;
        }

        @Override
        public Words copy() {
            Words w = new Words();
            w.n = n;
            return w;
        }

        @Override
        public byte[] toByteArray() {
            return new byte[0];
        }

        @Override
        public long count() {
            return n;
        }

        @Override
        public Rate result() {
            return new Rate(n, 10);
        }
    }

    @Test
    void aTypeThatIsNotAResultIsAnErrorNamingItsPathAndNothingIsWritten() {
        Report report = new Report(new Table(List.of(new Counts("black", Codebook.empty()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultJson.toJson(report));
        assertTrue(e.getMessage().startsWith("report.table.rows[0].counts: cannot write io.github.peelmetrics.io.Codebook "
                + "as JSON: ResultJson writes records (by their components), tallies (as their result), enums, "
                + "categories, java.util collections, maps and optionals, java.time values, numbers, strings and "
                + "booleans; a Peel result must be a record or a Tally"), e.getMessage());
        StringWriter out = new StringWriter();
        assertThrows(IllegalArgumentException.class, () -> ResultJson.write(report, out));
        assertEquals("", out.toString());
        assertThrows(IllegalArgumentException.class, () -> ResultJson.toPrettyJson(Map.of("x", List.of(new Object()))));
        assertEquals("result[x][0]: cannot write java.lang.Object as JSON: ResultJson writes records (by their "
                + "components), tallies (as their result), enums, categories, java.util collections, maps and optionals, "
                + "java.time values, numbers, strings and booleans", assertThrows(IllegalArgumentException.class,
                        () -> ResultJson.toJson(Map.of("x", List.of(new Object())))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultJson.toJson(Mapping.generic(RecordType.BEATS)))
                .getMessage().startsWith("mapping: cannot write io.github.peelmetrics.io.Mapping as JSON"));
        assertEquals("result: cannot write a map key of type java.lang.Object (keys are strings, categories, enum "
                + "constants, numbers, booleans and java.time values)", assertThrows(IllegalArgumentException.class,
                        () -> ResultJson.toJson(Map.of(new Object(), 1))).getMessage());
        Map<Object, Integer> twice = new LinkedHashMap<>();
        twice.put("black", 1);
        twice.put(Races.BLACK, 2);
        assertEquals("result: cannot write two keys of the map as \"black\" (the second is black)",
                assertThrows(IllegalArgumentException.class, () -> ResultJson.toJson(twice)).getMessage());
    }

    @Test
    void aTallyIsWrittenAsItsResultAndARecordByItsComponentsOnly() {
        Words w = new Words();
        w.add("a");
        w.add("b");
        assertEquals("{\"events\":2,\"exposure\":10}", ResultJson.toJson(w));
        assertEquals("{\"words\":{\"events\":2,\"exposure\":10}}", ResultJson.toJson(Map.of("words", w)));
        assertEquals(0.2, w.result().rate());
    }

    @Test
    void numbersOptionalsArraysTimesAndEnumsAreWrittenWhole() {
        record All(double nan, double inf, float f, OptionalDouble none, OptionalLong l, OptionalInt i,
                Optional<Optional<String>> nested, double[] xs, Flag flag, BigDecimal big, ZonedDateTime when,
                Duration d, char c) {}
        assertEquals("{\"nan\":\"NaN\",\"inf\":\"-Infinity\",\"f\":0.5,\"none\":null,\"l\":7,\"i\":null,"
                + "\"nested\":\"x\",\"xs\":[1.0,\"Infinity\"],\"flag\":\"YES\",\"big\":0.10,"
                + "\"when\":\"2020-01-02T03:04+01:00[Europe/Paris]\",\"d\":\"PT1H\",\"c\":\"z\"}",
                ResultJson.toJson(new All(Double.NaN, Double.NEGATIVE_INFINITY, 0.5f, OptionalDouble.empty(),
                        OptionalLong.of(7), OptionalInt.empty(), Optional.of(Optional.of("x")),
                        new double[] {1, Double.POSITIVE_INFINITY}, Flag.YES, new BigDecimal("0.10"),
                        ZonedDateTime.of(2020, 1, 2, 3, 4, 0, 0, ZoneId.of("Europe/Paris")), Duration.ofHours(1), 'z')));
        assertEquals("{\n  \"events\" : 1,\n  \"exposure\" : 2\n}", ResultJson.toPrettyJson(new Rate(1, 2)));
        List<Object> self = new ArrayList<>();
        self.add(self);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultJson.toJson(self)).getMessage()
                .endsWith("cannot write a value nested more than 100 levels deep (does it hold itself?)"));
    }

    @Test
    void csvTablesNeutraliseFormulasButKeepNumbers() {
        CsvTable t = CsvTable.ofRecords(Row.class, List.of(
                new Row("=HYPERLINK(\"http://x\")", 1, -0.5, Optional.of("+1"), OptionalDouble.empty()),
                new Row("@SUM(A1)", 2, 1e-7, Optional.of("-2"), OptionalDouble.of(-1)),
                new Row("\tx", 3, 0, Optional.of("\rcmd"), OptionalDouble.empty()),
                new Row("ok, \"quoted\"", 4, 2, Optional.empty(), OptionalDouble.empty())));
        assertEquals("group,n,rate,note,ratio\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",1,-0.5,\"'+1\",\n"
                + "\"'@SUM(A1)\",2,1.0E-7,\"'-2\",-1.0\n"
                + "\"'\tx\",3,0.0,\"'\rcmd\",\n"
                + "\"ok, \"\"quoted\"\"\",4,2.0,,\n", t.toCsv());
        assertThrows(IllegalArgumentException.class, () -> CsvTable.of(List.of("a", "b"), List.of(List.of(1))));
        record Local(String name) {}
        assertEquals("name\n\"'-x\"\n", CsvTable.ofRecords(Local.class, List.of(new Local("-x"))).toCsv());
    }
}
