package io.github.peelmetrics.metrics.stops;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.testing.Seeded;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random stops for property tests, with missing fields, the unknown race and rare groups on purpose. */
public final class RandomStops {
    private RandomStops() {}

    private static final ZonedDateTime START = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final List<Category> RACES = Races.all();
    private static final SearchBasis[] BASES = SearchBasis.values();
    private static final StopOutcome[] OUTCOMES = StopOutcome.values();

    /** Between 0 and {@code max} stops (0, 1 and {@code max} more often than by chance), over up to {@code beats} beats. */
    public static List<Stop> stops(SplittableRandom r, int max, int beats) {
        return exactly(r, Seeded.edgy(r, 0, max), beats);
    }

    /** {@code n} stops over up to {@code beats} beats, with a search rate drawn for the lot (0 one time in five). */
    public static List<Stop> exactly(SplittableRandom r, int n, int beats) {
        int nBeats = 1 + r.nextInt(beats);
        double searchProbability = r.nextInt(5) == 0 ? 0 : r.nextDouble(0.5);
        List<Stop> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(stop(r, i, nBeats, searchProbability));
        }
        return out;
    }

    /** One stop with id {@code S<i>} in one of {@code nBeats} beats, searched with the given probability. */
    public static Stop stop(SplittableRandom r, int i, int nBeats, double searchProbability) {
        // skewed races so that some groups are rare or absent
        Category race = RACES.get(Math.min(RACES.size() - 1, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 2)));
        Stop.Builder b = Stop.builder("S" + i, START.plusMinutes(i)).beat("B" + r.nextInt(nBeats)).race(race);
        int s = r.nextInt(20);
        if (s == 0) {
            b.search(Flag.UNKNOWN, SearchBasis.NONE, Flag.UNKNOWN);
        } else if (r.nextDouble() < searchProbability) {
            SearchBasis basis = BASES[1 + r.nextInt(BASES.length - 1)];
            Flag hit = r.nextInt(10) == 0 ? Flag.UNKNOWN : Flag.of(r.nextInt(3) == 0);
            b.searched(basis, hit);
        } else {
            b.notSearched();
        }
        b.outcome(OUTCOMES[r.nextInt(OUTCOMES.length)]);
        b.useOfForce(r.nextInt(4) == 0 ? Flag.UNKNOWN : Flag.of(r.nextInt(15) == 0));
        // the facts OPP's exports hold beside the outcome, each sometimes unrecorded
        b.frisk(flag(r, 0.2)).contrabandWeapons(flag(r, 0.1)).contrabandDrugs(flag(r, 0.2));
        if (r.nextInt(3) == 0) {
            b.citation(flag(r, 0.4));
        }
        return b.build();
    }

    /** YES with probability {@code p} among recorded values, UNKNOWN one time in five. */
    private static Flag flag(SplittableRandom r, double p) {
        return r.nextInt(5) == 0 ? Flag.UNKNOWN : Flag.of(r.nextDouble() < p);
    }
}
