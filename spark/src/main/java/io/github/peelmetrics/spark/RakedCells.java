package io.github.peelmetrics.spark;

import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.RakeDiagnostics;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveySample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link SurveyCells} raked on the driver: the raking factor of each cell, the diagnostics, and
 * weighted means with R {@code survey}'s linearization standard errors after raking, computed from
 * the cells' sums alone (no respondent is held). The figures are those of
 * {@link io.github.peelmetrics.survey.WeightedSample#mean} and
 * {@link io.github.peelmetrics.survey.WeightedSample#meanBy} on the raked respondents, the same
 * formulas (the calibration residuals of {@code svyrecvar}'s ten passes, {@code n/(n−1)}), with the
 * squares of the influence values summed per cell instead of per respondent: equal to rounding
 * (relative differences around 1e-13). Immutable.
 */
public final class RakedCells {
    private final SurveyCells tally;
    private final List<List<String>> keys;
    private final List<double[]> stats;
    private final double[] g;
    private final double[][] factorAfter;
    private final int[][] levelOfCell;
    private final int[][] levelCount;
    private final int n;
    private final RakeDiagnostics diagnostics;

    private RakedCells(SurveyCells tally, List<List<String>> keys, List<double[]> stats, double[] g,
            double[][] factorAfter, int[][] levelOfCell, int[][] levelCount, int n, RakeDiagnostics diagnostics) {
        this.tally = tally;
        this.keys = keys;
        this.stats = stats;
        this.g = g;
        this.factorAfter = factorAfter;
        this.levelOfCell = levelOfCell;
        this.levelCount = levelCount;
        this.n = n;
        this.diagnostics = diagnostics;
    }

    static RakedCells of(SurveyCells tally, List<List<String>> keys, List<double[]> stats, Rake rake, RakeDiagnostics d,
            SurveySample pseudo) {
        int nc = keys.size();
        List<Margin> margins = rake.margins();
        int nm = margins.size();
        int[][] lev = new int[nm][nc];
        double[][] pop = new double[nm][];
        int[][] levelCount = new int[nm][];
        long total = 0;
        for (double[] s : stats) {
            total += (long) s[0];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalStateException("survey estimates count respondents in an int: " + total + " respondents");
        }
        for (int m = 0; m < nm; m++) {
            String var = margins.get(m).variable();
            int idx = tally.categoricals().indexOf(var);
            if (idx < 0) {
                throw new IllegalArgumentException("rake margin " + var + " is not a categorical variable of the cells: "
                        + tally.categoricals());
            }
            List<String> levels = pseudo.levels(var);
            Map<String, Integer> at = new HashMap<>();
            for (int h = 0; h < levels.size(); h++) {
                at.put(levels.get(h), h);
            }
            pop[m] = new double[levels.size()];
            levelCount[m] = new int[levels.size()];
            for (int h = 0; h < levels.size(); h++) {
                Double p = margins.get(m).totals().get(levels.get(h));
                pop[m][h] = p == null ? Double.NaN : p;
            }
            for (int c = 0; c < nc; c++) {
                lev[m][c] = at.get(keys.get(c).get(idx));
                levelCount[m][lev[m][c]] += (int) stats.get(c)[0];
            }
        }
        // the sweeps of Rake.fit, as many as it made, on the cells
        double[] g = new double[nc];
        java.util.Arrays.fill(g, 1.0);
        double[][] factorAfter = new double[nm][nc];
        for (int sweep = 0; sweep < d.sweeps(); sweep++) {
            for (int m = 0; m < nm; m++) {
                double[] s = new double[pop[m].length];
                for (int c = 0; c < nc; c++) {
                    s[lev[m][c]] += stats.get(c)[1] * g[c];
                }
                for (int h = 0; h < s.length; h++) {
                    s[h] = pop[m][h] / s[h];
                }
                for (int c = 0; c < nc; c++) {
                    g[c] *= s[lev[m][c]];
                    factorAfter[m][c] = g[c];
                }
            }
        }
        double sw = 0;
        double sw2 = 0;
        for (int c = 0; c < nc; c++) {
            sw += stats.get(c)[1] * g[c];
            sw2 += stats.get(c)[2] * g[c] * g[c];
        }
        RakeDiagnostics diag = new RakeDiagnostics(d.marginCount(), d.sweeps(), d.converged(), d.maxSweeps(),
                d.epsilon(), d.epsilonAbsolute(), d.cells(), d.deltas(), d.maxAbsoluteError(), d.maxRelativeError(),
                d.largestMarginError(), SurveyCells.kish((int) total, sw, sw2));
        return new RakedCells(tally, keys, stats, g, factorAfter, lev, levelCount, (int) total, diag);
    }

    /** The raking's diagnostics, with Kish's figures of the respondents' raked weights. */
    public RakeDiagnostics diagnostics() {
        return diagnostics;
    }

    /** The raked weight total per level of a categorical variable (as {@code WeightedSample.weightedTotals}). */
    public Map<String, Double> weightedTotals(String variable) {
        int idx = index(variable);
        Map<String, Double> out = new java.util.TreeMap<>();
        for (int c = 0; c < keys.size(); c++) {
            out.merge(keys.get(c).get(idx), stats.get(c)[1] * g[c], Double::sum);
        }
        return out;
    }

    private int index(String variable) {
        int idx = tally.categoricals().indexOf(variable);
        if (idx < 0) {
            throw new IllegalArgumentException("no categorical variable " + variable + " in the cells; held: "
                    + tally.categoricals());
        }
        return idx;
    }

    private int numeric(String variable) {
        int v = tally.numerics().indexOf(variable);
        if (v < 0) {
            throw new IllegalArgumentException("no numeric variable " + variable + " in the cells; held: "
                    + tally.numerics());
        }
        return v;
    }

    /**
     * The weighted mean of a numeric variable over the respondents who answered, with its standard
     * error after raking: {@link io.github.peelmetrics.survey.WeightedSample#mean}.
     *
     * @param variable the numeric variable
     * @return the mean
     * @throws IllegalArgumentException if the variable is not held
     */
    public SurveyMean mean(String variable) {
        return mean(numeric(variable), -1, null);
    }

    /**
     * Domain means by the levels of a categorical variable:
     * {@link io.github.peelmetrics.survey.WeightedSample#meanBy}; levels sorted.
     *
     * @param variable the numeric variable
     * @param domain   the categorical variable
     * @return the means
     * @throws IllegalArgumentException if a variable is not held
     */
    public DomainMeans meanBy(String variable, String domain) {
        int v = numeric(variable);
        int idx = index(domain);
        TreeSet<String> levels = new TreeSet<>();
        Map<String, Double> observed = new HashMap<>();
        for (int c = 0; c < keys.size(); c++) {
            String level = keys.get(c).get(idx);
            levels.add(level);
            observed.merge(level, stats.get(c)[3 + SurveyCells.PER_VARIABLE * v], Double::sum);
        }
        Map<String, SurveyMean> out = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (String level : levels) {
            if (observed.get(level) > 0) {
                out.put(level, mean(v, idx, level));
            } else {
                empty.add(level);
            }
        }
        return new DomainMeans(variable, domain, out, empty);
    }

    private SurveyMean mean(int v, int idx, String level) {
        int nc = keys.size();
        int o = 3 + SurveyCells.PER_VARIABLE * v;
        boolean[] in = new boolean[nc];
        long m = 0;
        int domainN = 0;
        double sw = 0;
        double swy = 0;
        double sw2 = 0;
        double total = 0;
        for (int c = 0; c < nc; c++) {
            double[] s = stats.get(c);
            total += s[1] * g[c];
            in[c] = idx < 0 || keys.get(c).get(idx).equals(level);
            if (in[c]) {
                domainN += (int) s[0];
                m += (long) s[o];
                sw += g[c] * s[o + 2];
                swy += g[c] * s[o + 3];
                sw2 += g[c] * g[c] * s[o + 5];
            }
        }
        String variable = tally.numerics().get(v);
        String subset = idx < 0 ? "all" : tally.categoricals().get(idx) + "=" + level;
        if (m == 0) {
            // rows: R's nrow(design) of a calibrated design's domain is the whole sample
            return new SurveyMean(variable, subset, Double.NaN, Double.NaN, 0, domainN, n, n, 0, total, 0, Double.NaN,
                    Double.NaN);
        }
        double mean = swy / sw;
        double ss = 0;
        double[] a = new double[nc];
        for (int c = 0; c < nc; c++) {
            if (in[c]) {
                double[] s = stats.get(c);
                ss += g[c] * (s[o + 4] - 2 * mean * s[o + 3] + mean * mean * s[o + 2]);
                a[c] = g[c] / sw * (s[o + 1] - mean * s[o]);
            }
        }
        // svyrecvar's calibration residuals after raking: RakeCalibration on the cells
        double[] k = new double[nc];
        int margins = factorAfter.length;
        for (int pass = 0; pass < 10; pass++) {
            for (int mm = 0; mm < margins; mm++) {
                double[] sums = new double[levelCount[mm].length];
                int[] lev = levelOfCell[mm];
                double[] f = factorAfter[mm];
                for (int c = 0; c < nc; c++) {
                    sums[lev[c]] += (a[c] - stats.get(c)[0] * k[c]) / f[c];
                }
                for (int h = 0; h < sums.length; h++) {
                    sums[h] = levelCount[mm][h] == 0 ? 0 : sums[h] / levelCount[mm][h];
                }
                for (int c = 0; c < nc; c++) {
                    k[c] += f[c] * sums[lev[c]];
                }
            }
        }
        double se1 = 0;
        double se2 = 0;
        for (int c = 0; c < nc; c++) {
            double[] s = stats.get(c);
            if (in[c]) {
                double u = g[c] / sw;
                se1 += u * (s[o + 3] - mean * s[o + 2]);
                se2 += u * u * (s[o + 7] - 2 * mean * s[o + 6] + mean * mean * s[o + 5])
                        - 2 * k[c] * u * (s[o + 6] - mean * s[o + 5]);
            }
            se1 -= k[c] * s[1];
            se2 += k[c] * k[c] * s[2];
        }
        double centred = se2 - se1 * se1 / n;
        double se = Math.sqrt(centred * n / (n - 1.0));
        double s2 = ss / sw * m / (m - 1.0);
        double var = se * se;
        double deff = var / (s2 * (sw - m) / (sw * m));
        double deffReplace = var / (s2 / m);
        return new SurveyMean(variable, subset, mean, se, (int) m, domainN, n, n, sw, total, sw * sw / sw2, deff,
                deffReplace);
    }

    /** The diagnostics, as {@code WeightedSample}'s toString gives them after raking. */
    @Override
    public String toString() {
        return diagnostics.toString();
    }
}
