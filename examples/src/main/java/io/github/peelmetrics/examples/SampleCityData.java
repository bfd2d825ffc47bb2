package io.github.peelmetrics.examples;

import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.io.Codebook;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.survey.Margin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled sample city, read through Peel's public {@code io} readers exactly as a user reads
 * their own exports (strict mode: a bad row in the bundled data is a bug and stops the example).
 */
record SampleCityData(
        Map<String, List<SurveyResponse>> waves,
        List<Margin> margins,
        List<Stop> stops,
        List<Beat> beats,
        List<Complaint> complaints,
        List<Officer> officers,
        List<BeatAssignment> assignments,
        List<ReadSummary> summaries) {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final List<String> ITEMS = List.of("approve", "q1", "q2", "q3", "q4", "q5");
    static final List<String> RAKE_VARIABLES = List.of("race", "age_group", "sex");

    static SampleCityData load() {
        List<ReadSummary> summaries = new ArrayList<>();
        // The survey codebook says "Asian" where the Open Policing Project says "asian/pacific islander".
        Mapping<SurveyResponse> survey = Mapping.generic(RecordType.SURVEY_RESPONSES).items(ITEMS.toArray(String[]::new))
                .codebook("race", Codebook.races().with("Asian", Races.ASIAN_PACIFIC_ISLANDER));
        Map<String, List<SurveyResponse>> waves = new LinkedHashMap<>();
        for (SampleFile f : List.of(SampleFile.SURVEY_2013, SampleFile.SURVEY_2015, SampleFile.SURVEY_2016)) {
            ReadResult<SurveyResponse> r = RecordReader.of(survey).readCsv(f.open(), f.fileName());
            summaries.add(r.summary());
            // each file is one wave: byWave names a respondent without a wave, and a second wave is an error
            Map<String, List<SurveyResponse>> byWave = SurveyResponse.byWave(r.records());
            if (byWave.size() != 1 || waves.containsKey(byWave.keySet().iterator().next())) {
                throw new IllegalStateException(f.fileName() + " should hold one new wave, not " + byWave.keySet());
            }
            waves.putAll(byWave);
        }
        ReadResult<Stop> stops = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZONE))
                .readCsv(SampleFile.STOPS.open(), SampleFile.STOPS.fileName());
        ReadResult<Beat> beats = RecordReader.of(Mapping.generic(RecordType.BEATS)).readCsv(SampleFile.BEATS.open(), SampleFile.BEATS.fileName());
        ReadResult<Complaint> complaints = RecordReader.of(Mapping.generic(RecordType.COMPLAINTS))
                .readCsv(SampleFile.COMPLAINTS.open(), SampleFile.COMPLAINTS.fileName());
        ReadResult<Officer> officers = RecordReader.of(Mapping.generic(RecordType.OFFICERS))
                .readCsv(SampleFile.OFFICERS.open(), SampleFile.OFFICERS.fileName());
        ReadResult<BeatAssignment> assignments = RecordReader.of(Mapping.generic(RecordType.ASSIGNMENTS))
                .readCsv(SampleFile.ASSIGNMENTS.open(), SampleFile.ASSIGNMENTS.fileName());
        for (ReadResult<?> r : List.of(stops, beats, complaints, officers, assignments)) {
            summaries.add(r.summary());
        }
        return new SampleCityData(waves, margins(survey), stops.records(), beats.records(), complaints.records(),
                officers.records(), assignments.records(), summaries);
    }

    /**
     * The census margins (variable, level, population), with each level mapped to a code by the
     * same codebook that read the survey, so margins and respondents name levels alike.
     */
    private static List<Margin> margins(Mapping<SurveyResponse> survey) {
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        try (BufferedReader in = SampleFile.CENSUS_MARGINS.reader()) {
            String header = in.readLine();
            if (!"variable,level,population".equals(header)) {
                throw new IllegalStateException("census_margins.csv: unexpected header " + header);
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
