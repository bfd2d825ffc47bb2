package io.github.peelmetrics.metrics.vod;

import static io.github.peelmetrics.metrics.vod.SyntheticStops.OAKLAND;
import static io.github.peelmetrics.metrics.vod.SyntheticStops.PACIFIC;

import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.metrics.CoreTallyContractTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The tally contract for the veil of darkness tally: one city without fixed effects here; per-beat
 * places with beat effects, and one city with beat effects, in the subclasses (so that every
 * exclusion made while tallying occurs).
 */
class VeilOfDarknessTallyContractTest extends CoreTallyContractTest<Stop, VeilOfDarknessTally, VeilOfDarknessResult> {

    /** The test under contract. */
    VeilOfDarkness test() {
        return VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK);
    }

    @Override
    protected VeilOfDarknessTally newTally() {
        return test().tally();
    }

    @Override
    protected VeilOfDarknessTally fromBytes(byte[] bytes) {
        return VeilOfDarknessTally.fromByteArray(bytes, test());
    }

    @Override
    protected Stop record(SplittableRandom random) {
        return records(random, 1).get(0);
    }

    /** Evening stops of 2019 over five beats, one in thirty with an unrecorded beat. */
    @Override
    protected List<Stop> records(SplittableRandom random, int n) {
        List<Stop> out = new ArrayList<>(n);
        for (Stop s : SyntheticStops.generate(random, n, 5, random.nextDouble(-1, 1))) {
            out.add(random.nextInt(30) == 0 ? s.toBuilder().beat(Stop.UNKNOWN_BEAT).build() : s);
        }
        return out;
    }

    @Override
    protected int maxRecords() {
        return 600;
    }

    @Override
    protected int cases() {
        return 60;
    }

    /** The result's figures, exactly (its spline has no value equality). */
    @Override
    protected boolean sameResult(VeilOfDarknessResult a, VeilOfDarknessResult b) {
        return a.toString().equals(b.toString()) && a.coefficient() == b.coefficient()
                && a.standardError() == b.standardError() && a.deviance() == b.deviance()
                && a.excluded().equals(b.excluded()) && a.windows().equals(b.windows()) && a.used() == b.used()
                && a.minorityStops() == b.minorityStops();
    }

    /** Places per beat (two beats share one), beat fixed effects: unknown locations and beats are excluded. */
    static final class PerBeat extends VeilOfDarknessTallyContractTest {
        @Override
        VeilOfDarkness test() {
            return VeilOfDarkness.atBeats(Map.of("B1", OAKLAND, "B2", GeoPoint.of(37.9, -122.3), "B3", OAKLAND), PACIFIC,
                    Races.BLACK).fixedEffects(FixedEffects.BEAT);
        }
    }

    /** One city with beat fixed effects: stops of an unrecorded beat are excluded. */
    static final class CityBeatEffects extends VeilOfDarknessTallyContractTest {
        @Override
        VeilOfDarkness test() {
            return VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK, Races.HISPANIC)
                    .fixedEffects(FixedEffects.BEAT);
        }
    }

    /**
     * OPP's rule, cells and vehicular filter with district effects: stops of other types, without
     * a district or without a time are excluded, and the bytes carry the stops' dusk minutes.
     */
    static final class OppDistricts extends VeilOfDarknessTallyContractTest {
        @Override
        VeilOfDarkness test() {
            return VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK).opp().fixedEffects(FixedEffects.DISTRICT);
        }

        @Override
        protected List<Stop> records(SplittableRandom random, int n) {
            List<Stop> out = new ArrayList<>(n);
            for (Stop s : SyntheticStops.generate(random, n, 4, random.nextDouble(-1, 1))) {
                Stop.Builder b = s.toBuilder().type(random.nextInt(20) == 0 ? StopType.PEDESTRIAN : StopType.VEHICULAR);
                if (random.nextInt(30) != 0) {
                    b.district("D" + s.beat());
                }
                out.add(random.nextInt(40) == 0 ? Stop.builder(s.id(), s.date(), PACIFIC).race(s.subject().race())
                        .type(StopType.VEHICULAR).district("D1").build() : b.build());
            }
            return out;
        }
    }

    /** Against every other race, interacted beat effects. */
    static final class AllOthersInteracted extends VeilOfDarknessTallyContractTest {
        @Override
        VeilOfDarkness test() {
            return VeilOfDarkness.at(OAKLAND, PACIFIC, Races.BLACK).againstAllOthers()
                    .fixedEffects(FixedEffects.BEAT_INTERACTED).splineDf(2);
        }
    }
}
