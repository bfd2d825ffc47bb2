package io.github.peelmetrics.benchmarks.survey;

import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Raking a million respondents to three margins (5 × 4 × 2 levels) to {@code epsilon = 1e-10}
 * (R's rule: relative to the design-weight total), and the weighted approval estimate with its
 * linearization standard error after raking, overall and by race.
 *
 * <p>Targets (issue 3): raking under 100 ms, the estimate with SE under 50 ms, on one core.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SurveyBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SurveyBenchmark {

    /** Respondents. */
    @Param({"1000000"})
    public int n;

    private SurveySample sample;
    private List<Margin> margins;
    private WeightedSample raked;

    /** A synthetic city: oversampled minorities, an old skew, base weights in [1, 4]. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(2026);
        String[] races = {"Black", "Hispanic", "White", "Asian", "Other"};
        double[] raceShare = {0.18, 0.16, 0.42, 0.13, 0.11};
        String[] ages = {"18-29", "30-44", "45-64", "65+"};
        double[] ageShare = {0.15, 0.22, 0.35, 0.28};
        String[] sexes = {"Female", "Male"};
        String[] race = new String[n];
        String[] age = new String[n];
        String[] sex = new String[n];
        double[] w = new double[n];
        double[] approve = new double[n];
        for (int i = 0; i < n; i++) {
            race[i] = races[pick(r, raceShare)];
            age[i] = ages[pick(r, ageShare)];
            sex[i] = sexes[r.nextDouble() < 0.56 ? 0 : 1];
            w[i] = 1 + 3 * r.nextDouble();
            approve[i] = r.nextDouble() < 0.03 ? Double.NaN : (r.nextDouble() < 0.55 ? 1 : 0);
        }
        sample = SurveySample.ofWeights(w)
                .withFactor("race", List.of(races), race)
                .withFactor("age_group", List.of(ages), age)
                .withFactor("sex", List.of(sexes), sex)
                .withNumeric("approve", approve);
        double population = 700_000;
        margins = new ArrayList<>();
        margins.add(margin("race", races, new double[] {0.075, 0.065, 0.655, 0.14, 0.065}, population));
        margins.add(margin("age_group", ages, new double[] {0.25, 0.29, 0.30, 0.16}, population));
        margins.add(margin("sex", sexes, new double[] {0.52, 0.48}, population));
        raked = rake();
    }

    private static int pick(SplittableRandom r, double[] shares) {
        double u = r.nextDouble();
        for (int k = 0; k < shares.length - 1; k++) {
            u -= shares[k];
            if (u < 0) {
                return k;
            }
        }
        return shares.length - 1;
    }

    private static Margin margin(String name, String[] levels, double[] shares, double population) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < levels.length; k++) {
            m.put(levels[k], shares[k] * population);
        }
        return Margin.of(name, m);
    }

    /** Raking to 1e-10 (R's relative rule). */
    @Benchmark
    public WeightedSample rake() {
        return Rake.to(margins).epsilon(1e-10).maxSweeps(1000).fit(sample);
    }

    /**
     * Raking held to exactly 50 sweeps (a tolerance it cannot reach): its allocation per operation
     * equals {@link #rake()}'s, which shows that no sweep allocates memory proportional to n.
     */
    @Benchmark
    public WeightedSample rakeFiftySweeps() {
        return Rake.to(margins).epsilon(Double.MIN_VALUE).maxSweeps(50).fit(sample);
    }

    /** Weighted approval with its standard error after raking (svymean). */
    @Benchmark
    public SurveyMean approvalWithSe() {
        return raked.mean("approve");
    }

    /** Approval by race, five domains (svyby). */
    @Benchmark
    public DomainMeans approvalByRace() {
        return raked.meanBy("approve", "race");
    }
}
