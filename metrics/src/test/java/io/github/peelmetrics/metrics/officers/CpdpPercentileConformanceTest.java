package io.github.peelmetrics.metrics.officers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of metrics/officer_comparison.json with a {@code cpdp_percentile} block: each officer's
 * window, service days and years, metric, officers below and percentile, exactly (tolerance 0),
 * as CPDBv2_backend computes them (provenance: the case's oracle, invinst/CPDBv2_backend@21d5f6d
 * officer_percentile.py, utils/percentile.py and utils/round.py, and the file's software block).
 * The allegation count of an officer is the sum of the case's count column over its exposure rows.
 * The other blocks of these cases belong to the peer comparison's test.
 */
class CpdpPercentileConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/officer_comparison.json")
                .filter(c -> c.expected().has("cpdp_percentile") && !c.expected().get("cpdp_percentile").isNull());
    }

    static List<String[]> rows(Path csv, String header) {
        try {
            List<String> lines = Files.readAllLines(csv);
            assertEquals(header, lines.get(0), csv + " header");
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<LocalDate> date(String cell) {
        return cell.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(cell));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reproducesCpdp(ConformanceCase c) {
        JsonNode in = c.input();
        List<Officer> roster = new ArrayList<>();
        for (String[] f : rows(c.dir().resolve(in.get("officers_csv").asText()),
                "officer_id,appointed_date,resignation_date")) {
            roster.add(new Officer(f[0], Demographics.UNKNOWN, date(f[1]), date(f[2])));
        }
        List<String> header = Arrays.asList("officer_id,stratum,shifts,complaints,arrests,uses_of_force".split(","));
        int count = header.indexOf(in.get("count_column").asText());
        Map<String, Long> allegations = new TreeMap<>();
        for (String[] f : rows(c.dir().resolve(in.get("exposure_csv").asText()), String.join(",", header))) {
            allegations.merge(f[0], Long.parseLong(f[count]), Long::sum);
        }
        LocalDate from = LocalDate.parse(in.get("cpdp_window").get("min_date").asText());
        LocalDate to = LocalDate.parse(in.get("cpdp_window").get("max_date").asText());
        CpdpPercentile p = CpdpPercentile.ofCounts(allegations, roster, from, to);

        c.assertText("cpdp_percentile.window.min_date", p.from().toString());
        c.assertText("cpdp_percentile.window.max_date", p.to().toString());
        c.assertCount("cpdp_percentile.n_ranked", p.ranked());
        assertEquals(c.expectedAt("cpdp_percentile.officers").size(), p.officers().size(), c + " officers");
        for (int i = 0; i < p.officers().size(); i++) {
            CpdpOfficer o = p.officers().get(i);
            String at = "cpdp_percentile.officers." + i + ".";
            c.assertText(at + "officer_id", o.officerId());
            c.assertCount(at + "allegations", o.allegations());
            if (o.start().isPresent()) {
                c.assertText(at + "start_date", o.start().get().toString());
                c.assertCount(at + "service_days", o.serviceDays().getAsLong());
            } else {
                c.assertUndefined(at + "start_date", o.start());
                c.assertUndefined(at + "service_days", Optional.empty());
            }
            c.assertText(at + "end_date", o.end().toString());
            c.assertBoolean(at + "ranked", o.ranked());
            c.assertOptional(at + "service_years", o.serviceYears());
            c.assertOptional(at + "metric_allegation", o.metric());
            c.assertOptional(at + "officers_below", o.officersBelow().isPresent()
                    ? OptionalDouble.of(o.officersBelow().getAsInt()) : OptionalDouble.empty());
            c.assertOptional(at + "percentile_unrounded", o.percentileUnrounded());
            c.assertOptional(at + "percentile_allegation", o.percentile());
        }
        for (Iterator<String> it = c.expected().fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("cpdp_percentile")) {
                c.informational(key, "the peer comparison and funnel blocks: OfficerComparisonConformanceTest");
            }
        }
        c.assertAllChecked();
    }
}
