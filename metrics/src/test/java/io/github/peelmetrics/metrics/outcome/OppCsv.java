package io.github.peelmetrics.metrics.outcome;

import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test-only reader of the OPP conformance CSVs (standardized schema, no quoting; an empty field is
 * NA): stops by location {@code "city, state"}. The metrics module must not depend on io.
 *
 * <p>{@code search_basis}: {@code k9}, {@code plain view}, {@code consent}, {@code probable cause}
 * map to the {@link SearchBasis} constants of the same name; OPP's {@code other} (arrest/warrant,
 * probation/parole, inventory) to {@link SearchBasis#OTHER}; empty to {@link SearchBasis#UNKNOWN}.
 * A stop without a search keeps {@code contrabandFound} UNKNOWN as {@link Stop} requires (OPP reads
 * an NA contraband without a search as FALSE: the same).
 */
final class OppCsv {
    private OppCsv() {}

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops by {@code "city, state"}, in file order within each. */
    static Map<String, List<Stop>> stops(Path file) {
        return stops(lines(file));
    }

    static Map<String, List<Stop>> stops(List<String> lines) {
        String[] header = lines.get(0).split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        Map<String, List<Stop>> out = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            java.util.function.Function<String, String> v = name -> f[col.get(name)];
            String geo = v.apply("city") + ", " + v.apply("state");
            Stop.Builder b = v.apply("time").isEmpty()
                    ? Stop.builder(v.apply("raw_row_number"), LocalDate.parse(v.apply("date")), ZoneOffset.UTC)
                    : Stop.builder(v.apply("raw_row_number"),
                            LocalDate.parse(v.apply("date")).atTime(LocalTime.parse(v.apply("time"))).atZone(ZoneOffset.UTC));
            if (!v.apply("district").isEmpty()) {
                b.district(v.apply("district"));
            }
            String race = v.apply("subject_race");
            b.race(race.isEmpty() ? Races.UNKNOWN : Races.parse(race).orElseGet(() -> Category.of(race)));
            b.type(switch (v.apply("type")) {
                case "vehicular" -> StopType.VEHICULAR;
                case "pedestrian" -> StopType.PEDESTRIAN;
                case "" -> StopType.UNKNOWN;
                default -> StopType.OTHER;
            });
            Flag searched = flag(v.apply("search_conducted"));
            SearchBasis basis = basis(v.apply("search_basis"));
            Flag contraband = flag(v.apply("contraband_found"));
            switch (searched) {
                case NO -> b.notSearched();
                case YES -> b.searched(basis == SearchBasis.NONE ? SearchBasis.UNKNOWN : basis, contraband);
                default -> b.search(Flag.UNKNOWN, basis, contraband);
            }
            b.frisk(flag(v.apply("frisk_performed")));
            b.contrabandWeapons(flag(v.apply("contraband_weapons")));
            b.contrabandDrugs(flag(v.apply("contraband_drugs")));
            b.arrest(flag(v.apply("arrest_made")));
            out.computeIfAbsent(geo, k -> new ArrayList<>()).add(b.build());
        }
        return out;
    }

    static SearchBasis basis(String s) {
        return switch (s) {
            case "k9" -> SearchBasis.K9;
            case "plain view" -> SearchBasis.PLAIN_VIEW;
            case "consent" -> SearchBasis.CONSENT;
            case "probable cause" -> SearchBasis.PROBABLE_CAUSE;
            case "other" -> SearchBasis.OTHER;
            case "" -> SearchBasis.UNKNOWN;
            default -> throw new IllegalStateException("search_basis " + s);
        };
    }

    static Flag flag(String s) {
        return switch (s) {
            case "TRUE" -> Flag.YES;
            case "FALSE" -> Flag.NO;
            case "" -> Flag.UNKNOWN;
            default -> throw new IllegalStateException("not a boolean: " + s);
        };
    }
}
