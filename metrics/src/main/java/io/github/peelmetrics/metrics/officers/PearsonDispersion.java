package io.github.peelmetrics.metrics.officers;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.TestResult;

/**
 * Pearson's dispersion of the officers' counts about their expected counts: {@code chi2 = Σ (O - E)²/E},
 * {@code df = n - 1}, {@code dispersion = chi2/df}. Under the Poisson model the dispersion is near
 * 1; well above 1 (over-dispersion) the Poisson p-values and limits flag far too many officers. It
 * equals the quasi-Poisson dispersion of R's {@code glm(O ~ 1 + offset(log E), quasipoisson)}
 * when there is one stratum. The test result is the chi-square test of "no over-dispersion"
 * ({@code P(χ²(df) >= chi2)}).
 *
 * @param chiSquare  {@code Σ (O - E)²/E}
 * @param df         {@code n - 1}
 * @param dispersion {@code chiSquare / df}
 * @param testResult the chi-square test of the Poisson model (statistic chiSquare, df, upper-tail p)
 */
public record PearsonDispersion(double chiSquare, int df, double dispersion, TestResult testResult) {

    @Override
    public String toString() {
        return "Pearson chi2 " + Format.stat(chiSquare) + " on " + df + " df, dispersion " + Format.num(dispersion)
                + " (p " + Format.p(testResult.pValue()) + ")";
    }
}
