package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.TestResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
