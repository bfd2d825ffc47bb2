package io.github.peelmetrics.core.stats;

/**
 * Confidence interval methods for a binomial proportion {@code x / n}, with
 * {@code z = Φ⁻¹((1 + level) / 2)} and {@code p = x / n}. Each agrees with statsmodels 0.13.5
 * {@code proportion_confint} (and R's {@code binom.test}, {@code prop.test(correct = FALSE)}) to
 * 1e-9 on Peel's conformance cases. Brown, Cai and DasGupta (2001), "Interval estimation for a
 * binomial proportion", Statistical Science 16(2), compare them.
 *
 * <p>These are intervals for {@code x} independent successes in {@code n} trials. For a weighted
 * survey proportion, whose standard error comes from the design, the peel-survey module has the
 * design-based counterpart, {@code io.github.peelmetrics.survey.SurveyProportionMethod} (R
 * {@code survey}'s {@code svyciprop} methods).
 *
 * <pre>{@code
 * jshell> Proportions.interval(49, 100, ProportionMethod.JEFFREYS)
 * [0.3935, 0.5871] 95% jeffreys
 * }</pre>
 */
public enum ProportionMethod {
    /**
     * Wilson score interval without continuity correction:
     * {@code (p + z²/2n)/(1 + z²/n) ± z·√(p(1-p)/n + z²/4n²)/(1 + z²/n)}; not clipped (at
     * {@code x = 0} the lower bound is 0 up to rounding).
     */
    WILSON("wilson"),
    /**
     * Clopper-Pearson "exact" interval: {@code [B⁻¹(α/2; x, n-x+1), B⁻¹(1-α/2; x+1, n-x)]}, exactly 0
     * at {@code x = 0} and exactly 1 at {@code x = n}.
     */
    CLOPPER_PEARSON("clopper-pearson"),
    /**
     * Agresti-Coull: {@code ñ = n + z²}, {@code p̃ = (x + z²/2)/ñ}, {@code p̃ ± z·√(p̃(1-p̃)/ñ)},
     * clipped to [0, 1].
     */
    AGRESTI_COULL("agresti-coull"),
    /**
     * Jeffreys: the equal-tailed quantiles of {@code Beta(x + ½, n - x + ½)}, without the boundary
     * modification at {@code x = 0} or {@code x = n} (as statsmodels 0.13.5).
     */
    JEFFREYS("jeffreys"),
    /** Wald (normal approximation): {@code p ± z·√(p(1-p)/n)}, clipped to [0, 1]; degenerate at x = 0 and x = n. */
    WALD("wald");

    private final String label;

    ProportionMethod(String label) {
        this.label = label;
    }

    /** The name this method gives its intervals, {@link Interval#method()}, e.g. {@code wilson}. */
    public String label() {
        return label;
    }
}
