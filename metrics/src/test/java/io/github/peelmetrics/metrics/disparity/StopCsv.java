package io.github.peelmetrics.metrics.disparity;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test-only reader of the conformance CSVs (no quoting in these files; an empty field means
 * missing, and {@code none} is a real outcome). The metrics module must not depend on io.
 */
final class StopCsv {
    private StopCsv() {}

    static List<String[]> rows(Path file, String header) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.get(0).strip().equals(header)) {
                throw new IllegalStateException(file + ": unexpected header " + lines.get(0));
            }
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Stop> stops(Path file) {
        List<Stop> out = new ArrayList<>();
        for (String[] f : rows(file, "stop_id,date,time,beat,subject_race,search_conducted,contraband_found,outcome")) {
            ZonedDateTime when = ZonedDateTime.of(LocalDate.parse(f[1]), LocalTime.parse(f[2]), ZoneOffset.UTC);
            Category race = Races.parse(f[4]).orElseThrow(() -> new IllegalStateException("race " + f[4]));
            Flag searched = flag(f[5]);
            Flag contraband = flag(f[6]);
            Stop.Builder b = Stop.builder(f[0], when).beat(f[3]).race(race)
                    .search(searched, searched == Flag.YES ? SearchBasis.UNKNOWN : SearchBasis.NONE, contraband);
            b.outcome(f[7].isEmpty() ? StopOutcome.UNKNOWN : StopOutcome.valueOf(f[7].toUpperCase(Locale.ROOT)));
            out.add(b.build());
        }
        return out;
    }

    static List<Beat> beats(Path file) {
        Map<String, Map<Category, Long>> pop = new LinkedHashMap<>();
        for (String[] f : rows(file, "beat,race,population")) {
            Category race = Races.parse(f[1]).orElseThrow(() -> new IllegalStateException("race " + f[1]));
            pop.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(race, Long.parseLong(f[2]));
        }
        List<Beat> out = new ArrayList<>();
        pop.forEach((id, m) -> out.add(Beat.of(id, "D1", m)));
        return out;
    }

    private static Flag flag(String s) {
        switch (s) {
            case "TRUE": return Flag.YES;
            case "FALSE": return Flag.NO;
            case "": return Flag.UNKNOWN;
            default: throw new IllegalStateException("not a boolean: " + s);
        }
    }
}
