package io.github.peelmetrics.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests of the weighting and the estimates; the seed is in each case's name. */
class SurveyPropertiesTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(300);
    }

    /** Relative closeness, with a floor of 1e-6 so that a value of exact 0 (a constant outcome) accepts rounding noise. */
    static void close(double expected, double actual, double rel, String what, Seeded s) {
        assertTrue(Math.abs(actual - expected) <= rel * Math.max(Math.abs(expected), 1e-6)
                        || (Double.isNaN(expected) && Double.isNaN(actual)),
                () -> s + " " + what + ": expected " + expected + ", got " + actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void rakedWeightsReproduceEveryMargin(Seeded s) {
        Gen g = Gen.of(s.random());
        WeightedSample rk = Rake.to(g.margins).strict().fit(g.sample);
        assertTrue(rk.rakeDiagnostics().orElseThrow().converged(), s + " strict raking converges");
        for (Margin m : g.margins) {
            Map<String, Double> got = rk.weightedTotals(m.variable());
            m.totals().forEach((level, total) -> close(total, got.get(level), 1e-9, m.variable() + "=" + level, s));
        }
        assertTrue(rk.rakeDiagnostics().orElseThrow().largestMarginError() <= 1e-9, s + " " + rk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void postStratifiedWeightsReproduceTheirMarginExactly(Seeded s) {
        Gen g = Gen.of(s.random());
        Margin m = g.margins.get(0);
        WeightedSample ps = PostStratify.to(m).fit(g.sample);
        Map<String, Double> got = ps.weightedTotals(m.variable());
        m.totals().forEach((level, total) -> close(total, got.get(level), 1e-14, m.variable() + "=" + level, s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void weightsScaleWithThePopulation(Seeded s) {
        SplittableRandom r = s.random();
        Gen g = Gen.of(r);
        double c = Math.exp(r.nextDouble() * 8 - 4);
        double two = Math.scalb(1.0, r.nextInt(41) - 20);
        WeightedSample ps = PostStratify.to(g.margins.get(0)).fit(g.sample);
        WeightedSample ps2 = PostStratify.to(scaled(g.margins.get(0), c)).fit(g.sample);
        // a fixed number of sweeps (the stopping rule compares changes with a tolerance that does not scale)
        Rake fixed = Rake.to(g.margins).epsilon(Double.MIN_VALUE).maxSweeps(30);
        WeightedSample rk = fixed.fit(g.sample);
        List<Margin> scaledMargins = new ArrayList<>();
        for (Margin m : g.margins) {
            scaledMargins.add(scaled(m, two));
        }
        WeightedSample rk2 = Rake.to(scaledMargins).epsilon(Double.MIN_VALUE).maxSweeps(30).fit(g.sample);
        assertEquals(rk.rakeDiagnostics().orElseThrow().sweeps(), rk2.rakeDiagnostics().orElseThrow().sweeps(), s + " sweeps");
        double[] a = ps.weights(), b = ps2.weights(), ra = rk.weights(), rb = rk2.weights();
        for (int i = 0; i < a.length; i++) {
            close(c * a[i], b[i], 1e-13, "post-stratified weight " + i, s);
            close(two * ra[i], rb[i], 1e-14, "raked weight " + i, s);
        }
        close(ps.mean("y").estimate(), ps2.mean("y").estimate(), 1e-12, "post-stratified mean", s);
        close(ps.mean("y").standardError(), ps2.mean("y").standardError(), 1e-9, "post-stratified se", s);
        close(rk.mean("y").estimate(), rk2.mean("y").estimate(), 1e-12, "raked mean", s);
        close(rk.mean("y").standardError(), rk2.mean("y").standardError(), 1e-9, "raked se", s);
    }

    static Margin scaled(Margin m, double c) {
        Map<String, Double> t = new LinkedHashMap<>();
        m.totals().forEach((k, v) -> t.put(k, v * c));
        return Margin.of(m.variable(), t);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void estimatesAreInvariantUnderPermutationOfRespondents(Seeded s) {
        SplittableRandom r = s.random();
        Gen g = Gen.of(r);
        int n = g.sample.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        SurveySample p = permute(g.sample, perm, g.vars);
        WeightedSample a = Rake.to(g.margins).strict().fit(g.sample);
        WeightedSample b = Rake.to(g.margins).strict().fit(p);
        double[] wa = a.weights(), wb = b.weights();
        for (int i = 0; i < n; i++) {
            close(wa[perm[i]], wb[i], 1e-10, "raked weight of respondent " + perm[i], s);
        }
        for (String v : List.of("y", "x")) {
            SurveyMean ma = a.mean(v), mb = b.mean(v);
            close(ma.estimate(), mb.estimate(), 1e-10, v + " mean", s);
            close(ma.standardError(), mb.standardError(), 1e-7, v + " se", s);
            DomainMeans da = a.meanBy(v, g.vars[0]), db = b.meanBy(v, g.vars[0]);
            for (String level : da.levels()) {
                close(da.get(level).orElseThrow().estimate(), db.get(level).orElseThrow().estimate(), 1e-10, v + " mean in " + level, s);
            }
        }
        close(a.kish().effectiveN(), b.kish().effectiveN(), 1e-10, "Kish n_eff", s);
    }

    static SurveySample permute(SurveySample s, int[] perm, String[] vars) {
        int n = s.size();
        double[] w = s.weights();
        double[] pw = new double[n];
        for (int i = 0; i < n; i++) {
            pw[i] = w[perm[i]];
        }
        SurveySample out = SurveySample.ofWeights(pw);
        for (String v : vars) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = s.level(v, perm[i]);
            }
            out = out.withFactor(v, s.levels(v), values);
        }
        for (String v : s.numericNames()) {
            double[] x = s.values(v);
            double[] px = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = x[perm[i]];
            }
            out = out.withNumeric(v, px);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void trimmingRespectsTheBoundsAndKeepsTheTotal(Seeded s) {
        SplittableRandom r = s.random();
        Gen g = Gen.of(r);
        WeightedSample rk = Rake.to(g.margins).fit(g.sample);
        double lo = 0.1 + 0.8 * r.nextDouble();
        double hi = 1.2 + 4 * r.nextDouble();
        WeightedSample tr = Trim.meanMultiples(lo, hi).fit(rk);
        TrimDiagnostics d = tr.trimDiagnostics().orElseThrow();
        double sum = 0;
        for (double w : tr.weights()) {
            assertTrue(w >= d.lower() && w <= d.upper(), s + " weight " + w + " outside " + d);
            sum += w;
        }
        close(rk.kish().sumWeights(), sum, 1e-12, "weight total", s);
        close(d.sumWeightsBefore(), d.sumWeightsAfter(), 1e-12, "reported weight total", s);
    }

    /**
     * The per-cell raking and its per-cell residual projection equal a row-by-row replica of R's
     * {@code rake()} loop and {@code svyrecvar} raking step.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void cellRakingEqualsARowByRowReplicaOfR(Seeded s) {
        Gen g = Gen.of(s.random());
        // R's rule with an absolute tolerance (epsilon >= 1) well above the rounding of the cell totals
        double eps = Math.max(1, 1e-11 * g.margins.get(0).total());
        WeightedSample rk = Rake.to(g.margins).epsilon(eps).maxSweeps(Rake.STRICT_MAX_SWEEPS).fit(g.sample);
        RowReplica replica = new RowReplica(g.sample, g.margins, eps, Rake.STRICT_MAX_SWEEPS);
        assertEquals(replica.sweeps, rk.rakeDiagnostics().orElseThrow().sweeps(), 1, s + " sweeps");
        double[] w = rk.weights();
        for (int i = 0; i < w.length; i++) {
            close(replica.w[i], w[i], 1e-11, "weight " + i, s);
        }
        for (String v : List.of("y", "x")) {
            close(replica.se(g.sample.values(v)), rk.mean(v).standardError(), 1e-8, v + " se", s);
        }
    }

    /** R's rake() and the raking branch of svyrecvar, row by row, as survey/README.md items 5-6 state them. */
    static final class RowReplica {
        final double[] w;
        final int sweeps;
        final List<double[]> gAfter = new ArrayList<>();
        final List<int[]> codes = new ArrayList<>();

        RowReplica(SurveySample sample, List<Margin> margins, double eps, int maxit) {
            int n = sample.size();
            w = sample.weights();
            for (Margin m : margins) {
                Factor f = sample.factor(m.variable());
                codes.add(f.codes);
                gAfter.add(new double[n]);
            }
            Map<String, Double> old = joint(sample, margins, w);
            int sweep = 0;
            while (sweep < maxit) {
                for (int k = 0; k < margins.size(); k++) {
                    Factor f = sample.factor(margins.get(k).variable());
                    double[] pop = margins.get(k).alignedTo(f);
                    double[] t = new double[f.levelCount()];
                    for (int i = 0; i < n; i++) {
                        t[f.codes[i]] += w[i];
                    }
                    for (int i = 0; i < n; i++) {
                        w[i] = w[i] * (pop[f.codes[i]] / t[f.codes[i]]);
                    }
                    System.arraycopy(w, 0, gAfter.get(k), 0, n);
                }
                sweep++;
                Map<String, Double> now = joint(sample, margins, w);
                double delta = 0;
                for (String key : now.keySet()) {
                    delta = Math.max(delta, Math.abs(now.get(key) - old.get(key)));
                }
                if (delta < eps) {
                    break;
                }
                old = now;
            }
            sweeps = sweep;
        }

        static Map<String, Double> joint(SurveySample s, List<Margin> margins, double[] w) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (int i = 0; i < w.length; i++) {
                StringBuilder key = new StringBuilder();
                for (Margin m : margins) {
                    key.append(s.level(m.variable(), i)).append('|');
                }
                t.merge(key.toString(), w[i], Double::sum);
            }
            return t;
        }

        static double sum(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s;
        }

        double se(double[] y) {
            int n = w.length;
            double sw = 0, swy = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(y[i])) {
                    sw += w[i];
                    swy += w[i] * y[i];
                }
            }
            double mean = swy / sw;
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                e[i] = Double.isNaN(y[i]) ? 0 : w[i] * (y[i] - mean) / sw;
            }
            for (int pass = 0; pass < 10; pass++) {
                for (int k = 0; k < codes.size(); k++) {
                    int[] c = codes.get(k);
                    double[] g = gAfter.get(k);
                    int levels = 0;
                    for (int v : c) {
                        levels = Math.max(levels, v + 1);
                    }
                    double[] sum = new double[levels];
                    int[] cnt = new int[levels];
                    for (int i = 0; i < n; i++) {
                        sum[c[i]] += e[i] / g[i];
                        cnt[c[i]]++;
                    }
                    for (int i = 0; i < n; i++) {
                        e[i] -= g[i] * (sum[c[i]] / cnt[c[i]]);
                    }
                }
            }
            return Math.sqrt(Linearization.centredSumOfSquares(e) * n / (n - 1.0));
        }
    }
}
