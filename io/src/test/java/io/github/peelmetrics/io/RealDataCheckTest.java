package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.peelmetrics.core.Stop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
                .column("arrest_made", "ArrestFlag").column("beat", "Beat");
        ReadResult<Stop> r = RecordReader.of(sea).mode(ErrorMode.LENIENT).readCsv(p);
        assertEquals(dataLines(p), r.summary().read(), r.summary().toString());
        assertEquals(r.summary().read(), r.records().size() + r.rejections().size());
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
    }
}
