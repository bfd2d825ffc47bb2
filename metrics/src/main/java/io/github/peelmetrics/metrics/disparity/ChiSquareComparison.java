package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.core.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * A chi-square test of one group against the reference group, with its p-value adjusted over the
 * family of every group compared in the same table.
 *
 * <p>Holm (1979) controls the family-wise error rate; Benjamini and Hochberg (1995) the false
 * discovery rate (core {@code Adjustment}; statsmodels {@code multipletests}, R {@code p.adjust}).
 * A hypothesis is rejected when its adjusted p-value is at most {@code alpha}.
 *
 * @param testResult                the unadjusted test (R {@code chisq.test} on the 2x2 table)
 * @param holm                      Holm-adjusted p-value
 * @param benjaminiHochberg         Benjamini-Hochberg-adjusted p-value
 * @param alpha                     the level of the reject decisions
 * @param rejectedHolm              whether {@code holm <= alpha}
 * @param rejectedBenjaminiHochberg whether {@code benjaminiHochberg <= alpha}
 */
public record ChiSquareComparison(TestResult testResult, double holm, double benjaminiHochberg, double alpha,
                                  boolean rejectedHolm, boolean rejectedBenjaminiHochberg) {

    /** Validates that the adjusted p-values lie in [0, 1] and the decisions are theirs at {@code alpha}. */
    public ChiSquareComparison {
        Objects.requireNonNull(testResult, "testResult of chi-square comparison must not be null");
        if (!(holm >= 0 && holm <= 1)) {
            throw new IllegalArgumentException("holm p-value of chi-square comparison must be in [0, 1]: " + holm);
        }
        if (!(benjaminiHochberg >= 0 && benjaminiHochberg <= 1)) {
            throw new IllegalArgumentException(
                    "benjaminiHochberg p-value of chi-square comparison must be in [0, 1]: " + benjaminiHochberg);
        }
        Checks.openUnit("alpha", "chi-square comparison", alpha);
        if (rejectedHolm != (holm <= alpha) || rejectedBenjaminiHochberg != (benjaminiHochberg <= alpha)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "rejections of chi-square comparison must be holm %s <= alpha %s (%b) and benjaminiHochberg %s "
                            + "<= alpha (%b): %b, %b", holm, alpha, holm <= alpha, benjaminiHochberg,
                    benjaminiHochberg <= alpha, rejectedHolm, rejectedBenjaminiHochberg));
        }
    }

    /** E.g. {@code X²=2.636, p=0.1045 (Holm 0.4179, BH 0.4179)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "X²=%.4g, p=%.4g (Holm %.4g, BH %.4g)", testResult.statistic(), testResult.pValue(),
                holm, benjaminiHochberg);
    }
}
