package io.github.peelmetrics.benchmarks.io;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopKey;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link PeelVsDuckDbBenchmark#peelTally()} alone, repeated on a file kept between runs, to compare
 * two builds of Peel back to back (run each build's jar in turn on the same file): prints each
 * read's wall and process CPU time, the bytes it allocates a row and the load average, and checks
 * that every read gives the same tally bytes. {@code args[0]} the file (written with the
 * benchmark's generator when absent), {@code args[1]} its rows (default 2,000,000),
 * {@code args[2]} the reads (default 6; count the first three as warm-up), {@code args[3]}
 * {@code stops} to key the tally by {@code Stop::beat} (a stop made of every row) instead of
 * {@link StopKey#BEAT} (each row's facts counted, no stop made).
 *
 * <pre>{@code
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.github.peelmetrics.benchmarks.io.PeelTallyRuns /tmp/stops2m.csv 2000000 6
 * }</pre>
 */
public final class PeelTallyRuns {
    private PeelTallyRuns() {}

    /** Runs the reads; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        boolean stops = args.length > 3 && args[3].equals("stops");
        if (!Files.exists(file)) {
            PeelVsDuckDbBenchmark.write(file, rows);
        }
        RecordReader<Stop> reader = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago")))
                .mode(ErrorMode.LENIENT);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] first = null;
        for (int i = 0; i < reads; i++) {
            long cpu = os.getProcessCpuTime();
            long bytes = threads.getTotalThreadAllocatedBytes();
            long wall = System.nanoTime();
            StopTally tally;
            try (RecordStream<Stop> s = reader.openCsv(file)) {
                tally = s.tally(stops ? StopTally.byRace(Stop::beat) : StopTally.byRace(StopKey.BEAT));
                if (s.summary().read() != rows || tally.count() != rows) {
                    throw new IllegalStateException("unexpected read: " + s.summary());
                }
            }
            wall = System.nanoTime() - wall;
            cpu = os.getProcessCpuTime() - cpu;
            bytes = threads.getTotalThreadAllocatedBytes() - bytes;
            byte[] b = tally.toByteArray();
            if (first == null) {
                first = b;
            } else if (!Arrays.equals(first, b)) {
                throw new IllegalStateException("read " + i + " gave other tally bytes");
            }
            System.out.printf(Locale.ROOT, "read %d: %,6d ms (CPU %,6d ms, %,d B/row)  load %.2f%n", i, wall / 1_000_000,
                    cpu / 1_000_000, bytes / rows, os.getSystemLoadAverage());
        }
    }
}
