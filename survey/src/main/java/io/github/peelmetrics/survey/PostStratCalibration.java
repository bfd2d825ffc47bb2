package io.github.peelmetrics.survey;

/**
 * Post-stratification residuals as R {@code survey}'s {@code svyrecvar}:
 * {@code e_i = z_i - g_i·m_h} with {@code m_h = Σ_{j∈h} z_j·oldw_j/g_j / Σ_{j∈h} oldw_j},
 * over all rows of post-stratum h.
 */
final class PostStratCalibration implements Calibration {
    private final int[] codes;
    private final int levels;
    private final double[] oldWeights;
    private final double[] newWeights;

    PostStratCalibration(int[] codes, int levels, double[] oldWeights, double[] newWeights) {
        this.codes = codes;
        this.levels = levels;
        this.oldWeights = oldWeights;
        this.newWeights = newWeights;
    }

    @Override
    public void adjust(double[] z) {
        double[] num = new double[levels];
        double[] den = new double[levels];
        for (int i = 0; i < z.length; i++) {
            num[codes[i]] += z[i] * oldWeights[i] / newWeights[i];
            den[codes[i]] += oldWeights[i];
        }
        for (int i = 0; i < z.length; i++) {
            int h = codes[i];
            z[i] -= newWeights[i] * (num[h] / den[h]);
        }
    }
}
