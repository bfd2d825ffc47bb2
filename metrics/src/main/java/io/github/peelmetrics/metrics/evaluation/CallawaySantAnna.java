package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Distributions;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Staggered adoption: the group-time average treatment effects of Callaway and Sant'Anna (2021),
 * "Difference-in-differences with multiple time periods", Journal of Econometrics 225: 200-230,
 * unconditional (no covariates), with never-treated areas as the comparison, and their "simple"
 * and "dynamic" (event-study) aggregations. Unlike the two-way fixed effects coefficient of
 * {@link PoissonDid}, no already-treated area ever serves as a comparison, so effects that grow
 * with time since adoption are not mixed with negative weights (Goodman-Bacon 2021).
 *
 * <p>For every cohort {@code g} (areas first treated in {@code g}) and every period {@code t} from
 * the second on, with base {@code b = } the last period before {@code g} when {@code t ≥ g} and
 * {@code b = } the period before {@code t} otherwise (R {@code did}'s default
 * {@code base_period = "varying"}): {@code ATT(g,t) = mean_{G=g}(Y_t − Y_b) − mean_{never}(Y_t − Y_b)}.
 * Influence function over the {@code n} areas: {@code (n/n_g)(ΔY − m1)} in the cohort,
 * {@code −(n/n_0)(ΔY − m0)} for never-treated areas, 0 otherwise; {@code se = √(Σψ²)/n}. "Simple":
 * the post cells averaged with weights {@code n_g/n}, and its influence function with the term for
 * the estimated weights (R {@code did::aggte(type = "simple")}); "dynamic": the same per event time
 * {@code e = t − g}, and the overall effect as the plain mean over {@code e ≥ 0}. Intervals are
 * pointwise normal; standard errors analytic ({@code bstrap = FALSE}; did's default is a
 * multiplier bootstrap). Follows bcallaway11/did 2.5.1's conventions; agrees to 1e-9 with the
 * conformance cases (an R transcription of the paper checked by an independent numpy one).
 *
 * <p>Input: a balanced panel; areas missing from {@code adoption} are never treated. Errors
 * ({@link IllegalArgumentException}): no never-treated area, a cohort adopting in or before the
 * first period (no base period), a log rate of a zero count. Immutable and thread-safe.
 *
 * @param outcome      the outcome
 * @param units        areas {@code n}
 * @param groups       the cohorts {@code g}, increasing
 * @param groupSizes   areas per cohort, in {@code groups} order
 * @param neverTreated never-treated areas {@code n_0}
 * @param groupTime    every {@code ATT(g,t)}, by cohort then period
 * @param simple       the "simple" aggregation over the post cells
 * @param dynamic      the "dynamic" aggregation, by increasing event time
 * @param overall      the mean of the dynamic effects at {@code e ≥ 0}
 */
public record CallawaySantAnna(AttOutcome outcome, int units, List<Integer> groups, List<Integer> groupSizes,
                               int neverTreated, List<GroupTimeAtt> groupTime, AttEstimate simple,
                               List<EventTimeAtt> dynamic, AttEstimate overall) {

    /** Validates and copies. */
    public CallawaySantAnna {
        Objects.requireNonNull(outcome, "outcome of CallawaySantAnna must not be null");
        groups = List.copyOf(groups);
        groupSizes = List.copyOf(groupSizes);
        groupTime = List.copyOf(groupTime);
        Objects.requireNonNull(simple, "simple of CallawaySantAnna must not be null");
        dynamic = List.copyOf(dynamic);
        Objects.requireNonNull(overall, "overall of CallawaySantAnna must not be null");
    }

    /** Estimates with 95% intervals. */
    public static CallawaySantAnna fit(List<PanelCount> rows, Map<String, Integer> adoption, AttOutcome outcome) {
        return fit(rows, adoption, outcome, Interval.DEFAULT_LEVEL);
    }

    /**
     * Estimates the group-time effects and their aggregations.
     *
     * @param rows     one cell per area and period
     * @param adoption the first treated period of each treated area
     * @param outcome  the outcome computed from count and population
     * @param level    the confidence level of the pointwise intervals
     */
    public static CallawaySantAnna fit(List<PanelCount> rows, Map<String, Integer> adoption, AttOutcome outcome,
                                       double level) {
        Objects.requireNonNull(outcome, "outcome");
        Checks.level(level, "CallawaySantAnna");
        Panel panel = Panel.of("CallawaySantAnna", rows, adoption);
        PoissonDid.checkArms("CallawaySantAnna", panel);
        int n = panel.nAreas();
        int nT = panel.nPeriods();
        double[][] y = new double[n][nT];
        for (int a = 0; a < n; a++) {
            for (int t = 0; t < nT; t++) {
                double c = panel.count[a][t];
                double pop = panel.population[a][t];
                if (outcome == AttOutcome.LOG_RATE) {
                    if (c == 0) {
                        throw new IllegalArgumentException(Format.f("CallawaySantAnna: the log rate of area %s in "
                                + "period %d is undefined (count 0); use RATE_PER_100K", panel.areas.get(a),
                                panel.periods.get(t)));
                    }
                    y[a][t] = Math.log(c / pop);
                } else {
                    y[a][t] = c / pop * 1e5;
                }
            }
        }
        List<Integer> groups = panel.cohorts();
        List<Integer> sizes = new ArrayList<>();
        int never = 0;
        for (int a = 0; a < n; a++) {
            never += panel.treated(a) ? 0 : 1;
        }
        double q = Distributions.normalQuantile(0.5 + level / 2);
        List<GroupTimeAtt> cells = new ArrayList<>();
        List<double[]> psis = new ArrayList<>();
        List<Integer> cellGroup = new ArrayList<>();
        for (int g : groups) {
            int ng = 0;
            for (int a = 0; a < n; a++) {
                ng += panel.first[a] == g ? 1 : 0;
            }
            sizes.add(ng);
            int before = -1;   // index of the last period before g
            for (int t = 0; t < nT; t++) {
                if (panel.periods.get(t) < g) {
                    before = t;
                }
            }
            if (before < 0) {
                throw new IllegalArgumentException(Format.f("CallawaySantAnna: cohort %d adopts in or before the first "
                        + "period %d, so it has no base period", g, panel.periods.get(0)));
            }
            for (int t = 1; t < nT; t++) {
                boolean post = panel.periods.get(t) >= g;
                int b = post ? before : t - 1;
                double m1 = 0;
                double m0 = 0;
                for (int a = 0; a < n; a++) {
                    double d = y[a][t] - y[a][b];
                    if (panel.first[a] == g) {
                        m1 += d;
                    } else if (!panel.treated(a)) {
                        m0 += d;
                    }
                }
                m1 /= ng;
                m0 /= never;
                double[] psi = new double[n];
                double ss = 0;
                for (int a = 0; a < n; a++) {
                    double d = y[a][t] - y[a][b];
                    if (panel.first[a] == g) {
                        psi[a] = (double) n / ng * (d - m1);
                    } else if (!panel.treated(a)) {
                        psi[a] = -(double) n / never * (d - m0);
                    }
                    ss += psi[a] * psi[a];
                }
                double att = m1 - m0;
                double se = Math.sqrt(ss) / n;
                cells.add(new GroupTimeAtt(g, panel.periods.get(t), panel.periods.get(b), post, estimate(att, se, q,
                        level)));
                psis.add(psi);
                cellGroup.add(g);
            }
        }
        // aggregations
        List<Integer> postCells = new ArrayList<>();
        TreeSet<Integer> eventTimes = new TreeSet<>();
        for (int k = 0; k < cells.size(); k++) {
            if (cells.get(k).post()) {
                postCells.add(k);
            }
            eventTimes.add(cells.get(k).eventTime());
        }
        double[] simpleIf = new double[n];
        double simpleAtt = aggregate(postCells, cells, psis, panel, simpleIf);
        AttEstimate simple = estimate(simpleAtt, seOf(simpleIf), q, level);
        List<EventTimeAtt> dynamic = new ArrayList<>();
        double[] overallIf = new double[n];
        double overallSum = 0;
        int overallCount = 0;
        for (int e : eventTimes) {
            List<Integer> ks = new ArrayList<>();
            for (int k = 0; k < cells.size(); k++) {
                if (cells.get(k).eventTime() == e) {
                    ks.add(k);
                }
            }
            double[] inf = new double[n];
            double att = aggregate(ks, cells, psis, panel, inf);
            dynamic.add(new EventTimeAtt(e, estimate(att, seOf(inf), q, level)));
            if (e >= 0) {
                overallSum += att;
                overallCount++;
                for (int a = 0; a < n; a++) {
                    overallIf[a] += inf[a];
                }
            }
        }
        AttEstimate overall;
        if (overallCount == 0) {
            throw new IllegalArgumentException("CallawaySantAnna: no cohort is observed after adoption");
        }
        for (int a = 0; a < n; a++) {
            overallIf[a] /= overallCount;
        }
        overall = estimate(overallSum / overallCount, seOf(overallIf), q, level);
        return new CallawaySantAnna(outcome, n, groups, sizes, never, cells, simple, dynamic, overall);
    }

    /**
     * The weighted mean of the cells {@code ks} with weights {@code pg = n_g/n}, and its influence
     * function (into {@code inf}) including the estimated-weights term.
     */
    private static double aggregate(List<Integer> ks, List<GroupTimeAtt> cells, List<double[]> psis, Panel panel,
                                    double[] inf) {
        int n = panel.nAreas();
        int m = ks.size();
        double[] pg = new double[m];
        double[] att = new double[m];
        int[] g = new int[m];
        double s = 0;
        for (int j = 0; j < m; j++) {
            GroupTimeAtt c = cells.get(ks.get(j));
            g[j] = c.group();
            int ng = 0;
            for (int a = 0; a < n; a++) {
                ng += panel.first[a] == g[j] ? 1 : 0;
            }
            pg[j] = (double) ng / n;
            att[j] = c.att().estimate();
            s += pg[j];
        }
        double theta = 0;
        for (int j = 0; j < m; j++) {
            theta += pg[j] * att[j];
        }
        theta /= s;
        for (int a = 0; a < n; a++) {
            double sumIndicator = 0;
            for (int j = 0; j < m; j++) {
                sumIndicator += (panel.first[a] == g[j] ? 1 : 0) - pg[j];
            }
            double v = 0;
            for (int j = 0; j < m; j++) {
                double ind = panel.first[a] == g[j] ? 1 : 0;
                double wif = (ind - pg[j]) / s - sumIndicator * pg[j] / (s * s);
                v += pg[j] / s * psis.get(ks.get(j))[a] + att[j] * wif;
            }
            inf[a] = v;
        }
        return theta;
    }

    /** {@code √(mean(IF²)/n)}. */
    private static double seOf(double[] inf) {
        double ss = 0;
        for (double v : inf) {
            ss += v * v;
        }
        return Math.sqrt(ss / inf.length / inf.length);
    }

    private static AttEstimate estimate(double att, double se, double q, double level) {
        return new AttEstimate(att, se, Interval.of(att - q * se, att + q * se, "normal", level));
    }

    /** The group-time effect of cohort {@code g} in period {@code t}; fails listing the cells held. */
    public GroupTimeAtt cell(int group, int time) {
        for (GroupTimeAtt c : groupTime) {
            if (c.group() == group && c.time() == time) {
                return c;
            }
        }
        throw Checks.notHeld("CallawaySantAnna", "cell (group, time)", "(" + group + ", " + time + ")",
                groupTime.stream().map(c -> "(" + c.group() + ", " + c.time() + ")").toList());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(Format.f("Callaway & Sant'Anna group-time effects, outcome %s, %d areas "
                        + "(%d never treated), cohorts %s%nsimple ATT %s%noverall (dynamic, e >= 0) %s%n", outcome, units,
                neverTreated, groups, simple, overall));
        b.append(Format.f("  %-6s %-10s %-10s %s%n", "event", "ATT", "se", "interval"));
        for (EventTimeAtt e : dynamic) {
            b.append(Format.f("  %-6d %-10s %-10s [%s, %s]%n", e.eventTime(), Format.cell(e.att().estimate()),
                    Format.cell(e.att().standardError()), Format.cell(e.att().interval().lower()),
                    Format.cell(e.att().interval().upper())));
        }
        return b.toString().stripTrailing();
    }
}
