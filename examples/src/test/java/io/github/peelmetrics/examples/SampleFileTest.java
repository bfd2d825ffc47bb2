package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.peelmetrics.examples.data.SampleCity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileTest {

    @Test
    void copiesAreTheGeneratorsBytesForEveryFile(@TempDir Path dir) throws IOException {
        List<Path> copies = SampleFile.copyAllTo(dir.resolve("copies"));
        List<Path> generated = SampleCity.writeTo(dir.resolve("generated"));
        assertEquals(Arrays.stream(SampleFile.values()).map(SampleFile::fileName).collect(Collectors.toList()),
                generated.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()),
                "one constant per generated file, in the generator's order");
        for (int i = 0; i < copies.size(); i++) {
            assertArrayEquals(Files.readAllBytes(generated.get(i)), Files.readAllBytes(copies.get(i)), copies.get(i).toString());
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
