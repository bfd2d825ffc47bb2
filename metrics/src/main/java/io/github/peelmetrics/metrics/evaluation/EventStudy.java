package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The event-study form of {@link PoissonDid}: {@code treat_post} replaced by one dummy per event
 * time {@code e = period − first treated period} present among the treated areas' rows, except
 * {@code e = −1}, the reference (its rate ratio is 1 by construction). Never-treated areas have every
 * dummy 0. Terms are {@code ev_m<k>} ({@code k} periods before adoption) and {@code ev_p<k>}
 * ({@code k} periods after; {@code ev_p0} is the first treated period), in increasing event time.
 * Rate ratios before adoption near 1 are the pre-trend check: treated and comparison areas moved
 * together before the program (Freyaldenhoven, Hansen and Shapiro 2019, AER 109: 3307-3338, on
 * what such a check can and cannot show).
 *
 * <p>R: {@code glm(y ~ factor(area) + factor(period) + ev_m<k> ... + ev_p<k> ... + offset(log(pop)),
 * family = poisson | quasipoisson)} and {@code sandwich::vcovCL}; agrees to 1e-7 on the conformance
 * cases. Inputs and errors as {@link PoissonDid}. Immutable and thread-safe.
 *
 * @param eventTimes the event times of the listed terms, increasing ({@code −1} absent)
 * @param regression the fitted model, one term per event time
 */
public record EventStudy(List<Integer> eventTimes, CountRegression regression) {

    /** Validates and copies. */
    public EventStudy {
        eventTimes = List.copyOf(eventTimes);
        Objects.requireNonNull(regression, "regression of EventStudy must not be null");
    }

    /** Fits the model with 95% intervals. */
    public static EventStudy fit(List<PanelCount> rows, Map<String, Integer> adoption) {
        return fit(rows, adoption, Interval.DEFAULT_LEVEL);
    }

    /**
     * Fits the model.
     *
     * @param rows     one cell per area and period
     * @param adoption the first treated period of each treated area
     * @param level    the confidence level of the intervals
     */
    public static EventStudy fit(List<PanelCount> rows, Map<String, Integer> adoption, double level) {
        Panel panel = Panel.of("EventStudy", rows, adoption);
        PoissonDid.checkArms("EventStudy", panel);
        PoissonDid.checkEvents("EventStudy", panel);
        TreeSet<Integer> present = new TreeSet<>();
        for (int a = 0; a < panel.nAreas(); a++) {
            if (panel.treated(a)) {
                for (int period : panel.periods) {
                    present.add(period - panel.first[a]);
                }
            }
        }
        present.remove(-1);
        List<Integer> times = new ArrayList<>(present);
        List<String> names = new ArrayList<>();
        for (int e : times) {
            names.add(term(e));
        }
        java.util.Map<Integer, Integer> column = new java.util.HashMap<>();
        for (int j = 0; j < times.size(); j++) {
            column.put(times.get(j), j);
        }
        double[][] cols = new double[times.size()][panel.nAreas() * panel.nPeriods()];
        for (int a = 0, i = 0; a < panel.nAreas(); a++) {
            for (int t = 0; t < panel.nPeriods(); t++, i++) {
                if (panel.treated(a)) {
                    Integer j = column.get(panel.periods.get(t) - panel.first[a]);
                    if (j != null) {
                        cols[j][i] = 1;
                    }
                }
            }
        }
        CountRegression r = CountModels.panel(panel,
                "y ~ factor(area) + factor(period) + ev_m<k>... + ev_p<k>... + offset(log(pop))", names, cols, level);
        return new EventStudy(times, r);
    }

    /** The term name of an event time: {@code ev_m2}, {@code ev_p0}. */
    public static String term(int eventTime) {
        return eventTime < 0 ? "ev_m" + (-eventTime) : "ev_p" + eventTime;
    }

    /** The term of an event time under an inference; fails listing the event times held. */
    public RateRatioTerm at(int eventTime, Inference inference) {
        if (!eventTimes.contains(eventTime)) {
            throw Checks.notHeld("EventStudy", "event time", eventTime, eventTimes);
        }
        return regression.term(term(eventTime), inference);
    }

    /** The term of an event time, cluster-robust (HC1 by area). */
    public RateRatioTerm at(int eventTime) {
        return at(eventTime, Inference.CLUSTER_HC1);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(Format.f(
                "Poisson event study, reference period -1, cluster-robust (HC1 by area) %s%% intervals%n",
                Format.percent(regression.table(Inference.CLUSTER_HC1).terms().get(0).interval().level())));
        b.append(Format.f("  %-6s %-11s %-18s %s%n", "event", "rate ratio", "interval", "p"));
        boolean reference = false;
        for (int e : eventTimes) {
            if (!reference && e > -1) {
                b.append(Format.f("  %-6d %-11s %s%n", -1, "1", "(reference)"));
                reference = true;
            }
            RateRatioTerm t = at(e);
            String ci = "[" + Format.f("%.3f", t.interval().lower()) + ", " + Format.f("%.3f", t.interval().upper()) + "]";
            b.append(Format.f("  %-6d %-11s %-18s %s%n", e, Format.f("%.3f", t.rateRatio()), ci, Format.p(t.pValue())));
        }
        return b.toString().stripTrailing();
    }
}
