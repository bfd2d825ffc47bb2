package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Row-by-row rules every generated city obeys, whatever its seed and size; shared by the tests. */
final class Invariants {
    private Invariants() {}

    static final Set<String> STOP_RACES = Set.of("white", "black", "hispanic", "asian/pacific islander", "other", "unknown");
    static final Map<String, String> SURVEY_LABEL = Map.of("white", "White", "black", "Black", "hispanic", "Hispanic",
            "asian/pacific islander", "Asian", "other", "Other");

    static Set<String> officerIds(Table officers) {
        assertEquals(List.of("officer_id", "race", "sex", "hired"), officers.header);
        Set<String> ids = new HashSet<>();
        for (String[] o : officers.rows) {
            assertTrue(ids.add(o[0]), "duplicate officer " + o[0]);
            assertTrue(SURVEY_LABEL.containsKey(o[1]), "officer race " + o[1]);
            assertTrue(Set.of("male", "female").contains(o[2]), "officer sex " + o[2]);
            assertTrue(LocalDate.parse(o[3]).isBefore(CityModel.FIRST_DAY), "officer hired " + o[3]);
        }
        return ids;
    }

    static void stops(Table stops, Set<String> officerIds) {
        assertEquals(List.of(Stops.HEADER), stops.header);
        Set<String> bases = Set.of("consent", "probable cause", "plain view", "k9", "other");
        for (int i = 0; i < stops.rows.size(); i++) {
            String[] r = stops.rows.get(i);
            String row = "stop " + r[0] + ": " + String.join(",", r);
            assertEquals(Integer.toString(i + 1), r[0], row);
            LocalDate date = LocalDate.parse(r[1]);
            assertTrue(!date.isBefore(CityModel.FIRST_DAY) && !date.isAfter(CityModel.LAST_DAY), row);
            assertTrue(r[2].matches("\\d\\d:\\d\\d:\\d\\d"), row);
            assertTrue(STOP_RACES.contains(r[stops.col("subject_race")]), row);
            assertTrue(Set.of("male", "female").contains(r[stops.col("subject_sex")]), row);
            assertTrue(Set.of("vehicular", "pedestrian").contains(r[stops.col("type")]), row);
            assertTrue(officerIds.contains(r[stops.col("officer_id")]), row);
            assertTrue(r[stops.col("beat")].matches("B0[1-8]"), row);
            assertTrue(r[stops.col("district")].matches("D[1-4]"), row);
            double lat = Double.parseDouble(r[stops.col("lat")]);
            double lng = Double.parseDouble(r[stops.col("lng")]);
            assertTrue(Math.abs(lat - 37.80) < 0.1 && Math.abs(lng + 122.27) < 0.1, row);
            int age = Integer.parseInt(r[stops.col("subject_age")]);
            assertTrue(age >= 16 && age <= 90, row);
            boolean searched = bool(r[stops.col("search_conducted")]);
            String basis = r[stops.col("search_basis")];
            String contraband = r[stops.col("contraband_found")];
            assertTrue(searched ? bases.contains(basis) : basis.isEmpty(), row);
            assertTrue(searched ? Set.of("TRUE", "FALSE").contains(contraband) : contraband.isEmpty(), row);
            String outcome = r[stops.col("outcome")];
            assertTrue(Set.of("", "warning", "citation", "summons", "arrest").contains(outcome), row);
            assertEquals(outcome.equals("arrest"), bool(r[stops.col("arrest_made")]), row);
            assertEquals(outcome.equals("citation"), bool(r[stops.col("citation_issued")]), row);
            assertEquals(outcome.equals("warning"), bool(r[stops.col("warning_issued")]), row);
            bool(r[stops.col("use_of_force")]);
        }
    }

    static boolean bool(String s) {
        if (s.equals("TRUE")) {
            return true;
        }
        if (s.equals("FALSE")) {
            return false;
        }
        throw new AssertionError("not TRUE/FALSE: \"" + s + "\"");
    }

    static void survey(Table t, int wave) {
        assertEquals(List.of(Survey.HEADER), t.header);
        Set<String> ids = new HashSet<>();
        for (String[] r : t.rows) {
            String row = t.name + ": " + String.join(",", r);
            assertTrue(ids.add(r[0]), "duplicate respondent_id " + row);
            assertEquals(Integer.toString(wave), r[t.col("wave")], row);
            assertEquals(wave, LocalDate.parse(r[t.col("date")]).getYear(), row);
            assertTrue(SURVEY_LABEL.containsValue(r[t.col("race")]), row);
            assertTrue(CityModel.AGE_GROUPS.contains(r[t.col("age_group")]), row);
            assertTrue(Set.of("Female", "Male").contains(r[t.col("sex")]), row);
            assertTrue(Set.of("0", "1").contains(r[t.col("approve")]), row);
            for (int q = 1; q <= 5; q++) {
                String v = r[t.col("q" + q)];
                assertTrue(v.isEmpty() || v.matches("[1-5]"), row);
            }
            double w = Double.parseDouble(r[t.col("base_weight")]);
            assertTrue(w > 0 && Double.isFinite(w), row);
        }
    }

    static void marginsAgreeWithBeats(Table margins, Table beats) {
        Map<String, Long> byVariable = new HashMap<>();
        Map<String, Long> raceMargin = new HashMap<>();
        for (String[] r : margins.rows) {
            long pop = Long.parseLong(r[2]);
            assertTrue(pop > 0, String.join(",", r));
            byVariable.merge(r[0], pop, Long::sum);
            if (r[0].equals("race")) {
                raceMargin.put(r[1], pop);
            }
        }
        assertEquals(Set.of("race", "age_group", "sex"), byVariable.keySet());
        assertEquals(1, new HashSet<>(byVariable.values()).size(), "totals by variable: " + byVariable);
        Map<String, Long> fromBeats = new HashMap<>();
        Set<String> beatIds = new HashSet<>();
        for (String[] r : beats.rows) {
            assertTrue(SURVEY_LABEL.containsKey(r[2]), "race code in beats.csv: " + r[2]);
            fromBeats.merge(SURVEY_LABEL.get(r[2]), Long.parseLong(r[3]), Long::sum);
            beatIds.add(r[0]);
        }
        assertEquals(raceMargin, fromBeats);
        assertEquals(8, beatIds.size());
    }

    static void complaints(Table t, Set<String> officerIds) {
        assertEquals(List.of(Complaints.HEADER), t.header);
        Set<String> allegations = Set.of("use_of_force", "discourtesy", "bias", "improper_stop_or_search", "procedure",
                "integrity", "other");
        Set<String> findings = Set.of("sustained", "not_sustained", "exonerated", "unfounded", "withdrawn", "pending");
        for (String[] r : t.rows) {
            String row = String.join(",", r);
            Set<String> named = new HashSet<>();
            for (String id : r[t.col("officer_ids")].split(";", -1)) {
                assertTrue(officerIds.contains(id), "unknown officer in " + row);
                assertTrue(named.add(id), "officer named twice in " + row);
            }
            assertTrue(allegations.contains(r[t.col("allegation")]), row);
            assertTrue(findings.contains(r[t.col("finding")]), row);
            assertTrue(Set.of("civilian", "internal", "anonymous").contains(r[t.col("source")]), row);
            assertTrue(STOP_RACES.contains(r[t.col("complainant_race")]), row);
            assertTrue(Set.of("male", "female", "unknown").contains(r[t.col("complainant_sex")]), row);
            LocalDate received = LocalDate.parse(r[t.col("received")]);
            assertTrue(!received.isBefore(CityModel.FIRST_DAY) && !received.isAfter(CityModel.LAST_DAY), row);
            String closed = r[t.col("closed")];
            assertEquals(closed.isEmpty(), r[t.col("finding")].equals("pending"), row);
            if (!closed.isEmpty()) {
                assertTrue(!LocalDate.parse(closed).isBefore(received) && !LocalDate.parse(closed).isAfter(CityModel.LAST_DAY), row);
            }
        }
    }

    static void assignments(Table t, Set<String> officerIds) {
        assertEquals(List.of("officer_id", "beat", "date", "shift"), t.header);
        Set<String> officerDays = new HashSet<>();
        for (String[] a : t.rows) {
            String row = String.join(",", a);
            assertTrue(officerIds.contains(a[0]), row);
            assertTrue(a[1].matches("B0[1-8]"), row);
            assertTrue(CityModel.SHIFTS.contains(a[3]), row);
            LocalDate d = LocalDate.parse(a[2]);
            assertTrue(!d.isBefore(CityModel.FIRST_ASSIGNMENT_DAY) && !d.isAfter(CityModel.LAST_DAY), row);
            assertTrue(officerDays.add(a[0] + "|" + a[2]), "officer assigned twice on a day: " + row);
        }
    }
}
