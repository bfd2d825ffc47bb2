package io.github.peelmetrics.survey.smallarea;

import io.github.peelmetrics.core.internal.Format;
import java.util.OptionalDouble;

/**
 * The Fay-Herriot estimate of one area (beat), with its Prasad-Rao MSE and how much it leans on
 * the model.
 *
 * <p>{@code EBLUP = γ·direct + (1-γ)·synthetic} with the shrinkage factor {@code γ = A/(A+ψ)}: an
 * area with a noisy direct estimate (large {@code ψ}) or a model that explains the areas well
 * (small {@code A}) gets a small {@code γ} and leans on the model; {@link #modelWeight()} is
 * {@code 1-γ}. An unsampled area has {@code γ = 0}: its estimate is the synthetic one.
 *
 * @param area       the area's id
 * @param sampled    whether the area has a direct estimate
 * @param direct     the direct (design-based) estimate; empty for an unsampled area
 * @param vardir     its sampling variance {@code ψ}; empty for an unsampled area
 * @param gamma      the shrinkage factor {@code γ = A/(A+ψ)}, the weight on the direct estimate
 * @param synthetic  the regression (synthetic) estimate {@code x'β}
 * @param estimate   the EBLUP
 * @param g1         {@code γψ}; empty for an unsampled area
 * @param g2         {@code (1-γ)²·x'Qx}, the variance from estimating {@code β}
 * @param g3         {@code ψ²(A+ψ)⁻³·V̄}, from estimating {@code A}; empty for an unsampled area
 * @param mse        the Prasad-Rao MSE (see {@link VarianceMethod})
 * @param rmse       {@code √mse}
 * @param cvEstimate {@code rmse / estimate}
 * @param cvDirect   {@code √ψ / direct}; empty for an unsampled area or a direct estimate of 0
 */
public record AreaEstimate(String area, boolean sampled, OptionalDouble direct, OptionalDouble vardir, double gamma,
        double synthetic, double estimate, OptionalDouble g1, double g2, OptionalDouble g3, double mse, double rmse,
        double cvEstimate, OptionalDouble cvDirect) {

    /** How much the estimate leans on the model: {@code 1 - γ}, 1 for an unsampled area. */
    public double modelWeight() {
        return 1 - gamma;
    }

    /** The direct estimate's standard error {@code √ψ}; empty for an unsampled area. */
    public OptionalDouble directSe() {
        return vardir.isPresent() ? OptionalDouble.of(Math.sqrt(vardir.getAsDouble())) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return Format.f("%s: EBLUP %s (rmse %s), direct %s, model weight %s", area, Format.num(estimate),
                Format.num(rmse), direct.isPresent() ? Format.num(direct.getAsDouble()) : "none",
                Format.num(modelWeight()));
    }
}
