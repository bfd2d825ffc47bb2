package io.github.peelmetrics.survey;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random survey samples for the property tests, with the edge cases made on purpose:
 * one respondent per level, tied weights, weights spanning six orders of magnitude, missing
 * outcomes, and a margin level holding a single respondent.
 */
final class Gen {
    final SurveySample sample;
    final List<Margin> margins;
    final String[] vars;

    private Gen(SurveySample sample, List<Margin> margins, String[] vars) {
        this.sample = sample;
        this.margins = margins;
        this.vars = vars;
    }

    /** A sample with 1-3 categorical variables and margins that some positive weights meet exactly. */
    static Gen of(SplittableRandom r) {
        int nVars = Seeded.edgy(r, 1, 3);
        int[] levels = new int[nVars];
        int minN = 1;
        for (int v = 0; v < nVars; v++) {
            levels[v] = Seeded.edgy(r, 2, 5);
            minN = Math.max(minN, levels[v]);
        }
        int n = minN + Seeded.edgy(r, 0, 200);
        double[] w = weights(r, n);
        String[] vars = new String[nVars];
        SurveySample s = SurveySample.ofWeights(w);
        int[][] codes = new int[nVars][n];
        for (int v = 0; v < nVars; v++) {
            vars[v] = "v" + v;
            List<String> lv = new ArrayList<>();
            for (int k = 0; k < levels[v]; k++) {
                lv.add("L" + k);
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                // the first levels[v] respondents cover every level; the rest are skewed to level 0
                int c = i < levels[v] ? i : (r.nextInt(3) == 0 ? 0 : r.nextInt(levels[v]));
                codes[v][i] = c;
                values[i] = lv.get(c);
            }
            s = s.withFactor(vars[v], lv, values);
        }
        double[] y = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(20) == 0 ? Double.NaN : (r.nextDouble() < 0.3 + 0.1 * codes[0][i] ? 1 : 0);
            x[i] = r.nextInt(10) == 0 ? Double.NaN : 1 + r.nextInt(5);
        }
        s = s.withNumeric("y", y).withNumeric("x", x);
        // margins: totals of some positive "true" weights, so a raking solution exists
        double scale = Math.exp(r.nextDouble() * 10);
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            truth[i] = scale * (0.2 + r.nextDouble());
        }
        List<Margin> margins = new ArrayList<>();
        for (int v = 0; v < nVars; v++) {
            double[] t = new double[levels[v]];
            for (int i = 0; i < n; i++) {
                t[codes[v][i]] += truth[i];
            }
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0; k < levels[v]; k++) {
                m.put("L" + k, t[k]);
            }
            margins.add(Margin.of(vars[v], m));
        }
        return new Gen(s, margins, vars);
    }

    static double[] weights(SplittableRandom r, int n) {
        double[] w = new double[n];
        int kind = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0: w[i] = 1.0; break;                                   // all tied
                case 1: w[i] = Math.pow(10, r.nextDouble() * 6 - 3); break;  // 1e-3 .. 1e3
                case 2: w[i] = 1 + 3 * r.nextDouble(); break;                // like base_weight
                default: w[i] = 1 + r.nextInt(3); break;                     // a few ties
            }
        }
        return w;
    }
}
