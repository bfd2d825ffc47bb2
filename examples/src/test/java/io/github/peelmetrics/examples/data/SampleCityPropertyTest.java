package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.peelmetrics.testing.Seeded;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the generator over many small seeded cities, with the edge sizes drawn on purpose
 * (the fewest officers that staff every beat and shift, no complaints, one respondent per beat, one stop).
 */
class SampleCityPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(12);
    }

    private static Parameters small(Seeded s) {
        SplittableRandom r = s.random();
        int stops = r.nextInt(4) == 0 ? 1 : 100 + r.nextInt(1_000);
        return new Parameters(r.nextLong(), stops, Seeded.edgy(r, 24, 60), Seeded.edgy(r, 0, 150),
                Seeded.edgy(r, 8, 120), Seeded.edgy(r, 8, 120), Seeded.edgy(r, 8, 120));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFileHasTheRequestedRowsAndFollowsTheRules(Seeded s) {
        Parameters p = small(s);
        Map<String, byte[]> files = SampleCity.generate(p);
        assertEquals(SampleCity.FILES, java.util.List.copyOf(files.keySet()), s.toString());
        Table officers = Table.parse("officers.csv", files.get("officers.csv"));
        assertEquals(p.officers(), officers.rows.size(), s.toString());
        Set<String> ids = Invariants.officerIds(officers);
        Table stops = Table.parse("stops.csv", files.get("stops.csv"));
        assertEquals(p.stops(), stops.rows.size(), s.toString());
        Invariants.stops(stops, ids);
        for (int wave : CityModel.WAVES) {
            Table t = Table.parse("survey_" + wave + ".csv", files.get("survey_" + wave + ".csv"));
            assertEquals(p.surveySize(wave), t.rows.size(), s + " wave " + wave);
            Invariants.survey(t, wave);
            assertEquals(8, t.rows.stream().map(r -> r[t.col("beat")]).distinct().count(), s + ": every beat sampled");
        }
        Invariants.marginsAgreeWithBeats(Table.parse("census_margins.csv", files.get("census_margins.csv")),
                Table.parse("beats.csv", files.get("beats.csv")));
        Table complaints = Table.parse("complaints.csv", files.get("complaints.csv"));
        assertEquals(p.complaints(), complaints.rows.size(), s.toString());
        Invariants.complaints(complaints, ids);
        Invariants.assignments(Table.parse("assignments.csv", files.get("assignments.csv")), ids);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSameParametersGiveTheSameBytesAndAnotherSeedOtherStops(Seeded s) {
        Parameters p = small(s);
        Map<String, byte[]> once = SampleCity.generate(p);
        Map<String, byte[]> again = SampleCity.generate(p);
        for (String name : SampleCity.FILES) {
            assertArrayEquals(once.get(name), again.get(name), s + ": " + name);
        }
        Map<String, byte[]> other = SampleCity.generate(p.withSeed(p.seed() + 1));
        assertFalse(Arrays.equals(once.get("assignments.csv"), other.get("assignments.csv")), s + ": assignments");
        if (p.stops() > 1) {
            assertFalse(Arrays.equals(once.get("stops.csv"), other.get("stops.csv")), s + ": stops");
        }
    }

    /** Each file draws from its own split of the seed, so resizing one file leaves the others alone. */
    @ParameterizedTest
    @MethodSource("seeds")
    void moreStopsChangeOnlyTheStopsAndTheReadme(Seeded s) {
        Parameters p = small(s);
        Parameters more = new Parameters(p.seed(), p.stops() + 17, p.officers(), p.complaints(),
                p.survey2013(), p.survey2015(), p.survey2016());
        Map<String, byte[]> a = SampleCity.generate(p);
        Map<String, byte[]> b = SampleCity.generate(more);
        for (String name : SampleCity.FILES) {
            boolean shouldDiffer = name.equals("stops.csv") || name.equals("README.md");
            assertEquals(!shouldDiffer, Arrays.equals(a.get(name), b.get(name)), s + ": " + name);
        }
    }
}
