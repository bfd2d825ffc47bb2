package io.github.peelmetrics.benchmarks.io;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The reading thread's CPU time for {@link StopsCsvReadBenchmark}'s work, for a shared machine
 * where wall time is mostly waiting for a core: generates the same 1,000,000-row file, reads it
 * {@code args[0]} times (default 6; the first two are warm-up) and prints each read's CPU and wall
 * time, then the same for Jackson's tokens alone. Garbage collection runs on other threads and is
 * not in the CPU time.
 *
 * <pre>{@code
 * java -Xmx128m -cp benchmarks/target/benchmarks.jar io.github.peelmetrics.benchmarks.io.StopsCsvReadCpuTime
 * }</pre>
 */
public final class StopsCsvReadCpuTime {
    private StopsCsvReadCpuTime() {}

    /** Runs the reads; {@code args[0]} is the number of reads. */
    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        StopsCsvReadBenchmark b = new StopsCsvReadBenchmark();
        b.rows = 1_000_000;
        b.setUp();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try {
            for (int i = 0; i < reads; i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                long bytes = threads.getCurrentThreadAllocatedBytes();
                b.readIntoTally();
                print("readIntoTally", i, threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall, b.rows);
                System.out.printf(Locale.ROOT, "%22s %,6.0f bytes allocated per row%n", "",
                        (threads.getCurrentThreadAllocatedBytes() - bytes) / (double) b.rows);
            }
            for (int i = 0; i < 3; i++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                b.jacksonTokensOnly();
                print("jacksonTokensOnly", i, threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall, b.rows);
            }
        } finally {
            b.tearDown();
        }
    }

    private static void print(String what, int i, long cpuNanos, long wallNanos, int rows) {
        System.out.printf(Locale.ROOT, "%-18s %d: %,6d ms CPU  %,6d ms wall  %,9.0f rows per CPU-second%n", what, i,
                cpuNanos / 1_000_000, wallNanos / 1_000_000, rows / (cpuNanos / 1e9));
    }
}
