package io.github.peelmetrics.survey.design;

import java.util.Map;

/**
 * What every survey design answers, with a linearization variance ({@link SurveyDesign}) or a
 * replicate variance ({@link ReplicateDesign}).
 */
public sealed interface Design permits SurveyDesign, ReplicateDesign {

    /** The weighted mean of a numeric variable over its observed values (R's {@code svymean}). */
    DesignEstimate mean(String variable);

    /** The weighted total of a numeric variable over its observed values (R's {@code svytotal}). */
    DesignEstimate total(String variable);

    /** Domain means with their covariance (R's {@code svyby(..., covmat = TRUE)}). */
    DesignDomains meanBy(String variable, String by);

    /**
     * Domain means by the cross-classification of several factors, the first varying fastest, with
     * their covariance (R's {@code svyby(~y, ~a + b, ..., covmat = TRUE)}).
     */
    DesignDomains meanBy(String variable, String by, String... more);

    /** The Rao-Scott test of independence (R's {@code svychisq}). */
    DesignChiSquare chiSquare(String rowVariable, String columnVariable);

    /** The design-based t test with a 95% interval (R's {@code svyttest}). */
    DesignTTest tTest(String outcome, String group);

    /** The domain {@code variable == level} on the full design (R's {@code subset}). */
    Design subset(String variable, String level);

    /** R's {@code degf(design)}. */
    int degreesOfFreedom();

    /** The (full-sample) analysis weights, in row order. */
    double[] weights();

    /** Post-stratification to the population counts of a factor's levels (R's {@code postStratify}). */
    Design postStratify(String factor, Map<String, Double> population);
}
