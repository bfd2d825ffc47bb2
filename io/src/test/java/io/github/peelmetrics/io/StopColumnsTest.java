package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.RipaRaces;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each stop field from its own column; the outcome code fills only what the flags leave empty; a
 * column the file lacks is "not recorded", said in the summary, and never read as "no".
 */
class StopColumnsTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Mapping<Stop> OPP = Mapping.openPolicing(RecordType.STOPS).zone(CHICAGO);

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Flag> decisions(Stop s) {
        return List.of(s.arrest(), s.citation(), s.warning(), s.summons());
    }

    @Test
    void everyOpenPolicingColumnIsReadIntoItsOwnField() {
        String csv = "raw_row_number,date,time,district,precinct,subject_race,search_conducted,search_basis,"
                + "contraband_found,contraband_weapons,contraband_drugs,frisk_performed,outcome,arrest_made,"
                + "citation_issued,warning_issued,summons_issued\n"
                + "1,2017-03-04,12:30,D1,P7,black,TRUE,consent,TRUE,FALSE,TRUE,TRUE,citation,FALSE,TRUE,TRUE,FALSE\n"
                + "2,2017-03-04,13:30,NA,NA,white,FALSE,NA,NA,NA,NA,FALSE,NA,NA,NA,NA,NA\n";
        ReadResult<Stop> r = RecordReader.of(OPP).readCsv(in(csv), "s.csv");
        Stop a = r.records().get(0);
        assertEquals(Optional.of("D1"), a.district());
        assertEquals(Optional.of("P7"), a.precinct());
        assertEquals(List.of(Flag.YES, Flag.NO, Flag.YES, Flag.YES),
                List.of(a.contrabandFound(), a.contrabandWeapons(), a.contrabandDrugs(), a.frisk()));
        assertEquals(List.of(Flag.NO, Flag.YES, Flag.YES, Flag.NO), decisions(a), "warning kept beside the citation");
        Stop b = r.records().get(1);
        assertEquals(Optional.empty(), b.district());
        assertEquals(List.of(Flag.UNKNOWN, Flag.UNKNOWN, Flag.NO),
                List.of(b.contrabandWeapons(), b.contrabandDrugs(), b.frisk()));
        assertEquals(List.of(Flag.UNKNOWN, Flag.UNKNOWN, Flag.UNKNOWN, Flag.UNKNOWN), decisions(b));
        assertEquals(StopOutcome.UNKNOWN, b.outcome());
    }

    @Test
    void anExplicitFlagIsNeverOverriddenAndTheOutcomeFillsOnlyEmptyFlags() {
        String csv = "raw_row_number,date,time,outcome,arrest_made,citation_issued,warning_issued\n"
                + "1,2017-03-04,12:30,citation,,,TRUE\n" // citation fills arrest NO, citation YES; warning kept
                + "2,2017-03-04,12:30,arrest,,FALSE,\n" // arrest fills arrest YES only
                + "3,2017-03-04,12:30,warning,NA,NA,NA\n"
                + "4,2017-03-04,12:30,none,,,\n"
                + "5,2017-03-04,12:30,,TRUE,FALSE,FALSE\n";
        List<Stop> s = RecordReader.of(OPP).readCsv(in(csv), "s.csv").records();
        Flag y = Flag.YES;
        Flag n = Flag.NO;
        Flag u = Flag.UNKNOWN;
        assertEquals(List.of(n, y, y, n), decisions(s.get(0)));
        assertEquals(List.of(y, n, u, u), decisions(s.get(1)));
        assertEquals(List.of(n, n, y, n), decisions(s.get(2)));
        assertEquals(List.of(n, n, n, n), decisions(s.get(3)));
        assertEquals(StopOutcome.NONE, s.get(3).outcome());
        assertEquals(List.of(y, n, n, u), decisions(s.get(4)));
        assertEquals(StopOutcome.ARREST, s.get(4).outcome());
    }

    @Test
    void aFlagThatTheOutcomeContradictsRejectsTheRowNamingTheFlagAndItsValue() {
        String csv = "raw_row_number,date,time,outcome,arrest_made,citation_issued\n"
                + "1,2017-03-04,12:30,arrest,FALSE,\n"
                + "2,2017-03-04,12:30,warning,,TRUE\n"
                + "3,2017-03-04,12:30,citation,FALSE,TRUE\n";
        ReadResult<Stop> r = RecordReader.of(OPP).mode(ErrorMode.LENIENT).readCsv(in(csv), "s.csv");
        assertEquals(List.of("3"), r.records().stream().map(Stop::id).toList());
        assertEquals(new Rejection("s.csv", 2, "arrest_made", "FALSE",
                "is false but outcome \"arrest\" (most severe outcome arrest) says true"), r.rejections().get(0));
        assertEquals(new Rejection("s.csv", 3, "citation_issued", "TRUE",
                "is true but outcome \"warning\" (most severe outcome warning) says false"), r.rejections().get(1));
        ReadException strict = assertThrows(ReadException.class, () -> RecordReader.of(OPP).readCsv(in(csv), "s.csv"));
        assertEquals("arrest_made", strict.rejection().field());
    }

    @Test
    void theRhodeIslandOutcomeCodesMapToArrestAndNeverOverrideTheArrestFlag() {
        Mapping<Stop> ri = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/New_York"))
                .column("stop_id", Mapping.ROW_NUMBER).column("date", "stop_date").column("time", "stop_time")
                .column("subject_race", "driver_race").column("subject_sex", "driver_gender")
                .column("outcome", "stop_outcome").column("arrest_made", "is_arrested")
                .column("search_basis", "search_type")
                .codebook("outcome", Codebook.empty().with("Arrest Driver", "arrest").with("Arrest Passenger", "arrest")
                        .with("No Action", "none"));
        String csv = "state,stop_date,stop_time,driver_gender,driver_race,search_conducted,search_type,stop_outcome,"
                + "is_arrested,district\n"
                + "RI,2005-01-04,12:55,M,White,FALSE,,Citation,FALSE,Zone X4\n"
                + "RI,2005-01-05,01:00,M,Black,TRUE,Incident to Arrest,Arrest Passenger,TRUE,Zone K3\n"
                + "RI,2005-01-06,02:00,F,Black,FALSE,,Arrest Driver,,Zone K3\n"
                + "RI,2005-01-07,,,,,,,,\n";
        ReadResult<Stop> r = RecordReader.of(ri).readCsv(in(csv), "ri.csv");
        List<Stop> s = r.records();
        assertEquals(List.of(Flag.NO, Flag.YES, Flag.YES, Flag.UNKNOWN), s.stream().map(Stop::arrest).toList());
        assertEquals(List.of(StopOutcome.CITATION, StopOutcome.ARREST, StopOutcome.ARREST, StopOutcome.UNKNOWN),
                s.stream().map(Stop::outcome).toList());
        assertEquals(Optional.of("Zone K3"), s.get(1).district());
        assertEquals(Optional.empty(), s.get(3).time(), "a stop without a time is kept");
        assertEquals(LocalDate.of(2005, 1, 7), s.get(3).date());
    }

    @Test
    void aStopWithoutATimeIsKeptAndAFileWithoutTimesSaysSo() {
        String csv = "raw_row_number,date,time\n1,2017-03-04,\n2,2017-03-04,NA\n3,2017-03-04,10:15\n";
        List<Stop> s = RecordReader.of(OPP).readCsv(in(csv), "s.csv").records();
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(LocalTime.of(10, 15))),
                s.stream().map(Stop::time).toList());
        assertEquals(Optional.empty(), s.get(0).dateTime());

        ReadResult<Stop> noTimes = RecordReader.of(OPP).readCsv(in("raw_row_number,date\n1,2017-03-04\n"), "d.csv");
        assertEquals(Optional.empty(), noTimes.records().get(0).time());
        assertTrue(noTimes.summary().warnings().contains("time: no column time; not recorded"),
                noTimes.summary().toString());
    }

    @Test
    void aPresetColumnTheFileLacksIsNotRecordedAndTheSummarySaysSo() {
        String csv = "raw_row_number,date,time,subject_race,arrest_made,outcome\n1,2017-03-04,12:30,black,FALSE,citation\n";
        ReadResult<Stop> r = RecordReader.of(OPP).readCsv(in(csv), "s.csv");
        Stop s = r.records().get(0);
        assertEquals(Flag.UNKNOWN, s.frisk());
        assertEquals(Flag.UNKNOWN, s.contrabandWeapons());
        assertEquals(Optional.empty(), s.district());
        List<String> w = r.summary().warnings();
        assertTrue(w.contains("frisk_performed: no column frisk_performed; not recorded"), w.toString());
        assertTrue(w.contains("contraband_weapons: no column contraband_weapons; not recorded"), w.toString());
        assertTrue(w.contains("district: no column district; not recorded"), w.toString());
        assertTrue(w.contains("citation_issued: no column citation_issued; recorded only where outcome implies it"),
                w.toString());
        assertTrue(w.stream().noneMatch(x -> x.startsWith("arrest_made") || x.startsWith("outcome")
                || x.startsWith("subject_race") || x.startsWith("datetime")), w.toString());
        assertTrue(r.summary().toString().contains("\n  frisk_performed: no column frisk_performed; not recorded"),
                r.summary().toString());
    }

    @Test
    void aMappedColumnMissingFromTheHeaderFailsStrictReadsAndWarnsLoudlyInLenientOnes() {
        Mapping<Stop> m = OPP.column("subject_race", "driver_race");
        String csv = "raw_row_number,date,time,subject_race\n1,2017-03-04,12:30,black\n";
        ReadException e = assertThrows(ReadException.class, () -> RecordReader.of(m).readCsv(in(csv), "s.csv"));
        assertEquals(new Rejection("s.csv", 1, "subject_race", "driver_race", "is mapped to column driver_race, "
                + "which the header does not have; the header's columns are: raw_row_number, date, time, subject_race"),
                e.rejection());

        ReadResult<Stop> r = RecordReader.of(m).mode(ErrorMode.LENIENT).readCsv(in(csv), "s.csv");
        assertEquals(Category.UNKNOWN, r.records().get(0).subject().race());
        assertTrue(r.summary().warnings().contains(
                "WARNING subject_race is mapped to column driver_race, which the header does not have; not recorded"),
                r.summary().toString());

        // a mapping file's columns are explicit too; a row number or a constant needs no column
        Mapping<Stop> json = Mapping.fromJson(RecordType.STOPS, "{\"preset\": \"open_policing\", \"zone\": \"UTC\","
                + " \"columns\": {\"stop_id\": \"#row\", \"arrest_made\": \"is_arrested\"}}");
        ReadException fromJson = assertThrows(ReadException.class,
                () -> RecordReader.of(json).readCsv(in("date,time\n2017-03-04,12:30\n"), "j.csv"));
        assertEquals("arrest_made", fromJson.rejection().field());

        // JSON lines have no header: the summary names a mapped key that no line held
        ReadResult<Stop> jl = RecordReader.of(m).readJsonLines(
                in("{\"raw_row_number\": \"1\", \"date\": \"2017-03-04\", \"time\": \"12:30\"}\n"), "s.jsonl");
        assertTrue(jl.summary().warnings().stream().anyMatch(x -> x.startsWith("WARNING subject_race")),
                jl.summary().toString());
    }

    /**
     * An export with only an arrest flag (as Seattle's Terry stops): the arrest rate of each group
     * is its arrests over its stops, the other decisions are unrecorded (never "no"), and frisks
     * are read. Synthetic data with known counts.
     */
    @Test
    void anExportWithOnlyAnArrestFlagGivesTheTrueArrestRatePerGroup() {
        StringBuilder csv = new StringBuilder("SubjectAgeGroup,TERRY_STOP_ID,SubjectPerceivedRace,Reported_Date,"
                + "Reported_Time,ArrestFlag,FriskFlag,Precinct,Beat\n");
        Map<String, int[]> truth = Map.of("Black", new int[] {600, 150, 90}, "White", new int[] {900, 180, 60},
                "American Indian / Alaskan Native", new int[] {50, 20, 5}, "Multi-Racial", new int[] {40, 4, 0});
        int id = 0;
        Map<String, long[]> frisked = new TreeMap<>(); // frisked, frisk not recorded
        for (Map.Entry<String, int[]> g : new TreeMap<>(truth).entrySet()) {
            int[] t = g.getValue();
            long[] f = frisked.computeIfAbsent(g.getKey(), k -> new long[2]);
            for (int i = 0; i < t[0]; i++) {
                id++;
                String frisk = i % 10 == 9 ? "-" : i >= t[0] - t[2] ? "Y" : "N";
                f[0] += frisk.equals("Y") ? 1 : 0;
                f[1] += frisk.equals("-") ? 1 : 0;
                csv.append("26 - 35,").append(id).append(',').append(g.getKey()).append(",2015-03-30,")
                        .append(i % 7 == 0 ? "NULL" : "21:08:00.0000000").append(',').append(i < t[1] ? 'Y' : 'N')
                        .append(',').append(frisk).append(",East,E2\n");
            }
        }
        Mapping<Stop> sea = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Los_Angeles"))
                .missing("", "NA", "NULL", "-").column("stop_id", "TERRY_STOP_ID").column("date", "Reported_Date")
                .column("time", "Reported_Time").column("subject_race", "SubjectPerceivedRace")
                .column("arrest_made", "ArrestFlag").column("frisk_performed", "FriskFlag")
                .column("precinct", "Precinct").column("beat", "Beat").codebook("race", Codebook.racesDetailed());
        ReadResult<Stop> r = RecordReader.of(sea).readCsv(in(csv.toString()), "terry.csv");
        assertEquals(id, r.records().size());
        Category aian = Category.of("american indian/alaska native");
        Map<Category, String> names = Map.of(Races.BLACK, "Black", Races.WHITE, "White", aian,
                "American Indian / Alaskan Native", RipaRaces.MULTIRACIAL, "Multi-Racial");
        for (Map.Entry<Category, String> g : names.entrySet()) {
            int[] t = truth.get(g.getValue());
            List<Stop> group = r.records().stream().filter(s -> s.subject().race().equals(g.getKey())).toList();
            assertEquals(t[0], group.size(), g.getValue());
            long arrests = group.stream().filter(s -> s.arrest() == Flag.YES).count();
            long noArrest = group.stream().filter(s -> s.arrest() == Flag.NO).count();
            assertEquals(t[1], arrests, g.getValue());
            assertEquals(t[0], arrests + noArrest, g.getValue() + ": every stop's arrest flag is recorded");
            assertEquals((double) t[1] / t[0], (double) arrests / group.size(), 0.0, g.getValue());
            long frisks = group.stream().filter(s -> s.frisk() == Flag.YES).count();
            long friskUnknown = group.stream().filter(s -> s.frisk() == Flag.UNKNOWN).count();
            assertEquals(frisked.get(g.getValue())[0], frisks, g.getValue() + " frisks");
            assertEquals(frisked.get(g.getValue())[1], friskUnknown, g.getValue() + " frisks not recorded");
        }
        double rr = (150.0 / 600) / (180.0 / 900);
        assertEquals(1.25, rr, 1e-12);
        for (Stop s : r.records()) {
            assertEquals(Flag.UNKNOWN, s.citation(), "no citation column: not recorded, never no");
            assertEquals(Flag.UNKNOWN, s.warning());
            assertEquals(s.arrest() == Flag.YES ? StopOutcome.ARREST : StopOutcome.UNKNOWN, s.outcome());
        }
        long withoutTime = r.records().stream().filter(s -> s.time().isEmpty()).count();
        assertTrue(withoutTime > 0, "stops without a time are kept");
        assertTrue(r.summary().warnings().contains("citation_issued: no column citation_issued; not recorded"),
                r.summary().toString());
    }

    @Test
    void theDetailedRaceCodebookKeepsFinerGroupsThatTheOpenPolicingOneFoldsIntoOther() {
        assertEquals(Races.OTHER, Codebook.races().lookup("American Indian / Alaskan Native").orElseThrow());
        assertEquals(Races.OTHER, Codebook.races().lookup("Multi-Racial").orElseThrow());
        assertEquals(Category.of("american indian/alaska native"),
                Codebook.racesDetailed().lookup("American Indian / Alaskan Native").orElseThrow());
        assertEquals(RipaRaces.MULTIRACIAL, Codebook.racesDetailed().lookup("Multi-Racial").orElseThrow());
        assertEquals(RipaRaces.MIDDLE_EASTERN_SOUTH_ASIAN, Codebook.racesDetailed().lookup("Middle Eastern").orElseThrow());
        assertEquals(Races.BLACK, Codebook.racesDetailed().lookup("African American").orElseThrow());
        assertEquals(Races.OTHER, Codebook.racesDetailed().lookup("Other").orElseThrow());
    }
}
