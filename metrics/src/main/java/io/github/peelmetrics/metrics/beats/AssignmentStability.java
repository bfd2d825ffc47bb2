package io.github.peelmetrics.metrics.beats;

import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
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
 *
 * @param officers    every officer, by id
 * @param beats       every beat worked, by id
 * @param pooledShare shifts on the officer's primary beat over all shifts; empty when there is no shift
 */
public record AssignmentStability(List<OfficerStability> officers, List<BeatCoverage> beats,
                                  OptionalDouble pooledShare) {

    /** Checks that no component is null; copies the lists. */
    public AssignmentStability {
        officers = List.copyOf(officers);
        beats = List.copyOf(beats);
        Objects.requireNonNull(pooledShare, "pooledShare of assignment stability must not be null");
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
            os.put(e.getKey(), OfficerStability.of(e.getKey(), best, total, bestN));
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
        cover.forEach((b, c) -> bs.put(b, BeatCoverage.of(b, c[0], c[1], regulars.getOrDefault(b, 0L))));
        long on = 0;
        long all = 0;
        for (OfficerStability o : os.values()) {
            on += o.shiftsOnPrimaryBeat();
            all += o.shifts();
        }
        return new AssignmentStability(List.copyOf(os.values()), List.copyOf(bs.values()),
                all == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) on / all));
    }

    /**
     * One officer's stability.
     *
     * @throws IllegalArgumentException if the officer has no shift here, listing the officers who have
     */
    public OfficerStability officer(String officerId) {
        Objects.requireNonNull(officerId, "officer id must not be null");
        for (OfficerStability o : officers) {
            if (o.officerId().equals(officerId)) {
                return o;
            }
        }
        throw Checks.notHeld("assignment stability", "officer", officerId,
                officers.stream().map(OfficerStability::officerId).toList());
    }

    /**
     * One beat's coverage.
     *
     * @throws IllegalArgumentException if the beat was not worked, listing the beats that were
     */
    public BeatCoverage beat(String beatId) {
        Objects.requireNonNull(beatId, "beat id must not be null");
        for (BeatCoverage b : beats) {
            if (b.beat().equals(beatId)) {
                return b;
            }
        }
        throw Checks.notHeld("assignment stability", "beat", beatId, beats.stream().map(BeatCoverage::beat).toList());
    }

    /** A summary line and one line per beat. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Assignment stability: %d officers, %d beats, %s of shifts on the "
                + "officer's primary beat", officers.size(), beats.size(),
                pooledShare.isPresent() ? String.format(Locale.ROOT, "%.3f", pooledShare.getAsDouble()) : "-"));
        beats.forEach(b -> lines.add("  " + b));
        return String.join(System.lineSeparator(), lines);
    }
}
