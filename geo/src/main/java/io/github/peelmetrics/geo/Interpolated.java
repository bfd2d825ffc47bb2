package io.github.peelmetrics.geo;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Block values apportioned to beats by area: every beat of the map (in file order) and every
 * variable. A value is empty when the beat meets no block (sf drops such a beat) or, under
 * {@link MissingValues#PROPAGATE}, when a block that meets it has the value missing; an intensive
 * value is NaN when the beat only touches blocks (covered area 0).
 *
 * @param system    the coordinate system the areas were measured in
 * @param weighting extensive (counts) or intensive (averages)
 * @param missing   how missing block values were treated
 * @param variables the variables, in the order asked
 * @param byBeat    beat, then variable, to the value (unmodifiable, in file and asked order)
 */
public record Interpolated(String system, AreaWeighting weighting, MissingValues missing, List<String> variables,
        Map<String, Map<String, OptionalDouble>> byBeat) {

    /** Copies the maps. */
    public Interpolated {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(missing, "missing");
        variables = List.copyOf(variables);
        Map<String, Map<String, OptionalDouble>> copy = new LinkedHashMap<>();
        byBeat.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        byBeat = Collections.unmodifiableMap(copy);
    }

    /**
     * The value of a variable in a beat; empty when undefined (see the class description).
     *
     * @throws IllegalArgumentException if there is no such beat or variable, listing what is held
     */
    public OptionalDouble value(String beat, String variable) {
        Map<String, OptionalDouble> row = byBeat.get(beat);
        if (row == null) {
            throw Checks.notHeld("interpolation", "beat", beat, byBeat.keySet());
        }
        OptionalDouble v = row.get(variable);
        if (v == null) {
            throw Checks.notHeld("interpolation", "variable", variable, variables);
        }
        return v;
    }

    /**
     * Extensive values rounded to whole counts, beat then variable: residents by beat for a
     * disparity benchmark ({@code Benchmark.byKey} in {@code peel-metrics}).
     *
     * @throws IllegalStateException if the values are not extensive, or a value is undefined (a
     *                               beat that meets no block, a missing block value), naming it:
     *                               a benchmark is never filled with 0
     */
    public Map<String, Map<String, Long>> roundedCounts() {
        if (weighting != AreaWeighting.EXTENSIVE) {
            throw new IllegalStateException("intensive values (averages) are not counts: " + variables);
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, OptionalDouble>> e : byBeat.entrySet()) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (Map.Entry<String, OptionalDouble> v : e.getValue().entrySet()) {
                if (v.getValue().isEmpty()) {
                    throw new IllegalStateException("beat " + e.getKey() + " has no value of " + v.getKey()
                            + " (it meets no block, or a block it meets has the value missing)");
                }
                row.put(v.getKey(), Math.round(v.getValue().getAsDouble()));
            }
            out.put(e.getKey(), Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A header and a table of beats by variable ({@code -} for an undefined value). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f("%s area-weighted interpolation to %d beats in %s%s%n",
                weighting == AreaWeighting.EXTENSIVE ? "Extensive" : "Intensive", byBeat.size(), system,
                missing == MissingValues.DROP_BLOCKS ? " (blocks with missing values dropped)" : ""));
        int w = "beat".length();
        for (String b : byBeat.keySet()) {
            w = Math.max(w, b.length());
        }
        int[] cw = new int[variables.size()];
        sb.append(Format.f("  %-" + w + "s", "beat"));
        for (int k = 0; k < cw.length; k++) {
            cw[k] = Math.max(9, variables.get(k).length());
            sb.append(Format.f("  %" + cw[k] + "s", variables.get(k)));
        }
        sb.append(System.lineSeparator());
        for (Map.Entry<String, Map<String, OptionalDouble>> e : byBeat.entrySet()) {
            sb.append(Format.f("  %-" + w + "s", e.getKey()));
            for (int k = 0; k < cw.length; k++) {
                sb.append(Format.f("  %" + cw[k] + "s", Format.cell(e.getValue().get(variables.get(k)))));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString().stripTrailing();
    }
}
