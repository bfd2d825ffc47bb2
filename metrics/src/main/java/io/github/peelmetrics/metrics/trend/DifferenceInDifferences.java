package io.github.peelmetrics.metrics.trend;

import io.github.peelmetrics.core.internal.Format;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Difference-in-differences on a panel of areas by periods: the OLS regression
 * {@code y = b0 + b1·treated + b2·post + b3·treated·post + e}, where {@code b3} is the effect of
 * the program (Angrist and Pischke 2009, ch. 5).
 *
 * <p>Standard errors: {@link #classic()} (t on {@code N - 4} df, R {@code lm}, statsmodels
 * {@code OLS.fit()}); {@link #clusterRobust()} (CR1 clustered by area,
 * {@code V = (X'X)⁻¹ Σ_g X_g'e_g e_g'X_g (X'X)⁻¹ · G/(G-1) · (N-1)/(N-K)}, normal p-values, as
 * statsmodels {@code fit(cov_type='cluster')}); {@link #clusterRobustT()} (the same with t p-values
 * on {@code G - 1} df, statsmodels {@code use_t=True}, Stata). With few clusters (under about 30)
 * prefer the t version (Cameron and Miller 2015). Immutable and thread-safe.
 *
 * <p>This is a 2 × 2 design on levels: an additive effect, no area or period fixed effects, no
 * population offset and no staggered adoption. For counts (crimes per area and year) use
 * {@link io.github.peelmetrics.metrics.evaluation.PoissonDid} (a rate ratio with area and period
 * fixed effects and a population offset), its event-study form
 * {@link io.github.peelmetrics.metrics.evaluation.EventStudy}, or, when areas adopt in stages,
 * {@link io.github.peelmetrics.metrics.evaluation.CallawaySantAnna}.
 *
 * @param n                        the number of observations
 * @param clusters                 the number of areas (clusters)
 * @param residualDegreesOfFreedom {@code N - 4}
 * @param classic                  the coefficients with classic OLS standard errors and t p-values
 * @param clusterRobust            the coefficients with CR1 cluster-robust (by area) standard errors
 *                                 and normal p-values
 */
public record DifferenceInDifferences(int n, int clusters, int residualDegreesOfFreedom, CoefficientTable classic,
                                      CoefficientTable clusterRobust) {

    private static final String[] TERMS = {"Intercept", "treated", "post", "treated:post"};

    /** Validates. */
    public DifferenceInDifferences {
        Objects.requireNonNull(classic, "classic of DifferenceInDifferences must not be null");
        Objects.requireNonNull(clusterRobust, "clusterRobust of DifferenceInDifferences must not be null");
        if (clusters < 2 || n <= TERMS.length || residualDegreesOfFreedom != n - TERMS.length) {
            throw new IllegalArgumentException(Format.f("DifferenceInDifferences: n %d, clusters %d and "
                    + "residualDegreesOfFreedom %d are inconsistent", n, clusters, residualDegreesOfFreedom));
        }
    }

    /**
     * Fits the model.
     *
     * @param panel the observations (any order)
     * @throws IllegalArgumentException when an area is both treated and untreated, one of the
     *                                  four treated × post cells is empty, or there are fewer than
     *                                  2 areas
     */
    public static DifferenceInDifferences fit(List<PanelObservation> panel) {
        Objects.requireNonNull(panel, "panel");
        int n = panel.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        int[] cluster = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Boolean> arm = new HashMap<>();
        int[] cells = new int[4];
        for (int i = 0; i < n; i++) {
            PanelObservation o = Objects.requireNonNull(panel.get(i), "panel observation");
            Boolean before = arm.putIfAbsent(o.area(), o.treated());
            if (before != null && before != o.treated()) {
                throw new IllegalArgumentException(Format.f(
                        "DifferenceInDifferences: area %s is treated in one period and not in another (period %d)",
                        o.area(), o.period()));
            }
            cluster[i] = ids.computeIfAbsent(o.area(), a -> ids.size());
            double tr = o.treated() ? 1 : 0;
            double po = o.post() ? 1 : 0;
            x[i] = new double[] {1, tr, po, tr * po};
            y[i] = o.outcome();
            cells[(o.treated() ? 2 : 0) + (o.post() ? 1 : 0)]++;
        }
        String[] names = {"untreated before", "untreated after", "treated before", "treated after"};
        for (int c = 0; c < 4; c++) {
            if (cells[c] == 0) {
                throw new IllegalArgumentException("DifferenceInDifferences: the panel has no " + names[c] + " observation");
            }
        }
        if (ids.size() < 2) {
            throw new IllegalArgumentException("DifferenceInDifferences: at least 2 areas are needed: " + ids.size());
        }
        if (n <= 4) {
            throw new IllegalArgumentException("DifferenceInDifferences: at least 5 observations are needed: " + n);
        }
        Ols ols = new Ols(x, y);
        int g = ids.size();
        return new DifferenceInDifferences(n, g, ols.dfResid(),
                CoefficientTable.of("classic", TERMS, ols.beta, ols.classic(), OptionalDouble.of(ols.dfResid())),
                CoefficientTable.of("cluster-cr1", TERMS, ols.beta, ols.cluster(cluster, g), OptionalDouble.empty()));
    }

    /** As {@link #clusterRobust()} with t p-values on {@code G - 1} degrees of freedom. */
    public CoefficientTable clusterRobustT() {
        return clusterRobust.withDegreesOfFreedom(OptionalDouble.of(clusters - 1));
    }

    /** The difference-in-differences estimate {@code b3} with cluster-robust standard error. */
    public Coefficient effect() {
        return clusterRobust.coefficient("treated:post");
    }

    @Override
    public String toString() {
        Coefficient c = effect();
        Coefficient k = classic.coefficient("treated:post");
        return "DifferenceInDifferences[n=" + n + ", areas=" + clusters + ", effect=" + Format.num(c.estimate())
                + " (cluster se " + Format.num(c.standardError()) + ", p=" + Format.p(c.pValue()) + "; classic se "
                + Format.num(k.standardError()) + ", p=" + Format.p(k.pValue()) + ")]";
    }
}
