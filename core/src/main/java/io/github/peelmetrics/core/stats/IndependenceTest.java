package io.github.peelmetrics.core.stats;

/**
 * Tests of independence on a {@link TwoByTwo} table (no association between being in the group and
 * the outcome), for {@link TwoByTwo#test(IndependenceTest)}. With the cells a1, b1 (group events and
 * non-events), a0, b0 (reference), margins n1, n0 and expected counts
 * {@code E = row total · column total / N}. Each agrees with R 4.2.2 and epitools 0.5-10.1 on
 * Peel's conformance cases.
 *
 * <pre>{@code
 * jshell> TwoByTwo.of(3, 7, 9, 1).test(IndependenceTest.FISHER_EXACT)
 * fisher-exact[stat=3, p=0.0198]
 * }</pre>
 */
public enum IndependenceTest {
    /**
     * Pearson's chi-square test, {@code X² = Σ (O - E)²/E} on 1 degree of freedom (R
     * {@code chisq.test(correct = FALSE)}). NaN when a row or column total is zero.
     */
    PEARSON_CHI_SQUARE("pearson-chi-square"),
    /**
     * Pearson's chi-square with Yates' continuity correction, {@code Σ (|O - E| - Y)²/E} with
     * {@code Y = min(0.5, |O - E|)} (R {@code chisq.test(correct = TRUE)}), so the correction never
     * flips the sign of a deviation. 1 degree of freedom.
     */
    PEARSON_CHI_SQUARE_YATES("pearson-chi-square-yates"),
    /**
     * Fisher's exact test, two-sided, as R's {@code fisher.test}: the sum of the hypergeometric
     * probabilities of the tables with the observed margins that are no more likely than the
     * observed one, {@code P(table) <= P(observed)·(1 + 1e-7)}. The statistic is the observed a1.
     * Needs whole counts.
     */
    FISHER_EXACT("fisher-exact"),
    /**
     * The two-sided mid-p exact test of epitools' {@code tab2by2.test} ({@code midp.exact}):
     * {@code 2·min(P, 1 - P)} with {@code P = ½(P(X ≤ a1) - P(X ≥ a1) + 1)}, X the central
     * hypergeometric count of group events given the margins (Rothman and Greenland, Modern
     * Epidemiology, 1998). The statistic is the observed a1. Needs whole counts.
     */
    MID_P_EXACT("mid-p-exact");

    private final String label;

    IndependenceTest(String label) {
        this.label = label;
    }

    /** The name this test gives its results, {@link TestResult#method()}, e.g. {@code fisher-exact}. */
    public String label() {
        return label;
    }
}
