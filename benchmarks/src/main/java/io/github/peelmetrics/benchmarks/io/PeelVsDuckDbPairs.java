package io.github.peelmetrics.benchmarks.io;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * {@link PeelVsDuckDbBenchmark}'s two reads taken in pairs, back to back in one JVM, for a shared
 * machine whose speed drifts within minutes: each round runs DuckDB then Peel
 * ({@link PeelVsDuckDbBenchmark#peelTally()}) and prints both wall times, their ratio, the process
 * CPU time of each (DuckDB's native threads included), Peel's garbage collections and the bytes it allocates
 * a row (Java heap, all threads). Generates
 * the file of {@code args[0]} rows (default 10,000,000) and runs {@code args[1]} rounds (default 6;
 * count the first two as warm-up).
 *
 * <pre>{@code
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.github.peelmetrics.benchmarks.io.PeelVsDuckDbPairs 10000000 6
 * }</pre>
 */
public final class PeelVsDuckDbPairs {
    private PeelVsDuckDbPairs() {}

    /** Runs the rounds; {@code args[0]} rows, {@code args[1]} rounds. */
    public static void main(String[] args) throws Exception {
        PeelVsDuckDbBenchmark b = new PeelVsDuckDbBenchmark();
        b.rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        b.setUp();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try {
            for (int i = 0; i < rounds; i++) {
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                b.duckDb();
                long duckWall = System.nanoTime() - wall;
                long duckCpu = os.getProcessCpuTime() - cpu;
                long gcs = gcCount();
                long gcMillis = gcMillis();
                long bytes = threads.getTotalThreadAllocatedBytes();
                cpu = os.getProcessCpuTime();
                wall = System.nanoTime();
                b.peelTally();
                long peelWall = System.nanoTime() - wall;
                long peelCpu = os.getProcessCpuTime() - cpu;
                long peelBytes = threads.getTotalThreadAllocatedBytes() - bytes;
                System.out.printf(Locale.ROOT, "round %d: DuckDB %,6d ms (CPU %,6d ms)  Peel %,6d ms (CPU %,6d ms, %d GCs"
                        + " %,d ms, %,d B/row)  Peel/DuckDB %.2f (CPU %.2f)  load %.2f%n", i, duckWall / 1_000_000,
                        duckCpu / 1_000_000, peelWall / 1_000_000, peelCpu / 1_000_000, gcCount() - gcs,
                        gcMillis() - gcMillis, peelBytes / b.rows, peelWall / (double) duckWall, peelCpu / (double) duckCpu,
                        os.getSystemLoadAverage());
            }
        } finally {
            b.tearDown();
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }
}
