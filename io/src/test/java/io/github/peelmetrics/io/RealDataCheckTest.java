package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.RipaRaces;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An optional local check against the real public exports kept outside the project (never copied
 * into it): the folder named by {@code -Dpeel.realdata.dir}, else {@code shared/realdata} beside the
 * checkout (where CI and the developers' machines keep it); skipped, with the reason, when neither exists.
 * Every row must be accounted for: accepted, or rejected with a reason.
 */
class RealDataCheckTest {

    private static Path file(String name) {
        String dir = System.getProperty("peel.realdata.dir", "");
        if (dir.isBlank() && Files.isDirectory(Path.of("..", "..", "shared", "realdata"))) {
            dir = Path.of("..", "..", "shared", "realdata").toString();
        }
        assumeTrue(!dir.isBlank(), "set -Dpeel.realdata.dir (or keep shared/realdata beside the checkout)");
        Path p = Path.of(dir, name);
        assumeTrue(Files.exists(p), p + " is absent");
        return p;
    }

    private static long dataLines(Path p) throws java.io.IOException {
        try (var lines = Files.lines(p)) {
            return lines.count() - 1;
        }
    }

    @Test
    void seattleTerryStopsReadWithNothingDropped() throws Exception {
        Path p = file("seattle_terry_stops.csv");
        Mapping<Stop> sea = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Los_Angeles")).missing("", "NA", "NULL", "-")
                .column("stop_id", "TERRY_STOP_ID").column("date", "Reported_Date").column("time", "Reported_Time")
                .column("subject_race", "SubjectPerceivedRace").column("subject_sex", "SubjectPerceivedGender")
                .column("subject_age_group", "SubjectAgeGroup").column("officer_id", "OfficerID")
                .column("arrest_made", "ArrestFlag").column("frisk_performed", "FriskFlag").column("beat", "Beat")
                .column("precinct", "Precinct");
        ReadResult<Stop> r = RecordReader.of(sea).mode(ErrorMode.LENIENT).readCsv(p);
        assertEquals(dataLines(p), r.summary().read(), r.summary().toString());
        assertEquals(r.summary().read(), r.records().size() + r.rejections().size());
    }

    /**
     * Seattle's export has an arrest flag and no citation column: the arrest rate of each group is
     * read from the arrest flag (main read it through a most-severe outcome and lost it), and the
     * Black/white ratio of arrest rates is the one computed from the file by hand: 1463 of 6105
     * Black and 1888 of 9619 white subjects arrested, 1.221 [1.150, 1.297] (Katz log interval).
     * Frisks are read from FriskFlag ({@code -} is not recorded).
     */
    @Test
    void seattleArrestRatesComeFromTheArrestFlagAndFrisksAreRead() throws Exception {
        Path p = file("seattle_terry_stops.csv");
        Mapping<Stop> sea = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Los_Angeles"))
                .missing("", "NA", "NULL", "-").column("stop_id", "TERRY_STOP_ID").column("date", "Reported_Date")
                .column("time", "Reported_Time").column("subject_race", "SubjectPerceivedRace")
                .column("arrest_made", "ArrestFlag").column("frisk_performed", "FriskFlag");
        ReadResult<Stop> r = RecordReader.of(sea).readCsv(p);
        long[] black = arrests(r, Races.BLACK);
        long[] white = arrests(r, Races.WHITE);
        assertArrayEquals(new long[] {1463, 6105}, black);
        assertArrayEquals(new long[] {1888, 9619}, white);
        double rr = ((double) black[0] / black[1]) / ((double) white[0] / white[1]);
        double se = Math.sqrt(1.0 / black[0] - 1.0 / black[1] + 1.0 / white[0] - 1.0 / white[1]);
        double z = 1.959963984540054;
        assertEquals(1.221, rr, 5e-4);
        assertEquals(1.150, rr * Math.exp(-z * se), 5e-4);
        assertEquals(1.297, rr * Math.exp(z * se), 5e-4);
        assertEquals(2686 + 1496, r.records().stream().filter(s -> s.frisk() == Flag.YES).count());
        assertEquals(223 + 74, r.records().stream().filter(s -> s.frisk() == Flag.UNKNOWN).count());
        assertTrue(r.records().stream().allMatch(s -> s.citation() == Flag.UNKNOWN && s.warning() == Flag.UNKNOWN));
        assertTrue(r.summary().warnings().contains("citation_issued: no column citation_issued; not recorded"),
                r.summary().toString());
        // the detailed codebook keeps the groups the Open Policing one folds into other
        ReadResult<Stop> detailed = RecordReader.of(sea.codebook("race", Codebook.racesDetailed())).readCsv(p);
        assertEquals(643, detailed.records().stream()
                .filter(s -> s.subject().race().equals(Category.of("american indian/alaska native"))).count());
        assertEquals(576, detailed.records().stream().filter(s -> s.subject().race().equals(RipaRaces.MULTIRACIAL)).count());
    }

    /** Arrests (flag yes) and stops whose arrest flag is recorded, of one group. */
    private static long[] arrests(ReadResult<Stop> r, Category race) {
        long yes = r.records().stream().filter(s -> s.subject().race().equals(race) && s.arrest() == Flag.YES).count();
        long known = r.records().stream().filter(s -> s.subject().race().equals(race) && s.arrest().isKnown()).count();
        return new long[] {yes, known};
    }

    @Test
    void rhodeIslandStopsReadWithNothingDropped() throws Exception {
        Path p = file("rhode_island_stops.csv");
        Mapping<Stop> ri = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/New_York"))
                .column("stop_id", Mapping.ROW_NUMBER).column("date", "stop_date").column("time", "stop_time")
                .column("subject_race", "driver_race").column("subject_sex", "driver_gender")
                .column("outcome", "stop_outcome").column("arrest_made", "is_arrested")
                .column("search_basis", "search_type").column("reason_for_stop", "violation")
                .codebook("outcome", Codebook.empty().with("Arrest Driver", "arrest").with("Arrest Passenger", "arrest")
                        .with("No Action", "none"));
        ReadResult<Stop> r = RecordReader.of(ri).mode(ErrorMode.LENIENT).readCsv(p);
        assertEquals(dataLines(p), r.summary().read(), r.summary().toString());
        assertEquals(r.summary().read(), r.records().size() + r.rejections().size());
        // "Arrest Driver" (975) and "Arrest Passenger" (88) agree with is_arrested; nothing contradicts it
        assertEquals(975 + 88, r.records().stream().filter(s -> s.arrest() == Flag.YES).count());
        assertEquals(975 + 88, r.records().stream().filter(s -> s.outcome() == StopOutcome.ARREST).count());
        assertTrue(r.rejections().stream().noneMatch(x -> x.field().equals("is_arrested")), r.rejections().toString());
        assertEquals(Optional.of("Zone X4"), r.records().get(0).district());
    }

    /**
     * Chicago's police sentiment file: one row per community area and year, 0-100 scores with
     * decimals, NA for missing, no respondent id, weight or wave column: the survey reader takes it
     * with the Year as the wave, and every score is a number in [0, 100].
     */
    @Test
    void chicagoSentimentScoresReadAsZeroToHundredItemsWithTheYearAsWave() throws Exception {
        Path p = file("chicago_police_sentiment.csv");
        Mapping<io.github.peelmetrics.core.SurveyResponse> chicago = Mapping.generic(RecordType.SURVEY_RESPONSES)
                .column("respondent_id", Mapping.ROW_NUMBER).column("wave", "Year").constant("base_weight", "1")
                .missing("", "NA").attributes("Community").items("safety", "trust", "t_listen", "t_respect");
        ReadResult<io.github.peelmetrics.core.SurveyResponse> r = RecordReader.of(chicago).mode(ErrorMode.LENIENT).readCsv(p);
        assertEquals(dataLines(p), r.summary().read(), r.summary().toString());
        assertEquals(r.summary().read(), r.records().size(), r.rejections().toString());
        assertEquals(java.util.List.of("2017", "2018", "2019", "2020", "2021"),
                java.util.List.copyOf(io.github.peelmetrics.core.SurveyResponse.byWave(r.records()).keySet()));
        assertTrue(r.records().stream().flatMap(x -> x.answers().values().stream()).allMatch(v -> v >= 0 && v <= 100));
        assertTrue(r.records().stream().flatMap(x -> x.answers().values().stream()).anyMatch(v -> v != Math.rint(v)));
        // the same file without the wave mapped: responses without a wave, which grouping by wave refuses
        ReadResult<io.github.peelmetrics.core.SurveyResponse> noWave = RecordReader.of(chicago.column("wave", "wave"))
                .mode(ErrorMode.LENIENT).readCsv(p);
        assertTrue(noWave.records().stream().allMatch(x -> x.wave().isEmpty()));
    }
}
