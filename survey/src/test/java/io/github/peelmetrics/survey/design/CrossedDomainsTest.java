package io.github.peelmetrics.survey.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.testing.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Domain means by a cross-classification (race × age group). */
class CrossedDomainsTest {

    static final List<String> RACES = List.of("Black", "Hispanic", "White");
    static final List<String> AGES = List.of("18-29", "30-44", "45+");

    static SurveyDesign design(SplittableRandom r) {
        int strata = Seeded.edgy(r, 2, 6);
        List<String> s = new ArrayList<>();
        List<String> psu = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<String> race = new ArrayList<>();
        List<String> age = new ArrayList<>();
        int races = Seeded.edgy(r, 1, 3);
        for (int h = 0; h < strata; h++) {
            int psus = 2 + r.nextInt(3);
            for (int p = 0; p < psus; p++) {
                int m = 1 + r.nextInt(6);
                for (int i = 0; i < m; i++) {
                    s.add("S" + h);
                    psu.add(Integer.toString(p));
                    w.add(1 + r.nextDouble() * 20);
                    y.add(r.nextInt(12) == 0 ? Double.NaN : r.nextInt(2));
                    race.add(r.nextInt(15) == 0 ? "" : RACES.get(r.nextInt(races)));
                    age.add(AGES.get(r.nextInt(AGES.size())));
                }
            }
        }
        int n = s.size();
        return SurveyDesign.builder(n).weights(w.stream().mapToDouble(Double::doubleValue).toArray())
                .strata(s.toArray(new String[0])).cluster(psu.toArray(new String[0])).nest()
                .lonelyPsu(LonelyPsu.ADJUST)
                .numeric("y", y.stream().mapToDouble(Double::doubleValue).toArray())
                .factor("race", RACES, race.toArray(new String[0])).factor("age", AGES, age.toArray(new String[0]))
                .build();
    }

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void eachCombinationIsTheSubsetOfTheSubsetInRsOrder(Seeded s) {
        SurveyDesign d = design(s.random());
        for (Design design : List.<Design>of(d, d.replicates(ReplicateType.JKN))) {
            DesignDomains by = design.meanBy("y", "race", "age");
            assertEquals("race:age", by.domain(), s.toString());
            List<String> expected = new ArrayList<>();
            for (String a : AGES) {
                for (String r : RACES) {
                    expected.add(r + "." + a);
                }
            }
            List<String> all = new ArrayList<>(by.levels());
            all.addAll(by.emptyLevels());
            all.sort(java.util.Comparator.comparingInt(expected::indexOf));
            assertEquals(expected, all, s.toString());
            List<String> levels = by.levels();
            for (int k = 0; k < levels.size(); k++) {
                String[] parts = levels.get(k).split("\\.");
                DesignEstimate sub = design.subset("race", parts[0]).subset("age", parts[1]).mean("y");
                DesignEstimate got = by.get(levels.get(k));
                assertEquals(sub.estimate(), got.estimate(), 1e-12, s + " " + levels.get(k));
                double se = sub.standardError();
                assertTrue(Double.isNaN(se) ? Double.isNaN(got.standardError())
                        : Math.abs(got.standardError() - se) <= 1e-12 * Math.max(1, se),
                        s + " " + levels.get(k) + ": " + se + " vs " + got.standardError());
                assertTrue(k == 0 || expected.indexOf(levels.get(k - 1)) < expected.indexOf(levels.get(k)),
                        s + " order " + levels);
            }
        }
    }

    @Test
    void unknownOrRepeatedFactorsAreErrors() {
        SurveyDesign d = design(new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.meanBy("y", "race", "agee"));
        assertTrue(e.getMessage().contains("agee") && e.getMessage().contains("age"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.meanBy("y", "race", "race"));
        assertEquals(d.meanBy("y", "race"), d.meanBy("y", "race", new String[0]));
    }
}
