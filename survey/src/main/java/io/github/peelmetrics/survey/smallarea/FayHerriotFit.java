package io.github.peelmetrics.survey.smallarea;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A fitted Fay-Herriot model: the variance of the area effects, the GLS coefficients, fit
 * statistics and one {@link AreaEstimate} per area (EBLUP, Prasad-Rao MSE, shrinkage factor
 * {@code γ} and the weight on the model {@code 1-γ}). Names follow R {@code sae}: {@code sigma2v}
 * is {@code fit$refvar}, {@link #coefficients()} {@code fit$estcoef}, {@link #loglik()},
 * {@link #aic()}, {@link #bic()} {@code fit$goodness}.
 *
 * @param method             REML or ML
 * @param terms              {@code (Intercept)} and the covariates
 * @param sampledAreas       areas with a direct estimate ({@code m})
 * @param unsampledAreas     areas without (synthetic estimates)
 * @param sigma2v            {@code A = max(root, 0)}
 * @param truncatedAtZero    whether the root was negative, so that {@code A = 0}, every
 *                           {@code γ = 0} and every EBLUP is the synthetic estimate
 * @param unconstrainedRoot  the root of the score (negative when truncated); empty when the score
 *                           has no root above {@code -min ψ} (negative everywhere: truncated)
 * @param iterations         Fisher scoring steps to convergence
 * @param scoreAtZero        the score at {@code A = 0} (negative exactly when truncated)
 * @param scoreAtEstimate    the score at {@code sigma2v} (about 0 unless truncated)
 * @param fisherInformation  the Fisher information at {@code sigma2v}
 * @param varSigma2v         the asymptotic variance of {@code A}, {@code V̄ = 2/Σ(A+ψⱼ)⁻²}
 * @param bMl                the ML bias term {@code b_ML = -tr(Q·X'V⁻²X)/Σ(A+ψⱼ)⁻²} (used in
 *                           the MSE for ML only)
 * @param coefficients       the GLS coefficients, in the order of {@code terms}
 * @param loglik             {@code -½Σ[log(2π(A+ψᵢ)) + (yᵢ - xᵢ'β)²/(A+ψᵢ)]}
 * @param aic                {@code -2·loglik + 2(p+1)}
 * @param bic                {@code -2·loglik + (p+1)·log m}
 * @param remlLoglik         {@code -½[(m-p)·log 2π + Σlog(A+ψᵢ) + log det(X'V⁻¹X) + y'Py]}
 * @param areas              every area, in the order given
 */
public record FayHerriotFit(VarianceMethod method, List<String> terms, int sampledAreas, int unsampledAreas,
        double sigma2v, boolean truncatedAtZero, OptionalDouble unconstrainedRoot, int iterations, double scoreAtZero,
        double scoreAtEstimate, double fisherInformation, double varSigma2v, double bMl,
        List<Coefficient> coefficients, double loglik, double aic, double bic, double remlLoglik,
        List<AreaEstimate> areas) {

    /** Copies the lists. */
    public FayHerriotFit {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(unconstrainedRoot, "unconstrainedRoot");
        terms = List.copyOf(terms);
        coefficients = List.copyOf(coefficients);
        areas = List.copyOf(areas);
    }

    /**
     * The estimate of one area.
     *
     * @throws IllegalArgumentException if there is no such area, listing the areas
     */
    public AreaEstimate area(String id) {
        for (AreaEstimate a : areas) {
            if (a.area().equals(id)) {
                return a;
            }
        }
        List<String> ids = new ArrayList<>();
        areas.forEach(a -> ids.add(a.area()));
        throw Checks.notHeld("Fay-Herriot fit", "area", id, ids);
    }

    /**
     * The coefficient of one term.
     *
     * @throws IllegalArgumentException if there is no such term, listing the terms
     */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) {
            if (c.term().equals(term)) {
                return c;
            }
        }
        throw Checks.notHeld("Fay-Herriot fit", "term", term, terms);
    }

    /**
     * A header (method, A, coefficients, fit) and a table of the areas: direct estimate and its
     * standard error, EBLUP and its root MSE, and the weight on the model {@code 1-γ}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f("Fay-Herriot (%s): %d sampled, %d unsampled areas; sigma2_v %s%s%n",
                method, sampledAreas, unsampledAreas, Format.num(sigma2v),
                truncatedAtZero ? " (truncated at 0 from " + (unconstrainedRoot.isPresent() ? Format.num(unconstrainedRoot.getAsDouble())
                        : "no root above -min(psi)") + ": every area is synthetic)" : ""));
        List<String> cs = new ArrayList<>();
        for (Coefficient c : coefficients) {
            cs.add(Format.f("%s %s (se %s)", c.term(), Format.num(c.estimate()), Format.num(c.se())));
        }
        sb.append("  ").append(String.join(", ", cs)).append(Format.f("; loglik %s, AIC %s%n", Format.num(loglik), Format.num(aic)));
        int w = "area".length();
        for (AreaEstimate a : areas) {
            w = Math.max(w, a.area().length());
        }
        sb.append(Format.f("  %-" + w + "s  %7s  %7s  %7s  %7s  %12s%n", "area", "direct", "se", "EBLUP", "rmse", "model weight"));
        for (AreaEstimate a : areas) {
            sb.append(Format.f("  %-" + w + "s  %7s  %7s  %7s  %7s  %12s%n", a.area(),
                    Format.cell(a.direct()), Format.cell(a.directSe()), Format.cell(a.estimate()), Format.cell(a.rmse()),
                    Format.cell(a.modelWeight())));
        }
        return sb.toString().stripTrailing();
    }
}
