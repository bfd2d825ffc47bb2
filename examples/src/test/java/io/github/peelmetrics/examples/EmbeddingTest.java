package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.metrics.publish.SuppressedTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding example: partitions merge to the one-pass tally, and the public table hides small cells. */
class EmbeddingTest {

    private final Embedding.DisparityService service = new Embedding.DisparityService(Embedding.residents(), Races.WHITE, 11);
    private final List<Stop> stops = Embedding.stopsFromOwnDatabase(4000, 2024);

    @Test
    void partitionsMergeToTheOnePassTally() {
        StopTally one = service.newTally();
        stops.forEach(one::add);
        StopTally a = service.newTally();
        StopTally b = service.newTally();
        StopTally c = service.newTally();
        for (int i = 0; i < stops.size(); i++) {
            (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(stops.get(i));
        }
        StopTally shipped = service.received(b.toByteArray()).merge(service.received(c.toByteArray()))
                .merge(service.received(a.toByteArray()));
        StopTally merged = a.merge(b).merge(c);
        assertEquals(one.cells(), merged.cells());
        assertEquals(service.table(one).toString(), service.table(merged).toString());
        assertArrayEquals(one.toByteArray(), shipped.toByteArray());
    }

    @Test
    void bytesAlteredOnTheWayAreRefused() {
        StopTally one = service.newTally();
        stops.forEach(one::add);
        byte[] bytes = one.toByteArray();
        bytes[bytes.length / 2] ^= 0x10;
        var e = assertThrows(TallyFormatException.class, () -> service.received(bytes));
        assertTrue(e.getMessage().contains("CRC32C mismatch"), e.getMessage());
        var cut = assertThrows(TallyFormatException.class,
                () -> service.received(Arrays.copyOf(one.toByteArray(), 100)));
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
    }

    @Test
    void publishedTableHidesEveryCellUnderTheMinimum() {
        StopTally all = service.newTally();
        stops.forEach(all::add);
        SuppressedTable t = service.publishable(all);
        int primary = 0;
        for (int i = 0; i < t.rows().size(); i++) {
            for (int j = 0; j < t.columns().size(); j++) {
                String beat = t.columns().get(j);
                String group = t.rows().get(i);
                long count = all.countsOrEmpty(Races.parse(group).orElseThrow(), beat).stops();
                if (count > 0 && count < 11) {
                    assertTrue(t.cell(i, j).isEmpty(), group + " in " + beat + " has " + count + " stops and was published");
                    primary++;
                }
                if (t.cell(i, j).isPresent()) {
                    assertEquals(count, t.cell(i, j).getAsLong());
                }
            }
        }
        assertTrue(primary > 0, "the example data has small cells to hide: " + t);
    }
}
