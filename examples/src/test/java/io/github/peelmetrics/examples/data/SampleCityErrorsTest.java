package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails at once, and the message names what was wrong and the value. */
class SampleCityErrorsTest {

    @Test
    void writeToRejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> SampleCity.writeTo(null));
        assertEquals("folder of SampleCity.writeTo must not be null", e.getMessage());
    }

    @Test
    void writeToRejectsAFileWhereTheFolderShouldBe(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleCity.writeTo(file));
        assertEquals("folder of SampleCity.writeTo exists and is not a directory: " + file, e.getMessage());
        assertEquals("x", Files.readString(file), "the file is left alone");
    }

    @Test
    void writeToSaysWhichFolderItCouldNotCreate(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path below = file.resolve("sample");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> SampleCity.writeTo(below));
        assertEquals("cannot create the sample city folder " + below, e.getMessage());
    }

    @Test
    void mainRejectsMoreThanOneFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleCity.main(new String[] {"a", "b"}));
        assertEquals("usage: SampleCity [folder]; got 2 arguments", e.getMessage());
    }

    @Test
    void parametersNameTheFieldTheRangeAndTheValue() {
        IllegalArgumentException stops = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(1, 0, 150, 10, 100, 100, 100));
        assertEquals("stops of sample city Parameters must be between 1 and 1000000: 0", stops.getMessage());
        IllegalArgumentException officers = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(1, 10, 23, 10, 100, 100, 100));
        assertEquals("officers of sample city Parameters must be between 24 and 9999: 23", officers.getMessage());
        IllegalArgumentException complaints = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(1, 10, 150, -1, 100, 100, 100));
        assertEquals("complaints of sample city Parameters must be between 0 and 1000000: -1", complaints.getMessage());
        IllegalArgumentException survey = assertThrows(IllegalArgumentException.class,
                () -> new Parameters(1, 10, 150, 10, 100, 7, 100));
        assertEquals("survey2015 of sample city Parameters must be between 8 and 1000000: 7", survey.getMessage());
    }

    @Test
    void thereIsNoSurveyWaveIn2014() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parameters.BUNDLED.surveySize(2014));
        assertEquals("no survey wave 2014; the waves are 2013, 2015 and 2016", e.getMessage());
    }

    @Test
    void csvRefusesAValueThatWouldNeedQuoting() {
        Csv csv = new Csv("x.csv", "a", "b");
        csv.add("fine");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> csv.add("one, two"));
        assertEquals("x.csv row 1 field 2 needs quoting, which the sample files never use: \"one, two\"", e.getMessage());
    }

    @Test
    void csvRefusesARowWithTheWrongNumberOfFields() {
        Csv csv = new Csv("x.csv", "a", "b");
        csv.add("only one");
        IllegalStateException e = assertThrows(IllegalStateException.class, csv::end);
        assertEquals("x.csv row 1 has 1 fields, the header has 2", e.getMessage());
        assertTrue(csv.rows() == 0);
    }
}
