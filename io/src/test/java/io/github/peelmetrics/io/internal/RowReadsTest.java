package io.github.peelmetrics.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadException;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowReadsTest {
    static final String CSV = """
            raw_row_number,date,time,beat,subject_race,subject_age,search_conducted,outcome,lat,lng
            1,2015-01-01,00:03:52,B01,black,34,FALSE,warning,37.8,-122.2
            2,2015-13-01,00:04:40,B02,white,35,FALSE,citation,37.8,-122.2
            3,2015-01-02,,B02,hispanic,,TRUE,arrest,,
            4,2015-01-02,10:00:00,B03,white,abc,FALSE,warning,37.8,-122.2
            """;

    static RecordReader<Stop> reader(ErrorMode mode) {
        return RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago"))).mode(mode);
    }

    /** The CSV's rows as cells, an empty cell as null (as Spark's CSV reader gives them). */
    static List<String[]> rows() {
        List<String[]> out = new ArrayList<>();
        for (String line : CSV.strip().split("\n")) {
            String[] cells = line.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].isEmpty() ? null : cells[i];
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void pushedRowsReadAsTheCsvReaderReadsThem() {
        ReadResult<Stop> csv = reader(ErrorMode.LENIENT).readCsv(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "s");
        List<String[]> rows = rows();
        RowReads.Converter<Stop> c = RowReads.open(reader(ErrorMode.LENIENT), Arrays.asList(rows.get(0)), "s");
        List<Stop> stops = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            c.accept(r, stops::add);
        }
        assertEquals(csv.records(), stops);
        // rows are numbered from 1 (the CSV reader numbers file lines: the header is line 1)
        assertEquals(csv.summary().read(), c.summary().read());
        assertEquals(csv.summary().accepted(), c.summary().accepted());
        assertEquals(csv.summary().rejected(), c.summary().rejected());
        assertEquals(csv.summary().warnings(), c.summary().warnings());
        assertEquals(csv.summary().unknownValues(), c.summary().unknownValues());
        assertEquals(csv.rejections().size(), c.rejections().size());
        for (int i = 0; i < csv.rejections().size(); i++) {
            assertEquals(csv.rejections().get(i).line() - 1, c.rejections().get(i).line());
            assertEquals(csv.rejections().get(i).reason(), c.rejections().get(i).reason());
            assertEquals(csv.rejections().get(i).field(), c.rejections().get(i).field());
        }
        assertEquals(4, c.summary().read());
        assertEquals(c.summary().read(), c.summary().accepted() + c.summary().rejected());
    }

    @Test
    void strictModeThrowsTheFirstRejection() {
        List<String[]> rows = rows();
        RowReads.Converter<Stop> c = RowReads.open(reader(ErrorMode.STRICT), Arrays.asList(rows.get(0)), "s");
        c.accept(rows.get(1), s -> { });
        ReadException e = assertThrows(ReadException.class, () -> c.accept(rows.get(2), s -> { }));
        assertEquals(2, e.rejection().line());
    }

    @Test
    void columnsReadAreTheMappedOnesInHeaderOrder() {
        List<String> header = List.of("lat", "officer_id", "beat", "date", "unused", "subject_race");
        List<String> read = RowReads.columnsRead(reader(ErrorMode.LENIENT), header);
        // every mapped column is kept (a column the binder also looks at may be kept too), in header order
        assertEquals(true, read.containsAll(List.of("lat", "officer_id", "beat", "date", "subject_race")), read::toString);
        assertEquals(header.stream().filter(read::contains).toList(), read);
    }

    @Test
    void beatsCannotBeReadRowByRow() {
        assertThrows(IllegalArgumentException.class, () -> RowReads.open(RecordReader.of(Mapping.generic(RecordType.BEATS)),
                List.of("beat"), "b"));
    }
}
