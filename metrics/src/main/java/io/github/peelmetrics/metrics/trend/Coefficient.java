package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import java.util.Objects;

/**
 * One regression coefficient with its standard error and test of zero.
 *
 * @param term          the term name, e.g. {@code post} or {@code treated:post}
 * @param estimate      the coefficient
 * @param standardError its standard error under the table's covariance
 * @param statistic     {@code estimate / standardError} (t or z)
 * @param pValue        the two-sided p-value (t or normal, as the table says)
 */
public record Coefficient(String term, double estimate, double standardError, double statistic, double pValue) {

    /** Validates the term. */
    public Coefficient {
        Objects.requireNonNull(term, "term");
    }

    @Override
    public String toString() {
        return term + "=" + Format.num(estimate) + " (se " + Format.num(standardError) + ", p=" + Format.p(pValue) + ")";
    }
}
