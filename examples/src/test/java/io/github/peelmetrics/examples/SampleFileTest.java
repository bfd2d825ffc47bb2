package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileTest {

    @Test
    void copiesAreTheBundledBytesForEveryFile(@TempDir Path dir) throws IOException {
        List<Path> copies = SampleFile.copyAllTo(dir.resolve("copies"));
        assertEquals(SampleFile.values().length, copies.size());
        for (int i = 0; i < copies.size(); i++) {
            SampleFile f = SampleFile.values()[i];
            assertEquals(f.fileName(), copies.get(i).getFileName().toString());
            byte[] bundled;
            try (InputStream in = SampleFileTest.class.getResourceAsStream("/io/github/peelmetrics/examples/sample/" + f.fileName())) {
                bundled = in.readAllBytes();
            }
            assertArrayEquals(bundled, Files.readAllBytes(copies.get(i)), f.fileName());
        }
    }

    @Test
    void readerGivesTheHeaderFirst() throws IOException {
        try (BufferedReader in = SampleFile.CENSUS_MARGINS.reader()) {
            assertEquals("variable,level,population", in.readLine());
        }
        try (InputStream in = SampleFile.OFFICERS.open()) {
            assertEquals("officer_id,race,sex,hired\n", new String(in.readNBytes(26), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void copyToRejectsNullAndAFile(@TempDir Path dir) throws IOException {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> SampleFile.BEATS.copyTo(null));
        assertEquals("folder of SampleFile.copyTo must not be null", npe.getMessage());
        Path file = Files.writeString(dir.resolve("f"), "x");
        IllegalArgumentException iae = assertThrows(IllegalArgumentException.class, () -> SampleFile.copyAllTo(file));
        assertEquals("folder of SampleFile.copyAllTo exists and is not a directory: " + file, iae.getMessage());
    }
}
