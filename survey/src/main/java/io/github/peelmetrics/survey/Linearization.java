package io.github.peelmetrics.survey;

/**
 * The design-based weighted mean with its linearization variance after calibration, and the
 * design effects, as R {@code survey} 4.1-1 ({@code svymean}, {@code svyby}).
 */
final class Linearization {
    private Linearization() {}

    /** Mean of y over the observed rows (in domain level {@code level} of {@code domain} if not null). */
    static SurveyMean mean(WeightedSample d, String variable, double[] y, Factor domain, int level) {
        double[] w = d.weightsRef();
        int n = w.length;
        int[] codes = domain == null ? null : domain.codes;
        int m = 0;
        double sw = 0;
        double swy = 0;
        double sw2 = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
            if (!Double.isNaN(y[i]) && (codes == null || codes[i] == level)) {
                m++;
                sw += w[i];
                swy += w[i] * y[i];
                sw2 += w[i] * w[i];
            }
        }
        int domainN = codes == null ? n : domain.counts[level];
        String subset = domain == null ? "all" : domain.name + "=" + domain.levels.get(level);
        // R's nrow(design) of the domain's design: rows outside it are dropped unless the design is calibrated
        int rows = d.calibration() == Calibration.NONE ? domainN : n;
        if (m == 0) {
            return new SurveyMean(variable, subset, Double.NaN, Double.NaN, 0, domainN, n, rows, 0, total, 0,
                    Double.NaN, Double.NaN);
        }
        double mean = swy / sw;
        double[] z = new double[n];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i]) && (codes == null || codes[i] == level)) {
                double r = y[i] - mean;
                z[i] = w[i] * r / sw;
                ss += w[i] * r * r;
            }
        }
        d.calibration().adjust(z);
        double se = Math.sqrt(centredSumOfSquares(z) * n / (n - 1.0));
        double s2 = ss / sw * m / (m - 1.0);
        double var = se * se;
        double deff = var / (s2 * (sw - m) / (sw * m));
        double deffReplace = var / (s2 / m);
        double kishN = sw * sw / sw2;
        return new SurveyMean(variable, subset, mean, se, m, domainN, n, rows, sw, total, kishN, deff, deffReplace);
    }

    static double centredSumOfSquares(double[] e) {
        double s = 0;
        for (double x : e) {
            s += x;
        }
        double mean = s / e.length;
        double ss = 0;
        for (double x : e) {
            double c = x - mean;
            ss += c * c;
        }
        return ss;
    }
}
