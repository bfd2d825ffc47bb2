package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecordStream#tally} on the sample city: the tally's bytes, the summary and the rejections
 * are those of the record stream collected into the same tally, sequential and parallel, on the
 * file as bundled and with rows broken on purpose (lenient mode).
 */
class TallyReadTest {
    private static final RecordReader<Stop> READER = RecordReader.of(Mapping.openPolicing(RecordType.STOPS)
            .zone(ZoneId.of("America/Los_Angeles"))).mode(ErrorMode.LENIENT);

    @TempDir
    Path dir;

    @Test
    void aTallyReadCountsWhatTheRecordStreamGives() throws IOException {
        Path whole = SampleFile.STOPS.copyTo(dir);
        agree(whole);
        // every 97th row broken: a bad date, a bad flag, an unknown race, a short row
        String[] lines = Files.readString(whole, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder broken = new StringBuilder(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (i % 97 == 0 && !line.isEmpty()) {
                line = switch (i / 97 % 4) {
                    case 0 -> line.replaceFirst(",20(\\d\\d)-", ",20$1/");
                    case 1 -> line.replace("FALSE", "maybe");
                    case 2 -> line.replace("black", "purple");
                    default -> line.substring(0, line.lastIndexOf(','));
                };
            }
            broken.append(line).append(i + 1 < lines.length ? "\n" : "");
        }
        agree(Files.writeString(dir.resolve("broken.csv"), broken, StandardCharsets.UTF_8));
    }

    private static void agree(Path file) throws IOException {
        StopTally sequential;
        ReadSummary summary;
        try (RecordStream<Stop> s = READER.openCsv(Files.newInputStream(file), file.toString())) {
            sequential = s.stream().collect(StopTally.collector(Stop::beat));
            summary = s.summary();
        }
        try (RecordStream<Stop> s = READER.openCsv(file)) {
            StopTally parallel = s.stream().parallel().collect(StopTally.collector(Stop::beat));
            assertArrayEquals(sequential.toByteArray(), parallel.toByteArray(), file.toString());
            assertEquals(summary, s.summary());
        }
        try (RecordStream<Stop> s = READER.openCsv(file)) {
            StopTally counted = s.tally(StopTally.byRace(Stop::beat));
            assertArrayEquals(sequential.toByteArray(), counted.toByteArray(), file.toString());
            assertEquals(summary, s.summary());
            assertTrue(s.finished());
        }
        try (InputStream in = Files.newInputStream(file); RecordStream<Stop> s = READER.openCsv(in, file.toString())) {
            assertArrayEquals(sequential.toByteArray(), s.tally(StopTally.byRace(Stop::beat)).toByteArray());
            assertEquals(summary, s.summary());
        }
    }

    @Test
    void aTallyThatAlreadyHoldsStopsIsRefused() throws IOException {
        Path file = SampleFile.STOPS.copyTo(dir);
        StopTally full;
        try (RecordStream<Stop> s = READER.openCsv(file)) {
            full = s.tally(StopTally.byRace(Stop::beat));
        }
        try (RecordStream<Stop> s = READER.openCsv(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.tally(full));
            assertTrue(e.getMessage().contains("must be empty"), e.getMessage());
        }
    }
}
