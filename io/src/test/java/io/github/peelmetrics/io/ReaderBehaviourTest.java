package io.github.peelmetrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Strict and lenient modes, codebooks, unknown values, dates, zones and hostile input. */
class ReaderBehaviourTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final String OPP_HEADER = "raw_row_number,date,time,subject_race,subject_age,subject_sex,"
            + "search_conducted,search_basis,contraband_found,outcome,arrest_made,citation_issued,warning_issued\n";

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordReader<Stop> opp() {
        return RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(CHICAGO));
    }

    @Test
    void strictModeNamesSourceLineFieldValueAndReason() {
        String csv = OPP_HEADER + "1,2017-03-04,12:30,black,34,male,FALSE,NA,NA,citation,FALSE,TRUE,FALSE\n"
                + "2,2017-03-04,\"12:3\n1\",white,3x4,male,FALSE,,,warning,FALSE,FALSE,TRUE\n";
        ReadException e = assertThrows(ReadException.class,
                () -> opp().mode(ErrorMode.STRICT).readCsv(in(csv), "stops.csv"));
        assertEquals(new Rejection("stops.csv", 3, "time", "12:3\n1", e.rejection().reason()), e.rejection());
        assertTrue(e.getMessage().startsWith("stops.csv line 3: time \"12:3\n1\" is not a time of day"), e.getMessage());
    }

    @Test
    void lenientModeKeepsEveryRejectionWithItsLineAndCountsReconcile() {
        String csv = OPP_HEADER
                + "1,2017-03-04,12:30,black,34,male,FALSE,NA,NA,citation,FALSE,TRUE,FALSE\n"
                + "2,2017-13-04,12:30,white,34,male,FALSE,NA,NA,NA,FALSE,FALSE,FALSE\n"
                + "\n"
                + "3,2017-03-05,23:59:59,Martian,abc,female,TRUE,consent,TRUE,arrest,TRUE,FALSE,FALSE\n"
                + "4,2017-03-05,07:05,W,,F,TRUE,,FALSE,,FALSE,FALSE,FALSE\n"
                + "5,2017-03-05,07:05,W,,F\n";
        List<Rejection> heard = new java.util.ArrayList<>();
        ReadResult<Stop> r = opp().mode(ErrorMode.LENIENT).onRejection(heard::add).readCsv(in(csv), "stops.csv");
        assertEquals(r.rejections(), heard);
        assertEquals(5, r.summary().read());
        assertEquals(2, r.summary().accepted());
        assertEquals(3, r.summary().rejected());
        assertEquals(List.of(3L, 5L, 7L), r.rejections().stream().map(Rejection::line).toList());
        assertEquals("date", r.rejections().get(0).field());
        assertEquals("subject_age", r.rejections().get(1).field());
        assertEquals("abc", r.rejections().get(1).value());
        assertEquals("(row)", r.rejections().get(2).field());
        assertTrue(r.summary().toString().startsWith("stops.csv: 5 read, 2 accepted, 3 rejected (line 3: date"),
                r.summary().toString());
        Stop first = r.records().get(0);
        assertEquals(ZonedDateTime.of(2017, 3, 4, 12, 30, 0, 0, CHICAGO), first.dateTime().orElseThrow());
        assertEquals(StopOutcome.CITATION, first.outcome());
        assertEquals(SearchBasis.NONE, first.searchBasis());
        assertEquals(Flag.UNKNOWN, first.contrabandFound());
        Stop fourth = r.records().get(1);
        assertEquals(Races.WHITE, fourth.subject().race());
        assertEquals(SearchBasis.UNKNOWN, fourth.searchBasis());
        assertEquals(List.of(Flag.NO, Flag.NO, Flag.NO, Flag.UNKNOWN),
                List.of(fourth.arrest(), fourth.citation(), fourth.warning(), fourth.summons()));
        assertEquals(StopOutcome.UNKNOWN, fourth.outcome(), "three flags false, no summons column and no outcome: "
                + "whether a summons was issued is not recorded");
    }

    @Test
    void unknownCategoryValuesAreCountedKeptOrRejectedAsTheCallerChooses() {
        String csv = OPP_HEADER + "1,2017-03-04,12:30,Martian,34,male,FALSE,,,,,,\n"
                + "2,2017-03-04,12:30,Martian,34,male,FALSE,,,,,,\n3,2017-03-04,12:30,B,34,male,FALSE,,,,,,\n";
        ReadResult<Stop> mapped = opp().mode(ErrorMode.LENIENT).readCsv(in(csv), "s");
        assertEquals(Category.UNKNOWN, mapped.records().get(0).subject().race());
        assertEquals(Map.of("subject_race", Map.of("Martian", 2L)), mapped.summary().unknownValues());
        assertEquals(Races.BLACK, mapped.records().get(2).subject().race());

        ReadResult<Stop> kept = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(CHICAGO).unknownValues(UnknownValues.KEEP))
                .readCsv(in(csv), "s");
        assertEquals(Category.of("martian", "Martian"), kept.records().get(0).subject().race());
        assertEquals(2, kept.summary().unknownCount("subject_race"));

        ReadResult<Stop> rejected = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(CHICAGO)
                .unknownValues(UnknownValues.REJECT)).mode(ErrorMode.LENIENT).readCsv(in(csv), "s");
        assertEquals(1, rejected.records().size());
        assertEquals(2, rejected.summary().rejected());
        assertEquals(new Rejection("s", 2, "subject_race", "Martian", "is not in the codebook of subject_race"),
                rejected.rejections().get(0));
    }

    @Test
    void datesInSeveralFormatsAndTimesWithSecondsFractionsOrAmPm() {
        String csv = "stop_id,date,time\n1,3/4/2017,9:05 PM\n2,20170304,21:05:00.0000000\n3,2017-03-04,21:05\n";
        List<Stop> stops = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).readCsv(in(csv), "s").records();
        for (Stop s : stops) {
            assertEquals(ZonedDateTime.of(2017, 3, 4, 21, 5, 0, 0, CHICAGO), s.dateTime().orElseThrow(), s.id());
        }
        ReadException e = assertThrows(ReadException.class, () -> RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)
                .dateFormats("d/M/yyyy")).readCsv(in("stop_id,date,time\n1,31/2/2017,10:00\n"), "s"));
        assertEquals("date", e.rejection().field());
    }

    @Test
    void stopsNeedAnExplicitZoneAndRequiredColumns() {
        IllegalArgumentException noZone = assertThrows(IllegalArgumentException.class,
                () -> RecordReader.of(Mapping.generic(RecordType.STOPS)));
        assertTrue(noZone.getMessage().contains("time zone"), noZone.getMessage());
        ReadException noDate = assertThrows(ReadException.class,
                () -> RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).openCsv(in("stop_id,time\n1,10:00\n"), "s.csv"));
        assertEquals(new Rejection("s.csv", 1, "date", "",
                "has no column: expected one of [date] in the header [stop_id, time]"), noDate.rejection());
    }

    @Test
    void renamedColumnsRowNumbersAndCodebooksFromAJsonMapping() {
        Mapping<Stop> m = Mapping.fromJson(RecordType.STOPS, "{\"preset\": \"open_policing\", \"zone\": \"America/New_York\","
                + " \"columns\": {\"stop_id\": \"#row\", \"date\": \"stop_date\", \"time\": \"stop_time\","
                + " \"subject_race\": \"driver_race\", \"outcome\": \"stop_outcome\"},"
                + " \"codebooks\": {\"outcome\": {\"Arrest Driver\": \"arrest\"}}}");
        String csv = "stop_date,stop_time,driver_race,stop_outcome\n2005-01-04,12:55,White,Arrest Driver\n"
                + "2005-01-05,01:00,Black,Citation\n";
        List<Stop> stops = RecordReader.of(m).readCsv(in(csv), "ri.csv").records();
        assertEquals(List.of("1", "2"), stops.stream().map(Stop::id).toList());
        assertEquals(List.of(StopOutcome.ARREST, StopOutcome.CITATION), stops.stream().map(Stop::outcome).toList());
        assertEquals(ZoneId.of("America/New_York"), stops.get(0).dateTime().orElseThrow().getZone());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Mapping.fromJson(RecordType.STOPS, "{\"zone\": \"Mars/Olympus\"}"));
        assertTrue(bad.getMessage().contains("Mars/Olympus"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Mapping.fromJson(RecordType.STOPS, "{\"@class\": \"java.lang.Runtime\"}"));
    }

    @Test
    void beatsInLongFormatGatherConsecutiveRowsAndABadRowRejectsItsBeat() {
        String csv = "beat,district,race,population\nB1,D1,white,100\nB1,D1,black,50\nB2,D1,white,7\nB2,D1,black,-1\n"
                + "B3,D2,hispanic,3\nB1,D1,asian/pacific islander,2\n";
        ReadResult<Beat> r = RecordReader.of(Mapping.generic(RecordType.BEATS)).mode(ErrorMode.LENIENT).readCsv(in(csv), "beats.csv");
        assertEquals(List.of("B1", "B3"), r.records().stream().map(Beat::id).toList());
        assertEquals(Map.of(Races.WHITE, 100L, Races.BLACK, 50L), r.records().get(0).population());
        assertEquals(6, r.summary().read());
        assertEquals(3, r.summary().accepted());
        assertEquals(3, r.summary().rejected());
        assertEquals(2, r.summary().records());
        assertEquals(List.of(5L, 7L), r.rejections().stream().map(Rejection::line).toList());
    }

    @Test
    void complaintsSplitOfficerIdsAndCheckDates() {
        String csv = "complaint_id,received,closed,beat,officer_ids,allegation,finding,complainant_race,complainant_sex,source\n"
                + "C1,2020-01-02,2020-03-01,B1,O1; O2,use of force,not sustained,Black,F,civilian\n"
                + "C2,2020-01-02,2019-12-01,B1,O1,,,,,\n";
        ReadResult<Complaint> r = RecordReader.of(Mapping.openPolicing(RecordType.COMPLAINTS)).mode(ErrorMode.LENIENT)
                .readCsv(in(csv), "c.csv");
        assertEquals(List.of("O1", "O2"), r.records().get(0).officerIds());
        assertEquals(Finding.NOT_SUSTAINED, r.records().get(0).allegations().get(0).finding());
        assertEquals("closed", r.rejections().get(0).field());
    }

    @Test
    void complaintRowsPerAllegationGroupIntoOneComplaintAndAnOfficerNamedTwiceInARowIsRejected() {
        String csv = "complaint_id,received,closed,beat,officer_ids,allegation,finding,complainant_race,complainant_sex,source\n"
                + "C1,2020-01-02,2020-03-01,B1,O1,use of force,sustained,Black,F,civilian\n"
                + "C1,2020-01-02,2020-03-01,B1,O1;O2,discourtesy,not sustained,Black,F,civilian\n"
                + "C2,2020-01-02,,B1,O3;O3,discourtesy,,,,\n";
        ReadResult<Complaint> r = RecordReader.of(Mapping.openPolicing(RecordType.COMPLAINTS)).mode(ErrorMode.LENIENT)
                .readCsv(in(csv), "c.csv");
        assertEquals("officer_ids", r.rejections().get(0).field());
        assertTrue(r.rejections().get(0).reason().contains("O3 twice"), r.rejections().get(0).reason());
        List<Complaint> grouped = io.github.peelmetrics.core.Complaints.group(r.records());
        assertEquals(1, grouped.size());
        assertEquals(List.of("O1", "O2"), grouped.get(0).officerIds());
        assertEquals(3, grouped.get(0).allegations().size());
        assertTrue(grouped.get(0).sustained());
        java.io.StringWriter out = new java.io.StringWriter();
        RecordWriter.of(Mapping.generic(RecordType.COMPLAINTS)).writeCsv(grouped.stream(), out);
        List<Complaint> back = io.github.peelmetrics.core.Complaints.group(RecordReader.of(Mapping.generic(RecordType.COMPLAINTS))
                .readCsv(in(out.toString()), "back.csv").records());
        assertEquals(grouped, back);
    }

    @Test
    void hostileInputFailsFastWithARejection() {
        String huge = "stop_id,date,time\n1," + "9".repeat(Limits.MAX_FIELD_CHARS + 10) + ",10:00\n2,2017-01-01,10:00\n";
        ReadResult<Stop> r = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readCsv(in(huge), "huge.csv");
        assertEquals(1, r.records().size(), r.summary().toString());
        assertTrue(r.rejections().get(0).reason().contains("exceeds the maximum"), r.rejections().get(0).reason());

        String deep = "{\"stop_id\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n"
                + "{\"stop_id\": \"2\", \"date\": \"2017-01-01\", \"time\": \"10:00\"}\n";
        ReadResult<Stop> j = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readJsonLines(in(deep), "deep.jsonl");
        assertEquals(1, j.records().size());
        assertEquals(1, j.rejections().get(0).line());
        assertTrue(j.rejections().get(0).reason().contains("nested"), j.rejections().get(0).reason());
    }

    @Test
    void aRowOfTooManyFieldsIsRejectedAndTheReadGoesOn() { // issue 18: it used to end the read, looking finished
        String wide = "stop_id,date,time\n1,2017-01-01,10:00\n" + ",x".repeat(Limits.MAX_COLUMNS + 5) + "\n"
                + "3,2017-01-01,10:00\n";
        ReadResult<Stop> r = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readCsv(in(wide), "wide.csv");
        assertEquals(List.of("1", "3"), r.records().stream().map(Stop::id).toList());
        assertEquals(3, r.summary().read());
        assertEquals(3, r.rejections().get(0).line());
        assertTrue(r.rejections().get(0).reason().endsWith("has more than " + Limits.MAX_COLUMNS + " fields"),
                r.rejections().get(0).reason());
        assertTrue(r.summary().toString().indexOf("STOPPED EARLY") < 0);
    }

    @Test
    void jsonLinesRejectNestedValuesAndDuplicateKeysLineByLine() {
        String jsonl = "{\"stop_id\": \"1\", \"date\": \"2017-01-01\", \"time\": \"10:00\", \"subject_age\": 30}\n"
                + "{\"stop_id\": {\"@class\": \"x\"}, \"date\": \"2017-01-01\", \"time\": \"10:00\"}\n"
                + "{\"stop_id\": \"3\", \"stop_id\": \"4\", \"date\": \"2017-01-01\", \"time\": \"10:00\"}\n"
                + "not json\n";
        ReadResult<Stop> r = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readJsonLines(in(jsonl), "s.jsonl");
        assertEquals(1, r.records().size());
        assertEquals(30, r.records().get(0).subject().age().getAsInt());
        assertEquals(List.of(2L, 3L, 4L), r.rejections().stream().map(Rejection::line).toList());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnOrLine() {
        RecordReader<Stop> reader = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO));
        assertEquals("1", reader.readCsv(in("\uFEFFstop_id,date,time\n1,2017-01-01,10:00\n"), "s").records().get(0).id());
        assertEquals("1", reader.readJsonLines(in("\uFEFF{\"stop_id\": \"1\", \"date\": \"2017-01-01\", \"time\": \"10:00\"}\n"),
                "s").records().get(0).id());
    }

    @Test
    void undecodableBytesRejectTheirRowOnly() {
        byte[] head = "stop_id,date,time\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'1', (byte) 0xC3, (byte) 0x28, ',', '2', '0', '1', '7', '-', '0', '1', '-', '0', '1', ',', '1', '0',
            ':', '0', '0', '\n'};
        byte[] good = "2,2017-01-01,10:00\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + good.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(good, 0, all, head.length + bad.length, good.length);
        ReadResult<Stop> r = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readCsv(new ByteArrayInputStream(all), "s");
        assertEquals(List.of("2"), r.records().stream().map(Stop::id).toList());
        assertEquals("stop_id", r.rejections().get(0).field());
    }

    @Test
    void codebookChecksItsArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codebook.empty().with(" ", Races.BLACK));
        assertEquals("raw value of codebook entry must not be blank: \" \"", e.getMessage());
        assertEquals(Races.BLACK, Codebook.races().lookup(" african american ").orElseThrow());
        assertEquals(Races.BLACK, Codebook.empty().with("1", "black").lookup("1").orElseThrow());
    }

    @Test
    void otherCharsetsAndReadersReadTheSameRecords() {
        String csv = "stop_id,date,time,beat,reason_for_stop\nS\u00e9-1,2017-01-01,10:00,Caf\u00e9,\"na\u00efve, \"\"quoted\"\"\"\n"
                + "S-2,2017-01-02,11:00:30,B2,\uD83D\uDE93 patrol\n";
        RecordReader<Stop> reader = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO));
        List<Stop> utf8 = reader.readCsv(in(csv), "s").records();
        assertEquals(List.of("S\u00e9-1", "S-2"), utf8.stream().map(Stop::id).toList());
        assertEquals("Caf\u00e9", utf8.get(0).beat());
        assertEquals("na\u00efve, \"quoted\"", utf8.get(0).reason().orElseThrow());
        assertEquals("\uD83D\uDE93 patrol", utf8.get(1).reason().orElseThrow());

        String latin1Text = csv.replace("\uD83D\uDE93 ", ""); // Latin-1 has no emoji
        List<Stop> latin1 = reader.charset(StandardCharsets.ISO_8859_1)
                .readCsv(new ByteArrayInputStream(latin1Text.getBytes(StandardCharsets.ISO_8859_1)), "s").records();
        assertEquals(reader.readCsv(in(latin1Text), "s").records(), latin1);

        List<Stop> utf16 = reader.charset(StandardCharsets.UTF_16)
                .readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_16)), "s").records();
        assertEquals(utf8, utf16);

        // a Reader that hands out one character at a time splits every surrogate pair
        java.io.Reader trickle = new java.io.StringReader(csv) {
            @Override
            public int read(char[] cbuf, int off, int len) throws java.io.IOException {
                return super.read(cbuf, off, Math.min(len, 1));
            }
        };
        try (RecordStream<Stop> s = reader.openCsv(trickle, "s")) {
            assertEquals(utf8, s.stream().toList());
        }
    }

    @Test
    void lineNumbersCountEveryKindOfLineBreak() {
        String csv = "stop_id,date,time\r\n1,2017-01-01,10:00\r2,2017-01-01,25:00\n\n3,\"2017-01-01\",\"1\r\n0:00\"\r\n"
                + "4,2017-01-01,99:00";
        ReadResult<Stop> r = RecordReader.of(Mapping.generic(RecordType.STOPS).zone(CHICAGO)).mode(ErrorMode.LENIENT)
                .readCsv(in(csv), "s");
        assertEquals(List.of("1"), r.records().stream().map(Stop::id).toList());
        assertEquals(List.of(3L, 5L, 7L), r.rejections().stream().map(Rejection::line).toList(), r.rejections().toString());
        assertEquals(4, r.summary().read());
    }
}
