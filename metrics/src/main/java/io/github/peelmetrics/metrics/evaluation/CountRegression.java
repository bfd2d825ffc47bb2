package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A fitted log-link count model ({@code glm(..., family = poisson | quasipoisson)} with a
 * population offset): its fit statistics and, for each {@link Inference}, the terms of interest
 * (fixed effects and the intercept of a panel model are fitted but not listed).
 *
 * @param model                    the model formula, R style
 * @param observations             rows fitted ({@code nobs})
 * @param clusters                 areas (clusters of the cluster-robust tables); empty for a single series
 * @param coefficients             every coefficient, fixed effects included ({@code k})
 * @param residualDegreesOfFreedom {@code observations − coefficients}
 * @param deviance                 the Poisson deviance
 * @param pearsonChiSquare         Pearson's chi-square {@code Σ (y − μ̂)²/μ̂}
 * @param dispersion               {@code pearsonChiSquare / residualDegreesOfFreedom} (quasi-Poisson φ;
 *                                 about 1 when the counts are Poisson)
 * @param tables                   one table per inference, in {@link Inference} order
 */
public record CountRegression(String model, int observations, OptionalInt clusters, int coefficients,
                              int residualDegreesOfFreedom, double deviance, double pearsonChiSquare, double dispersion,
                              List<RateRatioTable> tables) {

    /** Validates and copies. */
    public CountRegression {
        Objects.requireNonNull(model, "model of CountRegression must not be null");
        Objects.requireNonNull(clusters, "clusters of CountRegression must not be null");
        tables = List.copyOf(tables);
        if (residualDegreesOfFreedom != observations - coefficients) {
            throw new IllegalArgumentException(Format.f("CountRegression: residualDegreesOfFreedom %d is not "
                    + "observations %d - coefficients %d", residualDegreesOfFreedom, observations, coefficients));
        }
    }

    /** The table of an inference; fails listing those held. */
    public RateRatioTable table(Inference inference) {
        for (RateRatioTable t : tables) {
            if (t.inference() == inference) {
                return t;
            }
        }
        throw Checks.notHeld("CountRegression", "inference", inference,
                tables.stream().map(RateRatioTable::inference).toList());
    }

    /** A term under an inference. */
    public RateRatioTerm term(String term, Inference inference) {
        return table(inference).term(term);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(model).append('\n');
        b.append(Format.f("n %d%s, %d coefficients, deviance %s, Pearson chi2 %s, dispersion %s", observations,
                clusters.isPresent() ? " in " + clusters.getAsInt() + " areas" : "", coefficients,
                Format.num(deviance), Format.num(pearsonChiSquare), Format.num(dispersion)));
        for (RateRatioTable t : tables) {
            b.append('\n').append(t);
        }
        return b.toString();
    }
}
