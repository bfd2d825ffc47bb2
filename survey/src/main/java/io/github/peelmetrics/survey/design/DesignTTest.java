package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.TestResult;

/**
 * The design-based t test of a difference of two groups' means, as R {@code survey}'s
 * {@code svyttest(y ~ g, design)} (that is {@code svyglm(y ~ g)}): estimate = mean of the second
 * level − mean of the first, SE from the design, df = {@code degf − 1} over the rows with both
 * values observed, {@code t = estimate/SE}, two-sided p, interval {@code estimate ± qt(1 − α/2, df)·SE}.
 *
 * @param outcome          the outcome variable
 * @param group            the two-level group variable
 * @param difference       e.g. {@code Male - Female}
 * @param estimate         the difference of the means
 * @param standardError    its standard error
 * @param degreesOfFreedom df
 * @param statistic        t
 * @param pValue           two-sided p-value
 * @param interval         the interval at its level
 */
public record DesignTTest(String outcome, String group, String difference, double estimate, double standardError,
        int degreesOfFreedom, double statistic, double pValue, Interval interval) {

    /** Validates the names. */
    public DesignTTest {
        Checks.name("DesignTTest outcome", outcome);
        Checks.name("DesignTTest group", group);
        Checks.name("DesignTTest difference", difference);
        java.util.Objects.requireNonNull(interval, "DesignTTest interval must not be null");
    }

    static DesignTTest of(String outcome, String group, String second, String first, double estimate, double se,
            int df, double level) {
        double t = estimate / se;
        double p = df > 0 ? Distributions.tTwoSided(t, df) : Double.NaN;
        double q = df > 0 ? Distributions.tQuantile(1 - (1 - level) / 2, df) : Double.NaN;
        return new DesignTTest(outcome, group, second + " - " + first, estimate, se, df, t, p,
                Interval.of(estimate - q * se, estimate + q * se, "svyttest", level));
    }

    /** The test as a core {@link TestResult} (t, p, df). */
    public TestResult testResult() {
        return TestResult.of(statistic, pValue, degreesOfFreedom, "design-based t test");
    }

    /** Outcome, difference, estimate, standard error, t, df, p and interval. */
    @Override
    public String toString() {
        return Format.f("%s, %s: %s (se %s), t = %s, df = %d, p = %s, %s", outcome, difference, Format.num(estimate),
                Format.num(standardError), Format.stat(statistic), degreesOfFreedom, Format.p(pValue), interval);
    }
}
