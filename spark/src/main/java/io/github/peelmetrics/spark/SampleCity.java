package io.github.peelmetrics.spark;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.Codebook;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.survey.Margin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bundled sample city's settings, as the examples module reads it (SampleCityData, TrustReport). */
final class SampleCity {
    private SampleCity() {}

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final GeoPoint CITY = GeoPoint.of(37.80, -122.27);
    static final List<String> ITEMS = List.of("approve", "q1", "q2", "q3", "q4", "q5");
    static final List<String> RAKE_VARIABLES = List.of("race", "age_group", "sex");

    static Mapping<Stop> stops() {
        return Mapping.openPolicing(RecordType.STOPS).zone(ZONE);
    }

    /** The survey codebook says "Asian" where the Open Policing Project says "asian/pacific islander". */
    static Mapping<SurveyResponse> survey() {
        return Mapping.generic(RecordType.SURVEY_RESPONSES).items(ITEMS.toArray(String[]::new))
                .codebook("race", Codebook.races().with("Asian", Races.ASIAN_PACIFIC_ISLANDER));
    }

    /** The beats (residents by group): a small file, read on the driver. */
    static List<Beat> beats(Path file) {
        return RecordReader.of(Mapping.generic(RecordType.BEATS)).readCsv(file).records();
    }

    /** The census margins, each level coded by the survey's codebook. */
    static List<Margin> margins(Path file) {
        Mapping<SurveyResponse> survey = survey();
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!"variable,level,population".equals(header)) {
                throw new IllegalStateException(file + ": unexpected header " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                String code = survey.codebook(f[0]).flatMap(b -> b.lookup(f[1])).map(Category::code)
                        .orElse(f[1].strip().toLowerCase(Locale.ROOT));
                totals.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(code, Double.parseDouble(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Margin> out = new ArrayList<>();
        for (String v : RAKE_VARIABLES) {
            out.add(Margin.of(v, totals.get(v)));
        }
        return out;
    }
}
