package io.github.peelmetrics.benchmarks.publish;

import io.github.peelmetrics.metrics.publish.CountTable;
import io.github.peelmetrics.metrics.publish.SuppressedTable;
import io.github.peelmetrics.metrics.publish.Suppression;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Suppressing and auditing stops by group (6 rows) and key (e.g. officer, or beat x month; 5,000
 * columns) with minimum count 11: primary cells, complementary cells until the audit passes, and
 * the exact audit (an interval for every hidden value) that travels with the table. Each key's
 * volume is drawn from a skewed distribution (most officers make few stops, a few make many), and
 * split over the groups by realistic shares, so that about a third of the cells are from 1 to 10.
 * {@code byKeyWithCityWide} also publishes the city-wide table by group with it.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SuppressionBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SuppressionBenchmark {

    /** How many keys (columns). */
    @Param({"5000"})
    public int keys;

    private CountTable byKey;
    private CountTable cityWide;
    private final Suppression suppression = Suppression.minimumCount(11);

    /** Builds the table once. */
    @Setup(Level.Trial)
    public void setUp() {
        byKey = table(new SplittableRandom(20261204), 6, keys);
        long[][] c = new long[6][1];
        for (int i = 0; i < 6; i++) {
            c[i][0] = byKey.rowTotal(i);
        }
        cityWide = CountTable.of("stops city-wide", byKey.rows(), List.of("all"), c);
    }

    /** Six groups by {@code keys} keys of skewed volume. */
    public static CountTable table(SplittableRandom r, int groups, int keys) {
        double[] share = {0.06, 0.25, 0.20, 0.42, 0.03, 0.04};
        long[][] c = new long[groups][keys];
        for (int j = 0; j < keys; j++) {
            double volume = Math.exp(2.5 + 1.4 * r.nextGaussian()); // median ~12 stops, long right tail
            for (int i = 0; i < groups; i++) {
                double mean = volume * share[i % share.length];
                // Poisson by inversion for small means, normal approximation above
                long x;
                if (mean < 30) {
                    double l = Math.exp(-mean);
                    double p = r.nextDouble();
                    x = 0;
                    double term = l;
                    double cum = term;
                    while (p > cum && x < 1000) {
                        x++;
                        term *= mean / x;
                        cum += term;
                    }
                } else {
                    x = Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
                }
                c[i][j] = x;
            }
        }
        return CountTable.of("stops", IntStream.range(0, groups).mapToObj(i -> "g" + i).toList(),
                IntStream.range(0, keys).mapToObj(j -> String.format("K%05d", j)).toList(), c);
    }

    /** Suppression with its audit, one table. */
    @Benchmark
    public SuppressedTable byKey() {
        return suppression.apply(byKey);
    }

    /** The by-key table and its city-wide table, suppressed and audited together. */
    @Benchmark
    public List<SuppressedTable> byKeyWithCityWide() {
        return suppression.apply(byKey, cityWide);
    }
}
