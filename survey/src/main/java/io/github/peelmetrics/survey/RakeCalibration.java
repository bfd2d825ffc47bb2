package io.github.peelmetrics.survey;

/**
 * Raking residuals as R {@code survey}'s {@code svyrecvar} for a raked design: exactly ten
 * passes of {@code for each margin m: e <- e - g_m · ave(e / g_m, m)}, where {@code ave} is the
 * unweighted mean within the margin's level over all n rows and {@code g_m} the weights just after
 * margin m's post-stratification in the last sweep.
 *
 * <p>Works on the cells of the cross-classification: {@code g_m,i = base_i·F_m[c(i)]}, so the
 * residual is {@code e_i = z_i - base_i·K[c(i)]} and each pass updates the per-cell {@code K}
 * from per-cell sums of {@code z/base}; the cost is one pass over the rows plus
 * {@code 10 × margins × cells}.
 */
final class RakeCalibration implements Calibration {
    static final int PASSES = 10;

    private final double[] base;
    private final int[] cellOf;
    private final int cells;
    private final int[] cellCount;
    private final int[][] levelOfCell;
    private final int[][] levelCount;
    private final double[][] factorAfter;

    RakeCalibration(double[] base, int[] cellOf, int cells, int[] cellCount, int[][] levelOfCell, int[][] levelCount,
            double[][] factorAfter) {
        this.base = base;
        this.cellOf = cellOf;
        this.cells = cells;
        this.levelOfCell = levelOfCell;
        this.levelCount = levelCount;
        this.factorAfter = factorAfter;
        this.cellCount = cellCount;
    }

    @Override
    public void adjust(double[] z) {
        double[] a = new double[cells];
        for (int i = 0; i < z.length; i++) {
            a[cellOf[i]] += z[i] / base[i];
        }
        double[] k = new double[cells];
        int margins = factorAfter.length;
        double[][] sums = new double[margins][];
        for (int m = 0; m < margins; m++) {
            sums[m] = new double[levelCount[m].length];
        }
        for (int pass = 0; pass < PASSES; pass++) {
            for (int m = 0; m < margins; m++) {
                double[] s = sums[m];
                java.util.Arrays.fill(s, 0.0);
                int[] lev = levelOfCell[m];
                double[] f = factorAfter[m];
                for (int c = 0; c < cells; c++) {
                    s[lev[c]] += (a[c] - cellCount[c] * k[c]) / f[c];
                }
                int[] cnt = levelCount[m];
                for (int h = 0; h < s.length; h++) {
                    s[h] = cnt[h] == 0 ? 0 : s[h] / cnt[h];
                }
                for (int c = 0; c < cells; c++) {
                    k[c] += f[c] * s[lev[c]];
                }
            }
        }
        for (int i = 0; i < z.length; i++) {
            z[i] -= base[i] * k[cellOf[i]];
        }
    }
}
