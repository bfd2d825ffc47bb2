package io.github.peelmetrics.survey.smallarea;

import io.github.peelmetrics.core.internal.Format;

/**
 * One regression coefficient of a Fay-Herriot fit: the GLS estimate
 * {@code β = (X'V⁻¹X)⁻¹X'V⁻¹y} with its standard error {@code √diag((X'V⁻¹X)⁻¹)} and a normal test,
 * as {@code sae::eblupFH}'s {@code fit$estcoef}.
 *
 * @param term     the covariate's name, {@code (Intercept)} for the intercept
 * @param estimate the coefficient
 * @param se       its standard error
 * @param z        {@code estimate / se}
 * @param pValue   {@code 2Φ(-|z|)}
 */
public record Coefficient(String term, double estimate, double se, double z, double pValue) {

    @Override
    public String toString() {
        return Format.f("%s %s (se %s, z %s, p %s)", term, Format.num(estimate), Format.num(se), Format.stat(z),
                Format.p(pValue));
    }
}
