package io.github.peelmetrics.benchmarks.evaluation;

import io.github.peelmetrics.metrics.evaluation.EventStudy;
import io.github.peelmetrics.metrics.evaluation.PanelCount;
import io.github.peelmetrics.metrics.evaluation.PoissonDid;
import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed target of the program-evaluation issue: a 1,000-area × 120-month panel with area and
 * month fixed effects (1,120 coefficients) fitted with cluster-robust (by area) standard errors in
 * under 1 second. The whole {@link PoissonDid#fit} is timed: panel checks, IRLS with the effects
 * absorbed, Poisson, quasi-Poisson, HC0 and HC1 tables. {@code eventStudy} fits the event-study
 * form on the same panel (one dummy per event time present, 191 of them, besides the fixed effects).
 *
 * <p>Panel: populations 2,000-60,000, monthly rates about 3 per 1,000 with area and month effects;
 * 400 areas adopt in stages from month 24 to 96 with a true rate ratio of 0.9.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EvaluationBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluationBenchmark {

    private List<PanelCount> rows;
    private Map<String, Integer> adoption;

    /** Draws the panel with a fixed seed. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(17);
        int areas = 1000;
        int months = 120;
        double[] monthEffect = new double[months];
        for (int t = 0; t < months; t++) {
            monthEffect[t] = Math.exp(0.15 * Math.sin(2 * Math.PI * t / 12) + 0.05 * r.nextGaussian());
        }
        rows = new ArrayList<>(areas * months);
        adoption = new HashMap<>();
        for (int a = 0; a < areas; a++) {
            String area = String.format(Locale.ROOT, "A%04d", a);
            double pop = 2_000 + 58_000 * r.nextDouble();
            double areaEffect = Math.exp(0.4 * r.nextGaussian());
            int start = a < 400 ? 24 + 12 * (a % 7) : Integer.MAX_VALUE;
            if (start != Integer.MAX_VALUE) {
                adoption.put(area, start);
            }
            for (int t = 0; t < months; t++) {
                double mu = pop * 3e-3 * areaEffect * monthEffect[t] * (t >= start ? 0.9 : 1);
                rows.add(PanelCount.of(area, t, Seeded.poisson(r, mu), pop));
            }
        }
    }

    /** Poisson DiD with area and month effects and cluster-robust SEs, 120,000 cells. */
    @Benchmark
    public PoissonDid poissonDid() {
        return PoissonDid.fit(rows, adoption);
    }

    /** The event-study form on the same panel. */
    @Benchmark
    public EventStudy eventStudy() {
        return EventStudy.fit(rows, adoption);
    }
}
