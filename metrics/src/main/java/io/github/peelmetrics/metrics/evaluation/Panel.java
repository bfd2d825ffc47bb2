package io.github.peelmetrics.metrics.evaluation;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A balanced area × period panel of counts with adoption periods: areas in code-point order,
 * periods increasing, cells area-major. Package-private.
 */
final class Panel {
    final List<String> areas;
    final List<Integer> periods;
    /** [area][period]. */
    final double[][] count;
    final double[][] population;
    /** The first treated period of each area, or {@link Integer#MIN_VALUE} for never treated. */
    final int[] first;
    static final int NEVER = Integer.MIN_VALUE;

    private Panel(List<String> areas, List<Integer> periods, double[][] count, double[][] population, int[] first) {
        this.areas = areas;
        this.periods = periods;
        this.count = count;
        this.population = population;
        this.first = first;
    }

    /**
     * Builds the panel.
     *
     * @param what      the caller, for messages
     * @param rows      one per area and period
     * @param adoption  first treated period of each treated area; other areas are never treated
     */
    static Panel of(String what, List<PanelCount> rows, Map<String, Integer> adoption) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(adoption, "adoption");
        TreeSet<String> areaSet = new TreeSet<>();
        TreeSet<Integer> periodSet = new TreeSet<>();
        for (PanelCount r : rows) {
            Objects.requireNonNull(r, "panel row");
            areaSet.add(r.area());
            periodSet.add(r.period());
        }
        if (areaSet.size() < 2 || periodSet.size() < 2) {
            throw new IllegalArgumentException(Format.f("%s needs at least 2 areas and 2 periods: %d areas, %d periods",
                    what, areaSet.size(), periodSet.size()));
        }
        List<String> areas = List.copyOf(areaSet);
        List<Integer> periods = List.copyOf(periodSet);
        Map<String, Integer> ai = new HashMap<>();
        for (String a : areas) {
            ai.put(a, ai.size());
        }
        Map<Integer, Integer> pi = new HashMap<>();
        for (Integer p : periods) {
            pi.put(p, pi.size());
        }
        double[][] count = new double[areas.size()][periods.size()];
        double[][] pop = new double[areas.size()][periods.size()];
        for (PanelCount r : rows) {
            int a = ai.get(r.area());
            int t = pi.get(r.period());
            if (pop[a][t] != 0) {
                throw new IllegalArgumentException(Format.f("%s: area %s has two rows for period %d", what, r.area(),
                        r.period()));
            }
            count[a][t] = r.count();
            pop[a][t] = r.population();
        }
        for (int a = 0; a < areas.size(); a++) {
            for (int t = 0; t < periods.size(); t++) {
                if (pop[a][t] == 0) {
                    throw new IllegalArgumentException(Format.f("%s needs a balanced panel: area %s has no row for "
                            + "period %d", what, areas.get(a), periods.get(t)));
                }
            }
        }
        int[] first = new int[areas.size()];
        java.util.Arrays.fill(first, NEVER);
        for (Map.Entry<String, Integer> e : adoption.entrySet()) {
            Integer a = ai.get(Objects.requireNonNull(e.getKey(), "adoption area"));
            if (a == null) {
                throw Checks.notHeld(what + " panel", "area", e.getKey(), areas);
            }
            first[a] = Objects.requireNonNull(e.getValue(), "adoption period of " + e.getKey());
        }
        return new Panel(areas, periods, count, pop, first);
    }

    int nAreas() {
        return areas.size();
    }

    int nPeriods() {
        return periods.size();
    }

    boolean treated(int a) {
        return first[a] != NEVER;
    }

    /** Distinct adoption periods, increasing. */
    List<Integer> cohorts() {
        TreeSet<Integer> g = new TreeSet<>();
        for (int f : first) {
            if (f != NEVER) {
                g.add(f);
            }
        }
        return new ArrayList<>(g);
    }
}
