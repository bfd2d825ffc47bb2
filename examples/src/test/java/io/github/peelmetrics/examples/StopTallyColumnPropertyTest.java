package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a column of an export does to the stop tally's figures (issue #13's properties, at the level
 * users read): a column no figure uses changes nothing, to the byte; removing the column(s) a figure
 * comes from makes that figure absent ("not recorded") in every group and beat, never 0 or 1, and
 * changes no other figure. Read from the first 4,000 stops of the bundled sample city.
 */
class StopTallyColumnPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(24);
    }

    private static final List<String> LINES = firstLines(4001);
    private static final List<String> HEADER = List.of(LINES.get(0).split(",", -1));

    /** Each figure by name. */
    private static final Map<String, Function<StopCounts, OptionalDouble>> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("searchRate", StopCounts::searchRate);
        FIGURES.put("hitRate", StopCounts::hitRate);
        FIGURES.put("arrestRate", StopCounts::arrestRate);
        FIGURES.put("citationRate", StopCounts::citationRate);
        FIGURES.put("warningRate", StopCounts::warningRate);
        FIGURES.put("searchedArrestRate", StopCounts::searchedArrestRate);
        FIGURES.put("forceRate", StopCounts::forceRate);
        FIGURES.put("forcePerArrest", StopCounts::forcePerArrest);
    }

    /**
     * Columns to remove and the figures that must become absent. A decision's own flag column goes
     * with the outcome column, which would otherwise stand in for it (an outcome code fills a flag the
     * export lacks).
     */
    private static final List<Map.Entry<Set<String>, Set<String>>> REMOVALS = List.of(
            Map.entry(Set.of("search_conducted"), Set.of("searchRate", "hitRate", "searchedArrestRate")),
            Map.entry(Set.of("contraband_found"), Set.of("hitRate")),
            Map.entry(Set.of("use_of_force"), Set.of("forceRate", "forcePerArrest")),
            Map.entry(Set.of("arrest_made", "outcome"), Set.of("arrestRate", "searchedArrestRate", "forcePerArrest")),
            Map.entry(Set.of("citation_issued", "outcome"), Set.of("citationRate")),
            Map.entry(Set.of("warning_issued", "outcome"), Set.of("warningRate")));

    private static List<String> firstLines(int n) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(SampleFile.STOPS.open(),
                StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null && out.size() < n; line = r.readLine()) {
                out.add(line);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StopTally tally(List<String> lines) {
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        List<Stop> stops = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(SampleCityData.ZONE))
                .readCsv(new ByteArrayInputStream(csv), "stops.csv").records();
        assertEquals(lines.size() - 1, stops.size(), "every stop read");
        return stops.stream().collect(StopTally.collector(Stop::beat));
    }

    /** The lines without the columns named. */
    private static List<String> without(Set<String> columns) {
        List<String> out = new ArrayList<>();
        for (String line : LINES) {
            String[] f = line.split(",", -1);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < f.length; i++) {
                if (!columns.contains(HEADER.get(i))) {
                    kept.add(f[i]);
                }
            }
            out.add(String.join(",", kept));
        }
        return out;
    }

    /** The lines with one more column, of random values, at a random position. */
    private static List<String> withExtraColumn(SplittableRandom r) {
        int at = r.nextInt(HEADER.size() + 1);
        String name = "extra_" + Integer.toString(r.nextInt(1 << 20), 36);
        String[] values = {"", "TRUE", "FALSE", "NA", "arrest", "black", "0", "3.5", "B01"};
        List<String> out = new ArrayList<>();
        for (int j = 0; j < LINES.size(); j++) {
            List<String> f = new ArrayList<>(List.of(LINES.get(j).split(",", -1)));
            f.add(at, j == 0 ? name : values[r.nextInt(values.length)]);
            out.add(String.join(",", f));
        }
        return out;
    }

    private static final StopTally FULL = tally(LINES);

    @ParameterizedTest
    @MethodSource("seeds")
    void aColumnNoFigureUsesChangesNothing(Seeded seed) {
        StopTally t = tally(withExtraColumn(seed.random()));
        assertEquals(FULL.result(), t.result());
        assertArrayEquals(FULL.toByteArray(), t.toByteArray());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void removingAColumnMakesItsFiguresAbsentAndNoOtherChanges(Seeded seed) {
        SplittableRandom r = seed.random();
        Map.Entry<Set<String>, Set<String>> removal = REMOVALS.get(r.nextInt(REMOVALS.size()));
        StopTable full = FULL.result();
        StopTable table = tally(without(removal.getKey())).result();
        assertEquals(full.groups(), table.groups());
        assertEquals(full.keys(), table.keys());
        int present = 0;
        for (String key : table.keys()) {
            for (Category g : table.groups()) {
                StopCounts before = full.counts(g, key);
                StopCounts after = table.counts(g, key);
                assertEquals(before.stops(), after.stops());
                for (Map.Entry<String, Function<StopCounts, OptionalDouble>> f : FIGURES.entrySet()) {
                    OptionalDouble a = f.getValue().apply(after);
                    String where = f.getKey() + " of " + g + " in " + key + " without " + removal.getKey();
                    if (removal.getValue().contains(f.getKey())) {
                        assertEquals(OptionalDouble.empty(), a, where + " must be not recorded");
                        present += f.getValue().apply(before).isPresent() ? 1 : 0;
                    } else {
                        assertEquals(f.getValue().apply(before), a, where + " must not change");
                    }
                }
            }
        }
        assertTrue(present > 0, "the removed figures were present with the column: " + removal);
    }
}
