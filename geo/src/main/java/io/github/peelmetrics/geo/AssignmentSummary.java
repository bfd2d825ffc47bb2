package io.github.peelmetrics.geo;

import io.github.peelmetrics.core.internal.Checks;
import io.github.peelmetrics.core.internal.Format;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a set of stops was placed in beats: stops by beat (every beat of the map, in file order,
 * zeros included), stops without a beat by reason, and how many lay on a shared boundary. The
 * counts reconcile: {@code stops = assigned + unassigned}, {@code assigned} = the sum over beats,
 * {@code unassigned} = the sum over reasons.
 *
 * @param stops            stops placed
 * @param byBeat           stops by beat, every beat of the map in file order (unmodifiable)
 * @param noBeat           stops without a beat by reason, every reason listed (unmodifiable)
 * @param onSharedBoundary stops on the boundary of two or more beats (each counted once, in its
 *                         first beat in file order)
 */
public record AssignmentSummary(long stops, Map<String, Long> byBeat, Map<NoBeat, Long> noBeat,
        long onSharedBoundary) {

    /** Copies the maps and checks that the counts reconcile. */
    public AssignmentSummary {
        Objects.requireNonNull(byBeat, "byBeat");
        Objects.requireNonNull(noBeat, "noBeat");
        byBeat = Collections.unmodifiableMap(new LinkedHashMap<>(byBeat));
        EnumMap<NoBeat, Long> reasons = new EnumMap<>(NoBeat.class);
        for (NoBeat r : NoBeat.values()) {
            reasons.put(r, noBeat.getOrDefault(r, 0L));
        }
        noBeat = Collections.unmodifiableMap(reasons);
        long sum = byBeat.values().stream().mapToLong(Long::longValue).sum()
                + noBeat.values().stream().mapToLong(Long::longValue).sum();
        if (sum != stops || onSharedBoundary < 0 || onSharedBoundary > stops) {
            throw new IllegalArgumentException(Format.f(
                    "assignment counts do not reconcile: %d stops, %d by beat and reason, %d on a shared boundary",
                    stops, sum, onSharedBoundary));
        }
    }

    /** Stops placed in a beat. */
    public long assigned() {
        return byBeat.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Stops without a beat. */
    public long unassigned() {
        return stops - assigned();
    }

    /**
     * Stops placed in one beat.
     *
     * @throws IllegalArgumentException if the map has no such beat, listing its beats
     */
    public long count(String beat) {
        Long n = byBeat.get(beat);
        if (n == null) {
            throw Checks.notHeld("assignment summary", "beat", beat, byBeat.keySet());
        }
        return n;
    }

    /** Stops without a beat for one reason. */
    public long count(NoBeat reason) {
        return noBeat.get(Objects.requireNonNull(reason, "reason"));
    }

    /** A one-line count, then the beats and the reasons as a small table. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Format.f(
                "%d stops: %d assigned to %d beats (%d on a shared boundary, first beat in file order), %d without a beat%n",
                stops, assigned(), byBeat.size(), onSharedBoundary, unassigned()));
        int w = "reason".length();
        for (String b : byBeat.keySet()) {
            w = Math.max(w, b.length());
        }
        for (NoBeat r : NoBeat.values()) {
            if (noBeat.get(r) > 0) {
                w = Math.max(w, r.label().length());
            }
        }
        sb.append(Format.f("  %-" + w + "s  %8s%n", "beat", "stops"));
        for (Map.Entry<String, Long> e : byBeat.entrySet()) {
            sb.append(Format.f("  %-" + w + "s  %8d%n", e.getKey(), e.getValue()));
        }
        for (NoBeat r : NoBeat.values()) {
            if (noBeat.get(r) > 0) {
                sb.append(Format.f("  %-" + w + "s  %8d%n", r.label(), noBeat.get(r)));
            }
        }
        return sb.toString().stripTrailing();
    }
}
