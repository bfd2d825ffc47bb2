package io.github.peelmetrics.survey.design;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;

/**
 * A linear combination {@code c'θ} of domain means with its standard error {@code √(c'Vc)}, V the
 * domains' design covariance, as R {@code survey}'s {@code svycontrast(svyby(..., covmat = TRUE),
 * c(Black = 1, White = -1))}; see {@link DesignDomains#contrast(String, String)}.
 *
 * @param variable      the estimated variable
 * @param domain        the domain (categorical) variable
 * @param contrast      the combination, e.g. {@code Black - White}
 * @param estimate      {@code c'θ}
 * @param standardError {@code √(c'Vc)}
 */
public record DesignContrast(String variable, String domain, String contrast, double estimate, double standardError) {

    /** Validates the names. */
    public DesignContrast {
        Checks.name("DesignContrast variable", variable);
        Checks.name("DesignContrast domain", domain);
        Checks.name("DesignContrast contrast", contrast);
    }

    /** Variable, contrast, estimate and standard error. */
    @Override
    public String toString() {
        return Format.f("%s by %s, %s: %s (se %s)", variable, domain, contrast, Format.num(estimate),
                Format.num(standardError));
    }
}
