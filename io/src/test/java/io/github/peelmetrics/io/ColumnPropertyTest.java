package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.testing.Seeded;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a column does to a read of stops. Adding a column that no field uses changes nothing: the
 * same records, counts and warnings. Removing a column makes its fields unrecorded (an unknown
 * flag or category, an empty optional), never "no" or zero, changes nothing else, and the summary
 * names the field as not recorded.
 */
class ColumnPropertyTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(200);
    }

    /** Fewer seeds for the property that reads each file once per column. */
    static Stream<Seeded> fewerSeeds() {
        return Seeded.cases(60);
    }

    private static final Mapping<Stop> STOPS = Mapping.generic(RecordType.STOPS).zone(Gen.ZONE);
    private static final List<String> HEADER = RecordWriter.of(STOPS).header();
    /** Columns whose absence another column makes up for, so that the summary has no line for them. */
    private static final Set<String> STOOD_IN_FOR = Set.of("outcome", "subject_age_group");

    /** The records' cells under {@link #HEADER}, via JSON lines (empty cells are left out there). */
    private static List<List<String>> table(List<Stop> stops) throws Exception {
        StringWriter jsonl = new StringWriter();
        RecordWriter.of(STOPS).writeJsonLines(stops.stream(), jsonl);
        List<List<String>> rows = new ArrayList<>();
        for (String line : jsonl.toString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = Jackson.TREE_READER.readTree(line);
            List<String> row = new ArrayList<>();
            for (String h : HEADER) {
                row.add(n.has(h) ? n.get(h).asText() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                sb.append(i > 0 ? "," : "").append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static ReadResult<Stop> read(String csv) {
        return RecordReader.of(STOPS).readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv");
    }

    private static List<Stop> stops(SplittableRandom r) {
        List<Stop> out = new ArrayList<>();
        int n = Seeded.edgy(r, 1, 25);
        for (int i = 0; i < n; i++) {
            out.add(Gen.stop(r));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void aColumnNoFieldUsesChangesNothing(Seeded seed) throws Exception {
        SplittableRandom r = seed.random();
        List<Stop> stops = stops(r);
        List<List<String>> rows = table(stops);
        ReadResult<Stop> plain = read(csv(HEADER, rows));
        assertEquals(stops, plain.records(), seed.toString());

        int at = r.nextInt(HEADER.size() + 1);
        List<String> header = new ArrayList<>(HEADER);
        header.add(at, r.nextBoolean() ? "unused" : "frisk_reason");
        List<List<String>> wider = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> w = new ArrayList<>(row);
            w.add(at, r.nextInt(4) == 0 ? "" : r.nextBoolean() ? "TRUE" : Gen.text(r));
            wider.add(w);
        }
        ReadResult<Stop> more = read(csv(header, wider));
        assertEquals(plain.records(), more.records(), seed + " column at " + at);
        assertEquals(plain.summary(), more.summary(), seed + " column at " + at);
        assertEquals(List.of(), more.summary().warnings(), seed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fewerSeeds")
    void aMissingColumnMakesItsFieldsUnrecordedNeverNo(Seeded seed) throws Exception {
        SplittableRandom r = seed.random();
        List<Stop> stops = stops(r);
        List<List<String>> rows = table(stops);
        for (String gone : HEADER.subList(2, HEADER.size())) { // every column but stop_id and date
            withoutColumn(seed, stops, rows, gone);
        }
    }

    private static void withoutColumn(Seeded seed, List<Stop> stops, List<List<String>> rows, String gone) {
        List<String> without = gone.equals("lat") || gone.equals("lng") ? List.of("lat", "lng") : List.of(gone);
        List<String> header = new ArrayList<>(HEADER);
        header.removeAll(without);
        List<List<String>> narrower = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> n = new ArrayList<>();
            for (int i = 0; i < HEADER.size(); i++) {
                if (!without.contains(HEADER.get(i))) {
                    n.add(row.get(i));
                }
            }
            narrower.add(n);
        }
        ReadResult<Stop> back = read(csv(header, narrower));
        List<String> fields = without.stream().map(c -> RecordType.STOPS.written().get(HEADER.indexOf(c))).toList();
        for (int i = 0; i < stops.size(); i++) {
            Stop expected = stops.get(i);
            for (String c : fields) {
                expected = unrecorded(expected, c, rows.get(i).get(HEADER.indexOf("outcome")));
            }
            assertEquals(expected, back.records().get(i), seed + " without " + without + ", record " + i);
        }
        assertEquals(stops.size(), back.records().size(), seed.toString());
        for (String c : fields) {
            if (!STOOD_IN_FOR.contains(c)) {
                assertTrue(back.summary().warnings().stream().anyMatch(w -> w.startsWith(c + ": no column ")
                        && w.contains(" " + without.get(fields.indexOf(c))) && !w.contains("WARNING")),
                        seed + " without " + c + ": " + back.summary());
            }
        }
        assertEquals(fields.stream().filter(c -> !STOOD_IN_FOR.contains(c)).count(), back.summary().warnings().size(),
                back.summary().toString());
    }

    /**
     * {@code s} as a file without {@code column} records it: that column's fields unrecorded, and
     * a decision flag as the written outcome (which never says more than the flags) implies it.
     */
    private static Stop unrecorded(Stop s, String column, String outcomeCell) {
        Stop.Builder b = s.toBuilder();
        Demographics d = s.subject();
        switch (column) {
            case "time" -> {
                return new Stop(s.id(), s.date(), Optional.empty(), s.zone(), Optional.empty(), s.beat(), s.district(),
                        s.precinct(), s.location(), s.type(), s.subject(), s.reason(), s.searchConducted(), s.searchBasis(),
                        s.contrabandFound(), s.contrabandWeapons(), s.contrabandDrugs(), s.frisk(), s.arrest(),
                        s.citation(), s.warning(), s.summons(), s.useOfForce(), s.officerId());
            }
            case "lat", "lng", "beat", "district", "precinct", "reason_for_stop", "officer_id" -> {
                return new Stop(s.id(), s.date(), s.time(), s.zone(), s.offset(),
                        column.equals("beat") ? Stop.UNKNOWN_BEAT : s.beat(),
                        column.equals("district") ? Optional.empty() : s.district(),
                        column.equals("precinct") ? Optional.empty() : s.precinct(),
                        column.equals("lat") || column.equals("lng") ? Optional.empty() : s.location(), s.type(),
                        s.subject(), column.equals("reason_for_stop") ? Optional.empty() : s.reason(),
                        s.searchConducted(), s.searchBasis(), s.contrabandFound(), s.contrabandWeapons(),
                        s.contrabandDrugs(), s.frisk(), s.arrest(), s.citation(), s.warning(), s.summons(),
                        s.useOfForce(), column.equals("officer_id") ? Optional.empty() : s.officerId());
            }
            case "subject_race" -> b.subject(d.withRace(Category.UNKNOWN));
            case "subject_sex" -> b.subject(new Demographics(d.race(), Category.UNKNOWN, d.ageGroup(), d.age()));
            case "subject_age" -> b.subject(new Demographics(d.race(), d.sex(), d.ageGroup(), OptionalInt.empty()));
            case "subject_age_group" -> b.subject(d.age().isPresent() ? d
                    : new Demographics(d.race(), d.sex(), Category.UNKNOWN, OptionalInt.empty()));
            case "type" -> b.type(StopType.UNKNOWN);
            case "search_conducted" -> b.search(Flag.UNKNOWN, s.searchBasis(), s.contrabandFound());
            case "search_basis" -> b.search(s.searchConducted(),
                    s.searchConducted() == Flag.YES ? SearchBasis.UNKNOWN : SearchBasis.NONE, s.contrabandFound());
            case "contraband_found" -> b.search(s.searchConducted(), s.searchBasis(), Flag.UNKNOWN);
            case "contraband_weapons" -> b.contrabandWeapons(Flag.UNKNOWN);
            case "contraband_drugs" -> b.contrabandDrugs(Flag.UNKNOWN);
            case "frisk_performed" -> b.frisk(Flag.UNKNOWN);
            case "use_of_force" -> b.useOfForce(Flag.UNKNOWN);
            case "outcome" -> { } // the flags are all in their columns
            case "arrest_made", "citation_issued", "warning_issued", "summons_issued" -> {
                Flag[] implied = outcomeCell.isEmpty() ? Binders.implied(StopOutcome.UNKNOWN)
                        : Binders.implied(StopOutcome.valueOf(outcomeCell.toUpperCase(java.util.Locale.ROOT)));
                switch (column) {
                    case "arrest_made" -> b.arrest(implied[0]);
                    case "citation_issued" -> b.citation(implied[1]);
                    case "warning_issued" -> b.warning(implied[2]);
                    default -> b.summons(implied[3]);
                }
            }
            default -> throw new AssertionError("no rule for column " + column);
        }
        return b.build();
    }
}
