package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Difference in differences on counts: the two-way fixed effects Poisson model
 * {@code log E[y_at] = log(pop_at) + α_a + γ_t + δ·treat_post_at} on an area × period panel, where
 * {@code treat_post = 1} for a treated area from its first treated period on. The effect is the
 * rate ratio {@code exp(δ)}: treated areas' counts relative to what the comparison areas' change
 * predicts (Wooldridge 2023, "Simple approaches to nonlinear difference-in-differences with panel
 * data", Econometrics Journal 26: C31-C66, on why the Poisson form needs no parallel trends in
 * levels, only in the log mean).
 *
 * <p>R: {@code glm(y ~ factor(area) + factor(period) + treat_post + offset(log(pop)),
 * family = poisson | quasipoisson)} with {@code sandwich::vcovCL(cluster = ~area, type = "HC0" |
 * "HC1")}; every figure agrees with R 4.2.2 and sandwich 3.0-2 to 1e-7 on the conformance cases.
 * The headline {@link #effect()} uses {@link Inference#CLUSTER_HC1}: counts of an area are
 * correlated over time, and model-based (even quasi-Poisson) intervals are then too narrow
 * (Bertrand, Duflo and Mullainathan 2004, QJE 119: 249-275). With staggered adoption and effects
 * that change with time since adoption, the two-way fixed effects coefficient mixes comparisons of
 * early with late adopters; look at {@link EventStudy} and {@link CallawaySantAnna}.
 *
 * <p>Input: a balanced panel (every area in every period, populations positive); areas missing
 * from {@code adoption} are never treated (the comparison areas). Errors: an unbalanced panel, an
 * adoption area not in the panel, no treated or no comparison area, an area or period without any
 * event ({@link IllegalArgumentException});
 * a design without variation in {@code treat_post} ({@link IllegalStateException}: rank-deficient).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * PoissonDid did = PoissonDid.fit(rows, Map.of("A03", 2013, "A07", 2015));
 * did.effect().percentChange();   // e.g. "11.2 percent fewer [9.1, 13.2]"
 * }</pre>
 *
 * @param areas      areas in the panel
 * @param periods    periods in the panel
 * @param treated    areas ever treated
 * @param regression the fitted model; its one listed term is {@code treat_post}
 */
public record PoissonDid(int areas, int periods, int treated, CountRegression regression) {

    /** The term of the effect. */
    public static final String TERM = "treat_post";

    /** Validates. */
    public PoissonDid {
        Objects.requireNonNull(regression, "regression of PoissonDid must not be null");
    }

    /** Fits the model with 95% intervals. */
    public static PoissonDid fit(List<PanelCount> rows, Map<String, Integer> adoption) {
        return fit(rows, adoption, Interval.DEFAULT_LEVEL);
    }

    /**
     * Fits the model.
     *
     * @param rows     one cell per area and period
     * @param adoption the first treated period of each treated area
     * @param level    the confidence level of the intervals
     */
    public static PoissonDid fit(List<PanelCount> rows, Map<String, Integer> adoption, double level) {
        Panel panel = Panel.of("PoissonDid", rows, adoption);
        int treated = checkArms("PoissonDid", panel);
        checkEvents("PoissonDid", panel);
        double[] col = new double[panel.nAreas() * panel.nPeriods()];
        for (int a = 0, i = 0; a < panel.nAreas(); a++) {
            for (int t = 0; t < panel.nPeriods(); t++, i++) {
                col[i] = panel.treated(a) && panel.periods.get(t) >= panel.first[a] ? 1 : 0;
            }
        }
        CountRegression r = CountModels.panel(panel,
                "y ~ factor(area) + factor(period) + treat_post + offset(log(pop))", List.of(TERM),
                new double[][] {col}, level);
        return new PoissonDid(panel.nAreas(), panel.nPeriods(), treated, r);
    }

    /**
     * Fails when an area or a period has no event at all: its fixed effect would be minus infinity
     * (the maximum likelihood estimate does not exist).
     */
    static void checkEvents(String what, Panel panel) {
        for (int a = 0; a < panel.nAreas(); a++) {
            double s = 0;
            for (int t = 0; t < panel.nPeriods(); t++) {
                s += panel.count[a][t];
            }
            if (s == 0) {
                throw new IllegalArgumentException(Format.f("%s: area %s has no event in any period, so its fixed "
                        + "effect is minus infinity; drop it or merge it with a neighbour", what, panel.areas.get(a)));
            }
        }
        for (int t = 0; t < panel.nPeriods(); t++) {
            double s = 0;
            for (int a = 0; a < panel.nAreas(); a++) {
                s += panel.count[a][t];
            }
            if (s == 0) {
                throw new IllegalArgumentException(Format.f("%s: period %d has no event in any area, so its fixed "
                        + "effect is minus infinity; drop it", what, panel.periods.get(t)));
            }
        }
    }

    static int checkArms(String what, Panel panel) {
        int treated = 0;
        for (int a = 0; a < panel.nAreas(); a++) {
            treated += panel.treated(a) ? 1 : 0;
        }
        if (treated == 0 || treated == panel.nAreas()) {
            throw new IllegalArgumentException(Format.f("%s needs treated and never-treated comparison areas: "
                    + "%d of %d areas are treated", what, treated, panel.nAreas()));
        }
        return treated;
    }

    /** The effect with cluster-robust (HC1, by area) inference. */
    public RateRatioTerm effect() {
        return effect(Inference.CLUSTER_HC1);
    }

    /** The effect under an inference ({@link Inference#NEWEY_WEST} is not held). */
    public RateRatioTerm effect(Inference inference) {
        return regression.term(TERM, inference);
    }

    @Override
    public String toString() {
        RateRatioTerm e = effect();
        return Format.f("Poisson difference in differences, %d areas (%d treated) x %d periods, area and period "
                        + "fixed effects, population offset%nrate ratio %s %s: %s than comparison areas%n%s",
                areas, treated, periods, Format.num(e.rateRatio()), e.interval(), e.percentChange(), regression);
    }
}
