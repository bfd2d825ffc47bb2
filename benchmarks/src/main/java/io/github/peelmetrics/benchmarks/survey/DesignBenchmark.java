package io.github.peelmetrics.benchmarks.survey;

import io.github.peelmetrics.survey.design.DesignEstimate;
import io.github.peelmetrics.survey.design.ReplicateDesign;
import io.github.peelmetrics.survey.design.ReplicateType;
import java.util.ArrayList;
import io.github.peelmetrics.survey.design.SurveyDesign;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The linearization standard error of a weighted approval proportion on a stratified cluster design
 * of a million respondents: 50 strata (beats), 20 sampled blocks each from populations of 200
 * (fpc), 1,000 respondents per block, 3 % missing answers; also the Black domain on the full design.
 *
 * Also the replicate SE over 80 replicate-weight columns of the same million.
 *
 * <p>Targets (issue 16): linearization under 100 ms, replicates under 200 ms.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar DesignBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DesignBenchmark {

    /** Respondents. */
    @Param({"1000000"})
    public int n;

    private SurveyDesign design;
    private SurveyDesign black;
    private ReplicateDesign replicates;

    /** The design, built once. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(2026);
        String[] races = {"Black", "Hispanic", "White", "Asian", "Other"};
        String[] strata = new String[n];
        String[] blocks = new String[n];
        double[] fpc = new double[n];
        double[] w = new double[n];
        double[] approve = new double[n];
        String[] race = new String[n];
        int perBlock = Math.max(1, n / 1000);
        for (int i = 0; i < n; i++) {
            int block = Math.min(i / perBlock, 999);
            strata[i] = "B" + block / 20;
            blocks[i] = Integer.toString(block % 20);
            fpc[i] = 200;
            w[i] = 1 + 3 * r.nextDouble();
            approve[i] = r.nextDouble() < 0.03 ? Double.NaN : (r.nextDouble() < 0.5 + (block % 7) * 0.02 ? 1 : 0);
            race[i] = races[r.nextInt(races.length)];
        }
        design = SurveyDesign.builder(n).weights(w).strata(strata).cluster(blocks, fpc).nest()
                .numeric("approve", approve).factor("race", List.of(races), race).build();
        black = design.subset("race", "Black");
        List<double[]> columns = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = w[i] * (0.5 + r.nextDouble());
            }
            columns.add(c);
        }
        replicates = ReplicateDesign.ofColumns(SurveyDesign.builder(n).weights(w).numeric("approve", approve).build(),
                columns, ReplicateType.SUCCESSIVE_DIFFERENCE);
    }

    /** The approval proportion with its replicate SE over 80 replicate-weight columns. */
    @Benchmark
    public DesignEstimate approvalWithReplicateSe() {
        return replicates.mean("approve");
    }

    /** The approval proportion with its stratified cluster SE. */
    @Benchmark
    public DesignEstimate approvalWithDesignSe() {
        return design.mean("approve");
    }

    /** The same in the Black domain, on the full design. */
    @Benchmark
    public DesignEstimate blackApprovalWithDesignSe() {
        return black.mean("approve");
    }
}
