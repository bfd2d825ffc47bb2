package io.github.peelmetrics.metrics.beats;

import io.github.peelmetrics.core.BeatAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assignment stability, the backbone of geographic (beat) policing: officers who keep the same
 * beat get to know its residents (Goldstein, <i>Problem-Oriented Policing</i>, 1990; the
 * President's Task Force on 21st Century Policing, 2015, recommendation 4.2).
 *
 * <ul>
 * <li>An officer's <b>primary beat</b> is the beat of most of their shifts (ties broken by the
 *     smallest beat id, so the result does not depend on record order); their stability is the
 *     share of their shifts on it.</li>
 * <li>A beat's <b>regular officers</b> are those whose primary beat it is; its coverage is the
 *     share of its shifts they work.</li>
 * <li>The pooled share, {@code Σ shifts on primary beats / Σ shifts}, is the same figure seen
 *     from either side.</li>
 * </ul>
 * A shift is a distinct {@link BeatAssignment} (officer, beat, day, shift): a repeated record
 * counts once.
 *
 * <p>Immutable and thread-safe.
 */
public final class AssignmentStability {

    private final Map<String, OfficerStability> officers;
    private final Map<String, BeatCoverage> beats;

    private AssignmentStability(Map<String, OfficerStability> officers, Map<String, BeatCoverage> beats) {
        this.officers = officers;
        this.beats = beats;
    }

    /** The stability of a set of assignments (empty when there is none). */
    public static AssignmentStability of(Collection<BeatAssignment> assignments) {
        Objects.requireNonNull(assignments, "assignments must not be null");
        Set<BeatAssignment> distinct = new LinkedHashSet<>();
        for (BeatAssignment a : assignments) {
            distinct.add(Objects.requireNonNull(a, "assignment must not be null"));
        }
        Map<String, Map<String, Long>> byOfficer = new TreeMap<>();
        for (BeatAssignment a : distinct) {
            byOfficer.computeIfAbsent(a.officerId(), k -> new TreeMap<>()).merge(a.beat(), 1L, Long::sum);
        }
        Map<String, OfficerStability> os = new TreeMap<>();
        Map<String, String> primary = new HashMap<>();
        for (Map.Entry<String, Map<String, Long>> e : byOfficer.entrySet()) {
            String best = null;
            long bestN = -1;
            long total = 0;
            for (Map.Entry<String, Long> b : e.getValue().entrySet()) { // beats sorted: first maximum wins ties
                total += b.getValue();
                if (b.getValue() > bestN) {
                    best = b.getKey();
                    bestN = b.getValue();
                }
            }
            primary.put(e.getKey(), best);
            os.put(e.getKey(), new OfficerStability(e.getKey(), best, total, bestN));
        }
        Map<String, long[]> cover = new TreeMap<>(); // beat -> {shifts, by regulars}
        for (BeatAssignment a : distinct) {
            long[] c = cover.computeIfAbsent(a.beat(), k -> new long[2]);
            c[0]++;
            if (a.beat().equals(primary.get(a.officerId()))) {
                c[1]++;
            }
        }
        Map<String, Long> regulars = new HashMap<>();
        primary.values().forEach(b -> regulars.merge(b, 1L, Long::sum));
        Map<String, BeatCoverage> bs = new TreeMap<>();
        cover.forEach((b, c) -> bs.put(b, new BeatCoverage(b, c[0], c[1], regulars.getOrDefault(b, 0L))));
        return new AssignmentStability(java.util.Collections.unmodifiableMap(os),
                java.util.Collections.unmodifiableMap(bs));
    }

    /** Every officer, by id. */
    public List<OfficerStability> officers() {
        return List.copyOf(officers.values());
    }

    /** Every beat worked, by id. */
    public List<BeatCoverage> beats() {
        return List.copyOf(beats.values());
    }

    /** One officer's stability, if they have a shift. */
    public Optional<OfficerStability> officer(String officerId) {
        return Optional.ofNullable(officers.get(Objects.requireNonNull(officerId, "officer id must not be null")));
    }

    /** One beat's coverage, if it was worked. */
    public Optional<BeatCoverage> beat(String beatId) {
        return Optional.ofNullable(beats.get(Objects.requireNonNull(beatId, "beat id must not be null")));
    }

    /** Shifts on the officer's primary beat over all shifts; NaN when there is no shift. */
    public double pooledShare() {
        long on = 0;
        long all = 0;
        for (OfficerStability o : officers.values()) {
            on += o.shiftsOnPrimaryBeat();
            all += o.shifts();
        }
        return all == 0 ? Double.NaN : (double) on / all;
    }

    /** A summary line and one line per beat. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Assignment stability: %d officers, %d beats, %.3f of shifts on the "
                + "officer's primary beat", officers.size(), beats.size(), pooledShare()));
        beats.values().forEach(b -> lines.add("  " + b));
        return String.join(System.lineSeparator(), lines);
    }
}
