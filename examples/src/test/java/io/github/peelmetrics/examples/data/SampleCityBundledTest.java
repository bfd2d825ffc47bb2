package io.github.peelmetrics.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.examples.SampleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled files are exactly what the generator writes, so the data can never drift from its generator. */
class SampleCityBundledTest {

    @Test
    void regeneratedFilesAreByteIdenticalToTheBundledOnes(@TempDir Path dir) throws IOException {
        List<Path> written = SampleCity.writeTo(dir);
        assertEquals(SampleCity.FILES, written.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        for (Path p : written) {
            String name = p.getFileName().toString();
            assertArrayEquals(Table.bundledBytes(name), Files.readAllBytes(p),
                    name + " differs from its generator: run SampleCity.main from the project root and commit the files");
        }
    }

    @Test
    void theSampleFolderHoldsExactlyTheGeneratedFiles() throws IOException {
        Path folder = Path.of(SampleCity.RESOURCE_FOLDER); // surefire runs in the module folder
        assertTrue(Files.isDirectory(folder), "no folder " + folder.toAbsolutePath());
        Set<String> present;
        try (Stream<Path> s = Files.list(folder)) {
            present = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(SampleCity.FILES), present);
    }

    @Test
    void sampleFileHasOneConstantPerGeneratedFileInTheGeneratorsOrder() {
        assertEquals(SampleCity.FILES, Stream.of(SampleFile.values()).map(SampleFile::fileName).collect(Collectors.toList()));
    }

    @Test
    void stopsFileStaysUnderTwentyMegabytes() {
        int size = Table.bundledBytes("stops.csv").length;
        assertTrue(size < 20_000_000, "stops.csv has " + size + " bytes");
    }
}
