package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.TestResult;

/**
 * The design-based test of independence of two categorical variables with Rao and Scott's
 * corrections, as R {@code survey}'s {@code svychisq(~row + col, design, statistic = "F")} and
 * {@code statistic = "Chisq"} (survey 4.1-1). X² is Pearson's statistic on the weighted table
 * rescaled to N (the rows of the design, missing values included); with p̂ the design-based cell
 * proportions, V their covariance, C the interaction contrasts and D = diag(p̂),
 * {@code Δ = (C'D⁻¹C/N)⁻¹(C'D⁻¹VD⁻¹C)}. The second-order F is {@code X²/tr(Δ)} on
 * {@code ndf = tr(Δ)²/tr(Δ²)} and {@code ddf = ndf·ν} degrees of freedom (ν the design's degrees of
 * freedom); the first-order test refers {@code X²/mean(diag Δ)} to χ² on (r − 1)(c − 1) df.
 *
 * @param rowVariable       the row variable
 * @param columnVariable    the column variable
 * @param pearson           X², Pearson's statistic of the rescaled weighted table
 * @param f                 the Rao-Scott F statistic
 * @param numeratorDf       ndf (not an integer)
 * @param denominatorDf     ddf (not an integer)
 * @param pValue            the p-value of F
 * @param df                (r − 1)(c − 1)
 * @param firstOrderPValue  the p-value of the first-order correction ({@code statistic = "Chisq"})
 */
public record DesignChiSquare(String rowVariable, String columnVariable, double pearson, double f,
        double numeratorDf, double denominatorDf, double pValue, int df, double firstOrderPValue) {

    /** Validates the names. */
    public DesignChiSquare {
        Checks.name("DesignChiSquare rowVariable", rowVariable);
        Checks.name("DesignChiSquare columnVariable", columnVariable);
    }

    /** The second-order (F) test as a core {@link TestResult}. */
    public TestResult testResult() {
        return TestResult.of(f, pValue, "Rao-Scott F (ndf " + Format.num(numeratorDf) + ", ddf "
                + Format.num(denominatorDf) + ")");
    }

    /** Variables, F with its degrees of freedom and p, and the first-order p. */
    @Override
    public String toString() {
        return Format.f("%s x %s: X2 = %s, Rao-Scott F = %s on %s and %s df, p = %s (first-order p = %s)",
                rowVariable, columnVariable, Format.stat(pearson), Format.stat(f), Format.num(numeratorDf),
                Format.num(denominatorDf), Format.p(pValue), Format.p(firstOrderPValue));
    }
}
