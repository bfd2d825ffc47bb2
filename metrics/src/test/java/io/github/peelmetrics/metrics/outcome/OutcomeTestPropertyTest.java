package io.github.peelmetrics.metrics.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link OutcomeTest} over seeded random stops (small thresholds, so that some
 * locations survive and some do not): the order of the stops, and fields the test does not use,
 * change nothing; a column the export lacks makes its figures absent, never zero.
 */
class OutcomeTestPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(120);
    }

    /** Small thresholds so that random data of a few hundred stops passes some rules and fails others. */
    static OutcomeTest small(SplittableRandom r) {
        return OutcomeTest.opp().minStopsPerMonth(Seeded.edgy(r, 0, 20)).minSearchesPerRacePerDistrict(Seeded.edgy(r, 0, 4))
                .minDistricts(Seeded.edgy(r, 1, 3));
    }

    static final List<Category> RACES = List.of(Races.WHITE, Races.BLACK, Races.HISPANIC, Races.ASIAN_PACIFIC_ISLANDER,
            Races.UNKNOWN);
    static final SearchBasis[] BASES = {SearchBasis.CONSENT, SearchBasis.PROBABLE_CAUSE, SearchBasis.PLAIN_VIEW,
        SearchBasis.K9, SearchBasis.OTHER, SearchBasis.UNKNOWN, SearchBasis.INVENTORY};

    static Map<String, List<Stop>> stops(SplittableRandom r) {
        Map<String, List<Stop>> out = new TreeMap<>();
        int locations = Seeded.edgy(r, 1, 3);
        int id = 0;
        for (int g = 0; g < locations; g++) {
            String geo = "City" + g + ", XX";
            int districts = Seeded.edgy(r, 1, 5);
            int n = Seeded.edgy(r, 0, 400);
            double pSearch = r.nextDouble() * 0.6;
            double pMissing = r.nextDouble() * 0.3;
            List<Stop> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LocalDate date = LocalDate.of(2016, 1 + r.nextInt(4), 1 + r.nextInt(28));
                Stop.Builder b = Stop.builder("s" + id++, date, ZoneOffset.UTC);
                if (r.nextDouble() >= pMissing / 3) {
                    b.district("D" + r.nextInt(districts));
                }
                b.race(RACES.get(r.nextInt(r.nextDouble() < 0.9 ? 3 : RACES.size())));
                b.type(r.nextDouble() < 0.1 ? StopType.PEDESTRIAN : r.nextDouble() < 0.02 ? StopType.UNKNOWN
                        : StopType.VEHICULAR);
                double u = r.nextDouble();
                if (u < pMissing / 4) {
                    b.search(Flag.UNKNOWN, SearchBasis.UNKNOWN, Flag.UNKNOWN);
                } else if (u < pSearch) {
                    b.searched(BASES[r.nextInt(BASES.length)], r.nextDouble() < pMissing / 3 ? Flag.UNKNOWN
                            : Flag.of(r.nextDouble() < 0.3));
                } else {
                    b.notSearched();
                }
                b.frisk(r.nextDouble() < pMissing / 4 ? Flag.UNKNOWN : Flag.of(r.nextDouble() < 0.2));
                b.contrabandWeapons(r.nextDouble() < 0.5 ? Flag.UNKNOWN : Flag.of(r.nextDouble() < 0.15));
                list.add(b.build());
            }
            out.put(geo, list);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theOrderOfTheStopsChangesNothing(Seeded s) {
        SplittableRandom r = s.random();
        OutcomeTest test = small(r);
        Map<String, List<Stop>> stops = stops(r);
        OutcomeTestResult before = test.test(stops);
        Random shuffle = new Random(s.seed());
        Map<String, List<Stop>> permuted = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(stops.keySet());
        Collections.shuffle(keys, shuffle);
        for (String k : keys) {
            List<Stop> l = new ArrayList<>(stops.get(k));
            Collections.shuffle(l, shuffle);
            permuted.put(k, l);
        }
        OutcomeTestResult after = test.test(permuted);
        assertEquals(before, after, s.toString());
        assertEquals(before.toString(), after.toString(), s.toString());
        List<Stop> all = new ArrayList<>();
        permuted.forEach((k, l) -> all.addAll(l));
        Collections.shuffle(all, shuffle);
        Map<String, String> geoOf = new java.util.HashMap<>();
        stops.forEach((k, l) -> l.forEach(x -> geoOf.put(x.id(), k)));
        // a location without stops cannot be named by a function of the stops
        Map<String, List<Stop>> nonEmpty = new TreeMap<>(stops);
        nonEmpty.values().removeIf(List::isEmpty);
        assertEquals(test.test(nonEmpty), test.test(all, x -> geoOf.get(x.id())), s + " by function");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void fieldsTheTestDoesNotUseChangeNothing(Seeded s) {
        SplittableRandom r = s.random();
        OutcomeTest test = small(r);
        Map<String, List<Stop>> stops = stops(r);
        OutcomeTestResult before = test.test(stops);
        Map<String, List<Stop>> more = new TreeMap<>();
        stops.forEach((k, l) -> {
            List<Stop> m = new ArrayList<>();
            for (Stop x : l) {
                Stop.Builder b = r.nextBoolean() ? x.toBuilder()
                        : Stop.builder(x.id(), x.date().atTime(LocalTime.of(r.nextInt(24), r.nextInt(60)))
                                .atZone(ZoneOffset.UTC)).subject(x.subject()).type(x.type())
                                .search(x.searchConducted(), x.searchBasis(), x.contrabandFound())
                                .frisk(x.frisk()).contrabandWeapons(x.contrabandWeapons());
                x.district().ifPresent(b::district);
                b.beat("B" + r.nextInt(9)).precinct("P" + r.nextInt(3)).officerId("O" + r.nextInt(50))
                        .reason("speeding").location(GeoPoint.of(40 + r.nextDouble(), -90 + r.nextDouble()))
                        .contrabandDrugs(Flag.of(r.nextBoolean())).useOfForce(Flag.of(r.nextBoolean()))
                        .outcome(StopOutcome.values()[r.nextInt(StopOutcome.values().length)]);
                m.add(b.build());
            }
            more.put(k, m);
        });
        assertEquals(before, test.test(more), s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void anUnrecordedColumnMakesItsFiguresAbsentNeverZero(Seeded s) {
        SplittableRandom r = s.random();
        OutcomeTest test = small(r);
        Map<String, List<Stop>> stops = stops(r);
        OutcomeTestResult before = test.test(stops);
        // no frisk column: the frisk yield is absent, the searches unchanged
        Map<String, List<Stop>> noFrisk = new TreeMap<>();
        stops.forEach((k, l) -> noFrisk.put(k, l.stream().map(x -> x.toBuilder().frisk(Flag.UNKNOWN).build()).toList()));
        OutcomeTestResult a = test.test(noFrisk);
        assertTrue(a.frisks().isEmpty(), s + ": " + a.frisks());
        assertEquals(before.searches(), a.searches(), s.toString());
        assertEquals(before.eligibility(), a.eligibility(), s.toString());
        assertTrue(a.toString().contains("Frisks: not recorded"), s.toString());
        // no search column: every location eliminated, no hit rate
        Map<String, List<Stop>> noSearch = new TreeMap<>();
        stops.forEach((k, l) -> noSearch.put(k, l.stream()
                .map(x -> x.toBuilder().search(Flag.UNKNOWN, SearchBasis.UNKNOWN, Flag.UNKNOWN).build()).toList()));
        OutcomeTestResult b = test.test(noSearch);
        assertTrue(b.searches().isEmpty(), s + ": " + b.searches());
        b.eligibility().values().forEach(e -> assertTrue(e.eliminated(), s + " " + e));
        // no district column: likewise for the searches; the frisk rows have no district either
        Map<String, List<Stop>> noDistrict = new TreeMap<>();
        stops.forEach((k, l) -> noDistrict.put(k, l.stream().map(x -> {
            Stop.Builder c = Stop.builder(x.id(), x.date(), x.zone()).subject(x.subject()).type(x.type())
                    .search(x.searchConducted(), x.searchBasis(), x.contrabandFound()).frisk(x.frisk())
                    .contrabandWeapons(x.contrabandWeapons());
            return c.build();
        }).toList()));
        OutcomeTestResult d = test.test(noDistrict);
        assertTrue(d.searches().isEmpty(), s + ": " + d.searches());
        d.frisks().ifPresent(f -> assertTrue(f.byLocation().isEmpty() && f.kpt().isEmpty(), s + ": " + f));
    }
}
