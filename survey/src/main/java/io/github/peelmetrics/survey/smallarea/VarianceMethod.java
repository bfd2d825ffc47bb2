package io.github.peelmetrics.survey.smallarea;

/**
 * How the Fay-Herriot model's area-effect variance {@code A = σ_v²} is estimated. Both are
 * found by Fisher scoring from {@code A₀ = median(ψ)}, iterated to convergence (not {@code sae}'s
 * stopping rule {@code |ΔA|/A < 1e-4}, which stops up to 4e-8 from the root), then truncated at 0.
 */
public enum VarianceMethod {
    /**
     * Restricted (residual) maximum likelihood ({@code sae::eblupFH(method = "REML")}, the default):
     * score {@code s = -tr(P)/2 + y'PPy/2}, information {@code F = tr(PP)/2}. It accounts for the
     * {@code p} degrees of freedom used by {@code β}, so it is less often truncated at 0 than ML.
     * MSE {@code g1 + g2 + 2·g3} (Prasad and Rao 1990; Datta and Lahiri 2000).
     */
    REML,
    /**
     * Maximum likelihood ({@code method = "ML"}): score {@code s = -Σ(A+ψᵢ)⁻¹/2 + y'PPy/2},
     * information {@code F = Σ(A+ψᵢ)⁻²/2}. MSE {@code g1 + g2 + 2·g3 - b_ML·(1-γ)²} with the
     * bias term {@code b_ML = -tr(Q·X'V⁻²X)/Σ(A+ψⱼ)⁻²} (Datta and Lahiri 2000).
     */
    ML
}
