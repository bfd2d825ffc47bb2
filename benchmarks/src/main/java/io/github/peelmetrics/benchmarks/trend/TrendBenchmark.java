package io.github.peelmetrics.benchmarks.trend;

import io.github.peelmetrics.metrics.trend.MannKendall;
import io.github.peelmetrics.metrics.trend.SensSlope;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed targets of the trend issue, on one thread: Mann-Kendall with ties on 1,000,000
 * points under 1 s; Sen's slope with its interval on 100,000 points under 2 s.
 *
 * <p>{@code ties}: daily counts, Poisson-like integers around a slow trend (heavy ties, as
 * complaint or stop counts); {@code continuous}: rates with a trend and Gaussian noise (no ties).
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TrendBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrendBenchmark {

    /** The kind of series. */
    @Param({"ties", "continuous"})
    public String data;

    private double[] million;
    private double[] hundredThousand;

    /** Builds the series with a fixed seed. */
    @Setup
    public void setUp() {
        million = series(1_000_000, 11);
        hundredThousand = series(100_000, 12);
    }

    private double[] series(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = 20 + 5.0 * i / n;
            if (data.equals("ties")) {
                // a rough Poisson draw by inversion: integers 0..~50
                double u = r.nextDouble();
                int k = 0;
                double p = Math.exp(-mean);
                double c = p;
                while (u > c && k < 200) {
                    k++;
                    p *= mean / k;
                    c += p;
                }
                y[i] = k;
            } else {
                y[i] = mean + r.nextGaussian() * 3;
            }
        }
        return y;
    }

    /** Mann-Kendall S, Var(S) with ties, z and p on 1,000,000 points. */
    @Benchmark
    public MannKendall mannKendallMillion() {
        return MannKendall.testWithoutSlope(million);
    }

    /** Sen's slope with Gilbert's 95% interval and the intercept on 100,000 points. */
    @Benchmark
    public SensSlope sensSlopeHundredThousand() {
        return SensSlope.of(hundredThousand, 0.95);
    }

    /** Mann-Kendall with Sen's slope and interval on 100,000 points (the one-line report). */
    @Benchmark
    public MannKendall mannKendallWithSenHundredThousand() {
        return MannKendall.test(hundredThousand);
    }
}
