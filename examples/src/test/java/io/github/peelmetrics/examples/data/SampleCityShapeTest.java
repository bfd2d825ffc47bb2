package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claims the sample folder's README makes about the bundled data, computed from the files with plain
 * Java parsing (not through the io module, and not against numbers copied from the generator's output).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCityShapeTest {
    private Table stops;
    private Table assignments;

    @BeforeAll
    void read() {
        stops = Table.bundled("stops.csv");
        assignments = Table.bundled("assignments.csv");
    }

    // ---- survey ----

    /** Weighted (by base weight) approval of the rows that satisfy the race filter. */
    private static double approval(Table t, String race) {
        double yes = 0;
        double all = 0;
        for (String[] r : t.rows) {
            if (race == null || r[t.col("race")].equals(race)) {
                double w = Double.parseDouble(r[t.col("base_weight")]);
                all += w;
                yes += w * Integer.parseInt(r[t.col("approve")]);
            }
        }
        return yes / all;
    }

    @ParameterizedTest
    @ValueSource(ints = {2013, 2015, 2016})
    void approvalIsLowerAmongBlackAndHispanicRespondentsThanWhiteInEveryWave(int wave) {
        Table t = Table.bundled("survey_" + wave + ".csv");
        double white = approval(t, "White");
        double black = approval(t, "Black");
        double hispanic = approval(t, "Hispanic");
        String rates = String.format(Locale.ROOT, "%d: White %.3f, Black %.3f, Hispanic %.3f", wave, white, black, hispanic);
        assertTrue(black < white - 0.05, rates);
        assertTrue(hispanic < white - 0.05, rates);
    }

    @Test
    void approvalRisesFrom2013To2015To2016() {
        double a2013 = approval(Table.bundled("survey_2013.csv"), null);
        double a2015 = approval(Table.bundled("survey_2015.csv"), null);
        double a2016 = approval(Table.bundled("survey_2016.csv"), null);
        String rates = String.format(Locale.ROOT, "2013 %.3f, 2015 %.3f, 2016 %.3f", a2013, a2015, a2016);
        assertTrue(a2013 < a2015 && a2015 < a2016, rates);
        assertTrue(a2016 - a2013 > 0.05, rates);
    }

    @ParameterizedTest
    @ValueSource(ints = {2013, 2015, 2016})
    void eachWaveHasAboutFifteenHundredRespondentsWithItemsInRangeAndSomeMissing(int wave) {
        Table t = Table.bundled("survey_" + wave + ".csv");
        assertEquals(List.of(Survey.HEADER), t.header);
        assertTrue(t.rows.size() >= 1_400 && t.rows.size() <= 1_600, "respondents: " + t.rows.size());
        Set<String> ids = new HashSet<>();
        int missing = 0;
        for (String[] r : t.rows) {
            assertTrue(ids.add(r[0]), "duplicate respondent_id " + r[0]);
            assertEquals(Integer.toString(wave), r[t.col("wave")]);
            assertTrue(Set.of("0", "1").contains(r[t.col("approve")]), "approve " + r[t.col("approve")]);
            for (int q = 1; q <= 5; q++) {
                String v = r[t.col("q" + q)];
                if (v.isEmpty()) {
                    missing++;
                } else {
                    int x = Integer.parseInt(v);
                    assertTrue(x >= 1 && x <= 5, "q" + q + " = " + x);
                }
            }
            assertTrue(Double.parseDouble(r[t.col("base_weight")]) > 0);
        }
        double missingShare = missing / (5.0 * t.rows.size());
        assertTrue(missingShare > 0.01 && missingShare < 0.10, "share of item answers missing: " + missingShare);
    }

    @Test
    void q3IsReverseWordedAndTheOtherItemsAgree() {
        Table t = Table.bundled("survey_2016.csv");
        double[][] corr = new double[6][6];
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 5; b++) {
                corr[a][b] = correlation(t, "q" + a, "q" + b);
            }
        }
        for (int a = 1; a <= 5; a++) {
            for (int b = a + 1; b <= 5; b++) {
                boolean oneIsQ3 = a == 3 || b == 3;
                String msg = "corr(q" + a + ", q" + b + ") = " + corr[a][b];
                assertTrue(oneIsQ3 ? corr[a][b] < -0.2 : corr[a][b] > 0.2, msg);
            }
        }
    }

    private static double correlation(Table t, String x, String y) {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (String[] r : t.rows) {
            String a = r[t.col(x)];
            String b = r[t.col(y)];
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            double u = Double.parseDouble(a);
            double v = Double.parseDouble(b);
            n++;
            sx += u;
            sy += v;
            sxx += u * u;
            syy += v * v;
            sxy += u * v;
        }
        return (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    }

    // ---- stops ----

    @Test
    void stopsCountIsTheDocumentedOneOverTwoYearsInTimeOrder() {
        assertEquals(List.of(Stops.HEADER), stops.header);
        assertEquals(Parameters.BUNDLED.stops(), stops.rows.size());
        LocalDateTime previous = LocalDateTime.MIN;
        int outOfOrder = 0;
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < stops.rows.size(); i++) {
            String[] r = stops.rows.get(i);
            assertEquals(Integer.toString(i + 1), r[0]);
            LocalDateTime t = LocalDateTime.of(LocalDate.parse(r[1]), LocalTime.parse(r[2]));
            years.add(t.getYear());
            if (t.isBefore(previous)) {
                outOfOrder++; // only the repeated hour when clocks fall back
            }
            previous = t;
        }
        assertEquals(Set.of(2015, 2016), years);
        assertTrue(outOfOrder <= 2, "stops out of clock order: " + outOfOrder);
    }

    @Test
    void everyRowOfEveryFileFollowsTheDocumentedRules() {
        Set<String> officerIds = Invariants.officerIds(Table.bundled("officers.csv"));
        Invariants.stops(stops, officerIds);
        for (int wave : CityModel.WAVES) {
            Invariants.survey(Table.bundled("survey_" + wave + ".csv"), wave);
        }
        Invariants.marginsAgreeWithBeats(Table.bundled("census_margins.csv"), Table.bundled("beats.csv"));
        Invariants.complaints(Table.bundled("complaints.csv"), officerIds);
        Invariants.assignments(assignments, officerIds);
    }

    private static boolean bool(String s) {
        return Invariants.bool(s);
    }

    @Test
    void blackResidentsAreStoppedMoreOftenPerResidentThanWhiteResidents() {
        Map<String, Long> residents = new HashMap<>();
        for (String[] r : Table.bundled("beats.csv").rows) {
            residents.merge(r[2], Long.parseLong(r[3]), Long::sum);
        }
        Map<String, Integer> count = new HashMap<>();
        for (String[] r : stops.rows) {
            count.merge(r[stops.col("subject_race")], 1, Integer::sum);
        }
        double white = count.get("white") / (double) residents.get("white");
        double black = count.get("black") / (double) residents.get("black");
        double ratio = black / white;
        assertTrue(ratio > 1.3 && ratio < 3.0, "Black/white stops per resident: " + ratio);
    }

    @Test
    void blackSubjectsAreSearchedMoreAndFoundWithContrabandLess() {
        int[] searched = new int[2];
        int[] stopped = new int[2];
        int[] hits = new int[2];
        for (String[] r : stops.rows) {
            String race = r[stops.col("subject_race")];
            int g = race.equals("white") ? 0 : race.equals("black") ? 1 : -1;
            if (g < 0) {
                continue;
            }
            stopped[g]++;
            if (bool(r[stops.col("search_conducted")])) {
                searched[g]++;
                if (bool(r[stops.col("contraband_found")])) {
                    hits[g]++;
                }
            }
        }
        double searchWhite = searched[0] / (double) stopped[0];
        double searchBlack = searched[1] / (double) stopped[1];
        double hitWhite = hits[0] / (double) searched[0];
        double hitBlack = hits[1] / (double) searched[1];
        String msg = String.format(Locale.ROOT, "search rate white %.4f black %.4f; hit rate white %.4f black %.4f",
                searchWhite, searchBlack, hitWhite, hitBlack);
        assertTrue(searchBlack > 1.3 * searchWhite, msg);
        assertTrue(hitBlack < hitWhite - 0.05, msg);
    }

    /**
     * The veil of darkness in its simplest form: at the same clock time, 18:00 to 19:59, it is light in
     * June and July (sunset after 20:20) and dark in December and January (civil dusk before 17:45); the
     * share of Black subjects is higher in the light.
     */
    @Test
    void blackShareOfStopsAtTheSameClockTimeIsHigherInDaylight() {
        int[] black = new int[2];
        int[] known = new int[2];
        for (String[] r : stops.rows) {
            LocalTime time = LocalTime.parse(r[2]);
            if (time.getHour() < 18 || time.getHour() > 19) {
                continue;
            }
            int month = LocalDate.parse(r[1]).getMonthValue();
            int light = month == 6 || month == 7 ? 1 : month == 12 || month == 1 ? 0 : -1;
            String race = r[stops.col("subject_race")];
            if (light < 0 || race.equals("unknown")) {
                continue;
            }
            known[light]++;
            if (race.equals("black")) {
                black[light]++;
            }
        }
        double dark = black[0] / (double) known[0];
        double day = black[1] / (double) known[1];
        assertTrue(known[0] > 1000 && known[1] > 1000, Arrays.toString(known));
        assertTrue(day > dark + 0.02, String.format(Locale.ROOT, "Black share light %.4f, dark %.4f", day, dark));
    }

    @Test
    void almostEveryStopIsMadeByAnOfficerAssignedToThatBeatAndShift() {
        Set<String> onDuty = new HashSet<>();
        for (String[] a : assignments.rows) {
            onDuty.add(a[0] + "|" + a[1] + "|" + a[2] + "|" + a[3]);
        }
        int matched = 0;
        for (String[] r : stops.rows) {
            LocalDate date = LocalDate.parse(r[1]);
            int hour = LocalTime.parse(r[2]).getHour();
            String shift = hour >= 6 && hour < 14 ? "day" : hour >= 14 && hour < 22 ? "evening" : "night";
            LocalDate shiftDate = hour < 6 ? date.minusDays(1) : date;
            if (onDuty.contains(r[stops.col("officer_id")] + "|" + r[stops.col("beat")] + "|" + shiftDate + "|" + shift)) {
                matched++;
            }
        }
        double share = matched / (double) stops.rows.size();
        assertTrue(share > 0.95, "share of stops by an officer assigned there: " + share);
    }

    // ---- officers, assignments, complaints ----

    @Test
    void everyOfficerWorksMostlyOnOnePrimaryBeat() {
        Map<String, Map<String, Integer>> beatsByOfficer = new HashMap<>();
        Map<String, Set<String>> datesByOfficer = new HashMap<>();
        for (String[] a : assignments.rows) {
            beatsByOfficer.computeIfAbsent(a[0], k -> new HashMap<>()).merge(a[1], 1, Integer::sum);
            assertTrue(datesByOfficer.computeIfAbsent(a[0], k -> new HashSet<>()).add(a[2]),
                    "officer " + a[0] + " assigned twice on " + a[2]);
        }
        Table officers = Table.bundled("officers.csv");
        assertEquals(Parameters.BUNDLED.officers(), officers.rows.size());
        assertEquals(officers.rows.size(), beatsByOfficer.size(), "officers with assignments");
        List<Double> shares = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> e : beatsByOfficer.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            int top = e.getValue().values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            double share = top / (double) total;
            shares.add(share);
            assertTrue(share >= 0.6, "officer " + e.getKey() + " primary-beat share " + share + " of " + total + " days");
            assertTrue(total > 300, "officer " + e.getKey() + " worked " + total + " days in two years");
        }
        shares.sort(null);
        assertTrue(shares.get(shares.size() / 2) >= 0.75, "median primary-beat share " + shares.get(shares.size() / 2));
    }

    @Test
    void complaintsConcentrateOnAFewOfficers() {
        Table t = Table.bundled("complaints.csv");
        assertTrue(t.rows.size() >= 2_000 && t.rows.size() <= 5_000, "complaints: " + t.rows.size());
        Map<String, Integer> byOfficer = new HashMap<>();
        for (String[] r : Table.bundled("officers.csv").rows) {
            byOfficer.put(r[0], 0);
        }
        for (String[] r : t.rows) {
            for (String id : r[t.col("officer_ids")].split(";", -1)) {
                assertTrue(byOfficer.containsKey(id), "complaint " + r[0] + " names unknown officer " + id);
                byOfficer.merge(id, 1, Integer::sum);
            }
        }
        int[] counts = byOfficer.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int median = counts[counts.length / 2];
        int fourth = counts[counts.length - 4];
        assertTrue(fourth > 3 * median, "4th largest " + fourth + ", median " + median);
    }

    @Test
    void someComplaintsAreStillPendingAtTheEndAndMostAreClosed() {
        Table t = Table.bundled("complaints.csv");
        long pending = t.rows.stream().filter(r -> r[t.col("finding")].equals("pending")).count();
        long sustained = t.rows.stream().filter(r -> r[t.col("finding")].equals("sustained")).count();
        assertTrue(pending > 0 && pending < t.rows.size() / 4, "pending: " + pending);
        assertTrue(sustained > 0 && sustained < t.rows.size() / 4, "sustained: " + sustained);
    }
}
