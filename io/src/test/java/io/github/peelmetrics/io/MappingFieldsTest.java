package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mapping knows its record type's fields: a misspelt field is an error where it is written. */
class MappingFieldsTest {

    private static final String SURVEY_FIELDS = "respondent_id, wave, date, race, age_group, sex, beat, base_weight";

    @Test
    void aMisspeltFieldIsAnErrorThatListsTheFieldsAndSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.SURVEY_RESPONSES).column("raec", "race"));
        assertEquals("no field \"raec\" in survey responses (did you mean \"race\"?); the fields of survey responses are: "
                + SURVEY_FIELDS + " (an item or attribute column is a field once declared with items(...) or "
                + "attributes(...))", e.getMessage());
        String stops = assertThrows(IllegalArgumentException.class,
                () -> Mapping.openPolicing(RecordType.STOPS).column("race", "driver_race")).getMessage();
        assertTrue(stops.startsWith("no field \"race\" in stops (did you mean \"subject_race\"?); the fields of stops "
                + "are: stop_id, date, time, lat, lng, beat, district, precinct, subject_race, subject_age, "
                + "subject_age_group, subject_sex, type, officer_id, reason_for_stop, search_conducted, search_basis, "
                + "contraband_found, contraband_weapons, contraband_drugs, frisk_performed, outcome, arrest_made, "
                + "citation_issued, warning_issued, ... and 3 more"), stops);
        assertEquals("no field \"zzz\" in beats; the fields of beats are: beat, district, race, population",
                assertThrows(IllegalArgumentException.class,
                        () -> Mapping.generic(RecordType.BEATS).constant("zzz", "1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mapping.generic(RecordType.OFFICERS).columns("hire_date"));
        assertThrows(IllegalArgumentException.class, () -> Mapping.generic(RecordType.OFFICERS).constant("hire_date"));
    }

    @Test
    void codebooksAreForCodedFieldsAndTheirKinds() {
        Mapping<Stop> m = Mapping.openPolicing(RecordType.STOPS).codebook("race", Codebook.races().with("I", "other"))
                .codebook("outcome", Codebook.empty().with("Arrest Driver", "arrest"));
        assertEquals(Optional.of(Races.OTHER), m.codebook("subject_race").flatMap(b -> b.lookup("I")));
        assertEquals("no coded field \"subject_age\" in stops (did you mean \"subject_age_group\"?); the fields of "
                + "stops read through a codebook are: subject_race, subject_age_group, subject_sex, type, search_basis, "
                + "outcome, race, sex, age_group", assertThrows(IllegalArgumentException.class,
                        () -> m.codebook("subject_age", Codebook.empty())).getMessage());
        assertEquals(Optional.empty(), Mapping.generic(RecordType.ASSIGNMENTS).codebook("shift"));
        assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.COMPLAINTS).codebook("age_group", Codebook.ageGroups()));
    }

    @Test
    void itemsAndAttributesAreSurveyFieldsOnceDeclared() {
        assertEquals("item columns are read for survey responses only; this is a mapping of stops",
                assertThrows(IllegalArgumentException.class, () -> Mapping.generic(RecordType.STOPS).items("q1"))
                        .getMessage());
        assertEquals("item \"wave\" is a field of survey responses, not an item column",
                assertThrows(IllegalArgumentException.class,
                        () -> Mapping.generic(RecordType.SURVEY_RESPONSES).items("wave")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Mapping.generic(RecordType.SURVEY_RESPONSES).column("approve", "q_approve"));
        Mapping<SurveyResponse> m = Mapping.generic(RecordType.SURVEY_RESPONSES).items("approve").attributes("language")
                .column("approve", "q_approve").column("language", "lang").constant("wave", "2016");
        assertEquals(List.of("respondent_id", "wave", "date", "race", "age_group", "sex", "beat", "base_weight",
                "language", "approve"), m.fields());
        String csv = "respondent_id,base_weight,q_approve,lang\nR1,1.5,1,es\n";
        SurveyResponse r = RecordReader.of(m).readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "s.csv").records().get(0);
        assertEquals(Optional.of(1.0), r.answer("approve"));
        assertEquals("es", r.attributes().get("language"));
        assertEquals(Optional.of("2016"), r.wave());
    }

    @Test
    void theJsonLoaderNamesTheFileTheKeyAndTheValidFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ri.json");
        Files.writeString(file, "{\"preset\": \"open_policing\", \"columns\": {\"date\": \"stop_date\", "
                + "\"subject_raec\": \"driver_race\"}}", StandardCharsets.UTF_8);
        String m = assertThrows(IllegalArgumentException.class, () -> Mapping.fromJson(RecordType.STOPS, file))
                .getMessage();
        assertTrue(m.startsWith("mapping file " + file + ": columns.subject_raec: no field \"subject_raec\" in stops "
                + "(did you mean \"subject_race\"?); the fields of stops are: stop_id, date, "), m);
        assertEquals("mapping JSON: codebooks.beat: no coded field \"beat\" in officers; the fields of officers read "
                + "through a codebook are: race, sex", assertThrows(IllegalArgumentException.class,
                        () -> Mapping.fromJson(RecordType.OFFICERS, "{\"codebooks\": {\"beat\": {\"x\": \"y\"}}}"))
                        .getMessage());
        assertEquals("mapping JSON: columns must be an object: [\"date\"]", assertThrows(IllegalArgumentException.class,
                () -> Mapping.fromJson(RecordType.OFFICERS, "{\"columns\": [\"date\"]}")).getMessage());
        assertEquals("mapping JSON: items: item columns are read for survey responses only; this is a mapping of beats",
                assertThrows(IllegalArgumentException.class,
                        () -> Mapping.fromJson(RecordType.BEATS, "{\"items\": [\"q1\"]}")).getMessage());
        Mapping<SurveyResponse> survey = Mapping.fromJson(RecordType.SURVEY_RESPONSES,
                "{\"columns\": {\"approve\": \"q7\"}, \"items\": [\"approve\"], \"constants\": {\"wave\": 2016}}");
        assertEquals(List.of("q7"), survey.columns("approve"));
        assertEquals(Optional.of("2016"), survey.constant("wave"));
    }

    @Test
    void thePresetsKeepTheirColumnsAndCodebooks() {
        Mapping<Stop> opp = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("UTC"));
        assertEquals(List.of("raw_row_number", "stop_id"), opp.columns("stop_id"));
        assertEquals(List.of("officer_id_hash", "officer_id"), opp.columns("officer_id"));
        assertEquals(List.of("subject_race"), opp.columns("subject_race"));
        assertEquals(Optional.of(Races.BLACK), opp.codebook("subject_race").flatMap(b -> b.lookup("African American")));
        assertEquals(UnknownValues.MAP_TO_UNKNOWN, opp.unknownValues());
        Mapping<Officer> officers = Mapping.generic(RecordType.OFFICERS);
        assertEquals(List.of("officer_id_hash", "officer_id"), officers.columns("officer_id"));
        assertEquals(UnknownValues.KEEP, officers.unknownValues());
        assertEquals(Optional.empty(), officers.codebook("race").flatMap(b -> b.lookup("African American")));
        assertEquals(RecordType.OFFICERS, officers.type());
    }
}
