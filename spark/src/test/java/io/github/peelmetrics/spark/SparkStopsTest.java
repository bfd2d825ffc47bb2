package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.io.Rejection;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkStopsTest {
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final GeoPoint CITY = GeoPoint.of(37.80, -122.27);

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    static Mapping<Stop> mapping() {
        return Mapping.openPolicing(RecordType.STOPS).zone(ZONE);
    }

    static SparkStops aggregator() {
        return SparkStops.reading("stops.csv", SparkStopsTest::mapping).keyedBy(Stop::beat)
                .veilOfDarkness(() -> VeilOfDarkness.at(CITY, ZONE, Races.BLACK));
    }

    @Test
    void sampleCityTalliesEqualTheSingleMachineTalliesByteForByte() {
        Path file = LocalSpark.sample("stops.csv");
        ReadResult<Stop> local = RecordReader.of(mapping()).readCsv(file);
        StopTally tally = local.records().parallelStream().collect(StopTally.collector(Stop::beat));
        VeilOfDarkness test = VeilOfDarkness.at(CITY, ZONE, Races.BLACK);
        VeilOfDarknessTally vod = test.tally();
        local.records().forEach(vod::add);

        SparkStops.Result r = aggregator().run(LocalSpark.csv(spark, file));

        assertEquals(local.summary().read(), r.read().read());
        assertEquals(local.summary().accepted(), r.read().accepted());
        assertEquals(0, r.read().rejected());
        assertEquals(local.summary().warnings(), r.read().summary().warnings());
        assertArrayEquals(tally.toByteArray(), r.tally().toByteArray());
        assertEquals(tally.toString(), r.tally().toString());
        assertArrayEquals(vod.toByteArray(), r.veilOfDarkness().orElseThrow().toByteArray());
        VeilOfDarknessResult expected = test.test(local.records());
        assertEquals(expected, r.veilOfDarkness().orElseThrow().result());
        assertEquals(expected.toString(), r.veilOfDarkness().orElseThrow().result().toString());
    }

    @Test
    void theCsvLinesFastPathGivesTheSameTalliesAndAccounting(@TempDir Path dir) throws IOException {
        Path file = LocalSpark.sample("stops.csv");
        ReadResult<Stop> local = RecordReader.of(mapping()).readCsv(file);
        StopTally tally = local.records().parallelStream().collect(StopTally.collector(Stop::beat));
        VeilOfDarknessTally vod = VeilOfDarkness.at(CITY, ZONE, Races.BLACK).tally();
        local.records().forEach(vod::add);
        SparkStops.Result r = aggregator().runCsvLines(spark, file.toString());
        assertEquals(local.summary().read(), r.read().read());
        assertEquals(local.summary().accepted(), r.read().accepted());
        assertEquals(local.summary().warnings(), r.read().summary().warnings());
        assertArrayEquals(tally.toByteArray(), r.tally().toByteArray());
        assertArrayEquals(vod.toByteArray(), r.veilOfDarkness().orElseThrow().toByteArray());

        // two files with the same header, one with bad rows, read leniently
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).subList(0, 2001);
        List<String> bad = new ArrayList<>(lines);
        bad.set(7, bad.get(7).replace(",2015-", ",20X5-"));
        Files.write(dir.resolve("a.csv"), lines, StandardCharsets.UTF_8);
        Files.write(dir.resolve("b.csv"), bad, StandardCharsets.UTF_8);
        ReadResult<Stop> a = RecordReader.of(mapping()).mode(ErrorMode.LENIENT).readCsv(dir.resolve("a.csv"));
        ReadResult<Stop> b = RecordReader.of(mapping()).mode(ErrorMode.LENIENT).readCsv(dir.resolve("b.csv"));
        SparkStops.Result both = aggregator().mode(ErrorMode.LENIENT).runCsvLines(spark, dir.toString());
        assertEquals(4000, both.read().read());
        assertEquals(a.summary().rejected() + b.summary().rejected(), both.read().rejected());
        StopTally t = StopTally.byRace(Stop::beat);
        a.records().forEach(t::add);
        b.records().forEach(t::add);
        assertArrayEquals(t.toByteArray(), both.tally().toByteArray());
    }

    @Test
    void lenientReadCountsEveryRowAndKeepsTheFirstRejectionsWithTheirPositions(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(LocalSpark.sample("stops.csv"), StandardCharsets.UTF_8).subList(0, 3001);
        List<String> bad = new ArrayList<>(lines);
        bad.set(10, bad.get(10).replace(",2015-", ",20X5-"));          // a date that is not one
        bad.set(500, bad.get(500).replaceFirst(",[0-9]+,(male|female)", ",abc,$1")); // an age that is not a number
        bad.set(2000, bad.get(2000).replace(",2015-", ",2015-13-"));    // month 13
        Path file = dir.resolve("bad.csv");
        Files.write(file, bad, StandardCharsets.UTF_8);

        ReadResult<Stop> local = RecordReader.of(mapping()).mode(ErrorMode.LENIENT).readCsv(file);
        SparkStops.Result r = aggregator().mode(ErrorMode.LENIENT).run(LocalSpark.csv(spark, file).repartition(3));

        ReadSummary s = r.read().summary();
        assertEquals(3000, s.read());
        assertEquals(local.summary().read(), s.read());
        assertEquals(local.summary().accepted(), s.accepted());
        assertEquals(local.summary().rejected(), s.rejected());
        assertEquals(s.read(), s.accepted() + s.rejected());
        assertTrue(s.rejected() >= 3, s::toString);
        Map<String, Long> byReason = new TreeMap<>();
        for (Rejection x : local.rejections()) {
            byReason.merge(x.field() + ": " + x.reason(), 1L, Long::sum);
        }
        assertEquals(byReason, r.read().rejectedByReason());
        assertEquals(local.rejections().size(), r.read().rejections().size());
        for (Rejection x : r.read().rejections()) {
            assertTrue(x.source().startsWith("stops.csv [partition "), x::toString);
            assertTrue(x.line() >= 1, x::toString);
        }
        StopTally tally = local.records().stream().collect(StopTally.collector(Stop::beat));
        assertArrayEquals(tally.toByteArray(), r.tally().toByteArray());
    }

    /**
     * Spark's CSV reader must give io's cells: an unquoted cell is stripped, a quoted one keeps its
     * spaces (the writer quotes ids and beats with surrounding spaces so that they round trip).
     */
    @Test
    void spacesAroundCellsAreReadAsIoReadsThem(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(LocalSpark.sample("stops.csv"), StandardCharsets.UTF_8)
                .subList(0, 401));
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            f[5] = i % 3 == 0 ? " " + f[5] + " " : i % 3 == 1 ? "\" " + f[5] + "\"" : f[5];   // beat
            f[7] = i % 2 == 0 ? "  " + f[7] : f[7];                                             // race
            lines.set(i, String.join(",", f));
        }
        Path file = dir.resolve("spaces.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ReadResult<Stop> local = RecordReader.of(mapping()).mode(ErrorMode.LENIENT).readCsv(file);
        assertEquals(400, local.summary().accepted(), local.summary()::toString);
        assertTrue(local.records().stream().anyMatch(s -> s.beat().startsWith(" ")), "quoted beats keep their spaces");
        StopTally tally = local.records().stream().collect(StopTally.collector(Stop::beat));
        SparkStops.Result r = aggregator().mode(ErrorMode.LENIENT).run(LocalSpark.csv(spark, file).repartition(2));
        assertEquals(local.summary().accepted(), r.read().accepted(), r.read()::toString);
        assertArrayEquals(tally.toByteArray(), r.tally().toByteArray());
    }

    /** A quoted cell over two lines is one cell, as io reads it, not two broken rows. */
    @Test
    void aQuotedLineBreakIsReadAsIoReadsIt(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(LocalSpark.sample("stops.csv"), StandardCharsets.UTF_8)
                .subList(0, 301));
        for (int i = 1; i < lines.size(); i += 7) {
            String[] f = lines.get(i).split(",", -1);
            f[12] = "\"" + f[12] + "\nsee narrative\"";   // reason_for_stop
            lines.set(i, String.join(",", f));
        }
        Path file = dir.resolve("multiline.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ReadResult<Stop> local = RecordReader.of(mapping()).readCsv(file);
        assertEquals(300, local.summary().accepted(), local.summary()::toString);
        StopTally tally = local.records().stream().collect(StopTally.collector(Stop::beat));
        SparkStops.Result r = aggregator().run(LocalSpark.csv(spark, file));
        assertEquals(300, r.read().read(), r.read()::toString);
        assertEquals(300, r.read().accepted(), r.read()::toString);
        assertArrayEquals(tally.toByteArray(), r.tally().toByteArray());
    }

    @Test
    void nullSpellingsReadAsBeatsAreWarnedAboutAsOnOneMachine(@TempDir Path dir) throws IOException {
        // Seattle's exports write NULL for a missing beat; the OPP preset reads it as a beat, and says so
        List<String> lines = new ArrayList<>(Files.readAllLines(LocalSpark.sample("stops.csv"), StandardCharsets.UTF_8)
                .subList(0, 3001));
        int beat = List.of(lines.get(0).split(",", -1)).indexOf("beat");
        String[] spellings = {"NULL", "-", "n/a", "NULL"};
        for (int i = 1; i < lines.size(); i += 97) {
            String[] cells = lines.get(i).split(",", -1);
            cells[beat] = spellings[i % spellings.length];
            lines.set(i, String.join(",", cells));
        }
        Path file = Files.write(dir.resolve("stops.csv"), lines, StandardCharsets.UTF_8);
        ReadResult<Stop> local = RecordReader.of(mapping()).readCsv(file);
        List<String> warned = local.summary().warnings().stream().filter(w -> w.contains("common spelling")).toList();
        assertEquals(3, warned.size(), local.summary().toString());
        assertTrue(warned.get(0).startsWith("WARNING beat holds \"-\""), warned.toString());
        assertEquals(local.summary().warnings(), aggregator().run(LocalSpark.csv(spark, file)).read().summary().warnings());
        assertEquals(local.summary().warnings(), aggregator().runCsvLines(spark, file.toString()).read().summary().warnings());
    }
}
