package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.metrics.stops.StopTally;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * A measured run (not a test): the Spark path ({@link SparkStops} on Spark's CSV reader, local mode
 * on every core) against io's single-machine reader (a parallel stream on every core) on one large
 * generated stops file, both into a {@code StopTally} by race and beat. The file repeats the sample
 * city's 142,000 stops (fresh row numbers) up to the number of rows asked. Spark's start-up and a
 * first warm-up job are excluded; each path then runs {@code repeats} times and the best and median
 * are printed, with the driver's heap after a GC.
 *
 * <pre>{@code
 * java <spark flags> -cp <test class path> io.github.peelmetrics.spark.SparkThroughput 10000000 /tmp/stops-10m.csv 3
 * }</pre>
 */
public final class SparkThroughput {
    private SparkThroughput() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "1000000");
        Path file = Path.of(args.length > 1 ? args[1] : "/tmp/peel-stops-" + rows + ".csv");
        int repeats = Integer.parseInt(args.length > 2 ? args[2] : "3");
        boolean lines = args.length > 3 && args[3].equals("lines");
        if (!Files.exists(file)) {
            generate(LocalSpark.sample("stops.csv"), file, rows);
        }
        System.out.printf(Locale.ROOT, "%s: %d rows, %.0f MB; %d cores%n", file, rows, Files.size(file) / 1e6,
                Runtime.getRuntime().availableProcessors());

        double[] single = new double[repeats];
        double[] singleCpu = new double[repeats];
        double[] sparkCpu = new double[repeats];
        StopTally expected = null;
        for (int k = -1; k < repeats; k++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            StopTally t;
            try (RecordStream<Stop> s = RecordReader.of(SampleCity.stops()).openCsv(file)) {
                t = s.stream().parallel().collect(StopTally.collector(Stop::beat));
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpu() - c0) / 1e9;
            if (k >= 0) {
                single[k] = sec;
                singleCpu[k] = cpu;
            }
            expected = t;
            System.out.printf(Locale.ROOT, "single machine %s: %.2f s, %.2f M rows/s; %.2f s CPU, %.2f M rows per CPU-s%n",
                    k < 0 ? "(warm-up)" : "#" + k, sec, rows / sec / 1e6, cpu, rows / cpu / 1e6);
        }

        SparkSession spark = SparkSession.builder().master("local[*]").appName("peel-throughput")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        SparkStops agg = SparkStops.reading("stops", SampleCity::stops).keyedBy(Stop::beat);
        double[] onSpark = new double[repeats];
        try {
            for (int k = -1; k < repeats; k++) {
                long t0 = System.nanoTime();
                long c0 = cpu();
                SparkStops.Result r = lines ? agg.runCsvLines(spark, file.toString()) : agg.run(SparkCsv.read(spark, file.toString()));
                double sec = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpu() - c0) / 1e9;
                if (k >= 0) {
                    onSpark[k] = sec;
                    sparkCpu[k] = cpu;
                }
                if (r.read().read() != rows || !Arrays.equals(r.tally().toByteArray(), expected.toByteArray())) {
                    throw new IllegalStateException("Spark's tally differs from the single machine's: " + r.read());
                }
                System.out.printf(Locale.ROOT, "spark local[*] " + (lines ? "lines" : "csv") + " %s: %.2f s, %.2f M rows/s; %.2f s CPU, %.2f M rows per CPU-s "
                        + "(tally bytes identical)%n", k < 0 ? "(warm-up)" : "#" + k, sec, rows / sec / 1e6, cpu, rows / cpu / 1e6);
            }
        } finally {
            spark.stop();
        }
        System.gc();
        double bestSingle = Arrays.stream(single).min().orElseThrow();
        double bestSpark = Arrays.stream(onSpark).min().orElseThrow();
        System.out.printf(Locale.ROOT, "best: single machine %.2f M rows/s, Spark %.2f M rows/s: Spark at %.0f%%%n",
                rows / bestSingle / 1e6, rows / bestSpark / 1e6, 100 * bestSingle / bestSpark);
        double bestSingleCpu = Arrays.stream(singleCpu).min().orElseThrow();
        double bestSparkCpu = Arrays.stream(sparkCpu).min().orElseThrow();
        System.out.printf(Locale.ROOT, "best per CPU-second: single machine %.2f M rows, Spark %.2f M rows: Spark at %.0f%%%n",
                rows / bestSingleCpu / 1e6, rows / bestSparkCpu / 1e6, 100 * bestSingleCpu / bestSparkCpu);
        System.out.printf(Locale.ROOT, "driver heap after GC: %.0f MB used (max %.0f MB)%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** CPU time of this JVM (every thread, Spark's executor threads included in local mode), in ns. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The sample stops repeated (fresh row numbers in the first column) up to {@code rows} rows. */
    static void generate(Path sample, Path out, int rows) throws IOException {
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(lines.get(0));
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                String line = lines.get(1 + i % (lines.size() - 1));
                w.write(Integer.toString(i + 1));
                w.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                w.write('\n');
            }
        }
    }
}
