package io.github.peelmetrics.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: data files of a case checked against their sha256, and the stops CSV. */
final class GeoFiles {
    private GeoFiles() {}

    /** A stop of the CSV: id, latitude, longitude (NaN when the field is empty). */
    record CsvStop(String id, double lat, double lng) {}

    /** Reads {@code id,lat,lng} (latitude FIRST), empty fields as NaN, decimals correctly rounded. */
    static List<CsvStop> stops(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            assertEquals("id,lat,lng", lines.get(0).strip());
            List<CsvStop> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                assertEquals(3, f.length, line);
                out.add(new CsvStop(f[0], parse(f[1]), parse(f[2])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double parse(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
    }
}
