package io.github.peelmetrics.survey.design;

import java.util.ArrayList;
import java.util.List;

/**
 * R {@code survey}'s recursive multistage linearization variance ({@code svyrecvar},
 * {@code multistage}, {@code onestage}, {@code onestrat}; survey 4.1-1) of k influence columns.
 */
final class Variance {
    private Variance() {}

    /** The k×k covariance of the influence columns {@code z[k][n]} over the rows used. */
    static double[][] of(SurveyDesign d, double[][] z, int[] rows) {
        if (d.calibrations.isEmpty()) {
            return multistage(d, z, rows, 0);
        }
        // R keeps every row of a calibrated design (zero weight outside a domain): residuals over all rows
        double[][] e = new double[z.length][];
        for (int a = 0; a < z.length; a++) {
            e[a] = z[a].clone();
            for (Calibrations.Residuals c : d.calibrations) {
                c.adjust(e[a]);
            }
        }
        return multistage(d, e, java.util.stream.IntStream.range(0, d.n).toArray(), 0);
    }

    private static double[][] multistage(SurveyDesign d, double[][] z, int[] rows, int stage) {
        double[][] v = onestage(d, z, rows, stage);
        if (!d.ultimateCluster && d.population != null && stage + 1 < d.stages) {
            for (int[] group : groups(rows, d.unit[stage])) {
                int r0 = group[0];
                double mult = d.sampled[stage][r0] / d.population[stage][r0];
                double[][] sub = multistage(d, z, group, stage + 1);
                add(v, sub, mult);
            }
        }
        return v;
    }

    private static void add(double[][] v, double[][] s, double mult) {
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                v[a][b] += s[a][b] * mult;
            }
        }
    }

    /**
     * Rows grouped by key (dense non-negative ints), groups in order of first appearance, rows in
     * their order: a counting sort, no boxing.
     */
    static List<int[]> groups(int[] rows, int[] key) {
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (int i : rows) {
            min = Math.min(min, key[i]);
            max = Math.max(max, key[i]);
        }
        if (rows.length == 0) {
            return List.of();
        }
        if ((long) max - min + 1 > 4L * rows.length + 64) {
            return sparseGroups(rows, key);
        }
        int range = max - min + 1;
        int[] count = new int[range];
        int[] order = new int[range];
        int distinct = 0;
        for (int i : rows) {
            if (count[key[i] - min]++ == 0) {
                order[distinct++] = key[i] - min;
            }
        }
        List<int[]> out = new ArrayList<>(distinct);
        int[][] byKey = new int[range][];
        for (int g = 0; g < distinct; g++) {
            int[] arr = new int[count[order[g]]];
            byKey[order[g]] = arr;
            out.add(arr);
        }
        int[] fill = new int[range];
        for (int i : rows) {
            int k = key[i] - min;
            byKey[k][fill[k]++] = i;
        }
        return out;
    }

    private static List<int[]> sparseGroups(int[] rows, int[] key) {
        java.util.Map<Integer, List<Integer>> m = new java.util.LinkedHashMap<>();
        for (int i : rows) {
            m.computeIfAbsent(key[i], x -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : m.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private static double[][] onestage(SurveyDesign d, double[][] z, int[] rows, int stage) {
        int k = z.length;
        double[][] v = new double[k][k];
        if (rows.length == 0) {
            return v;
        }
        int strata = 0;
        int ok = 0;
        for (int[] g : groups(rows, d.stratum[stage])) {
            strata++;
            double[][] s = onestrat(d, z, g, stage);
            if (s != null) {
                ok++;
                add(v, s, 1);
            }
        }
        double f = (double) strata / ok;
        for (double[] row : v) {
            for (int b = 0; b < k; b++) {
                row[b] *= f;
            }
        }
        return v;
    }

    /** One stratum's contribution; null for R's NA (a lonely stratum under AVERAGE). */
    private static double[][] onestrat(SurveyDesign d, double[][] z, int[] rows, int stage) {
        int k = z.length;
        int r0 = rows[0];
        int nPsu = d.sampled[stage][r0];
        double pop = d.population == null ? Double.POSITIVE_INFINITY : d.population[stage][r0];
        double f = pop == Double.POSITIVE_INFINITY ? 1 : (pop - nPsu) / pop;
        double scale = nPsu > 1 ? f * nPsu / (nPsu - 1) : f;
        double[][] v = new double[k][k];
        if (f < 0.0000001) {
            return v; // self-representing stratum
        }
        List<int[]> units = groups(rows, d.unit[stage]);
        int nsub = units.size();
        int padded = Math.max(nsub, nPsu);
        double[][] totals = new double[nsub][k];
        for (int u = 0; u < nsub; u++) {
            for (int i : units.get(u)) {
                for (int a = 0; a < k; a++) {
                    totals[u][a] += z[a][i];
                }
            }
        }
        double[] centre = new double[k];
        if (d.lonely != LonelyPsu.ADJUST || nsub > 1 || (nPsu > 1 && !d.adjustDomainLonely)) {
            for (double[] t : totals) {
                for (int a = 0; a < k; a++) {
                    centre[a] += t[a];
                }
            }
            for (int a = 0; a < k; a++) {
                centre[a] /= padded;
            }
        }
        if (nsub == 1 && nPsu > 1 && d.adjustDomainLonely && d.lonely == LonelyPsu.AVERAGE) {
            return null;
        }
        if (nPsu <= 1) {
            switch (d.lonely) {
                case AVERAGE:
                    return null;
                case FAIL:
                    throw new IllegalStateException("Stratum (" + d.stratumNames[stage][d.stratum[stage][r0]]
                            + ") has only one PSU at stage " + (stage + 1));
                default:
                    break;
            }
        }
        for (double[] t : totals) {
            for (int a = 0; a < k; a++) {
                double ca = t[a] - centre[a];
                for (int b = 0; b < k; b++) {
                    v[a][b] += ca * (t[b] - centre[b]) * scale;
                }
            }
        }
        for (int p = nsub; p < padded; p++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    v[a][b] += centre[a] * centre[b] * scale;
                }
            }
        }
        return v;
    }
}
