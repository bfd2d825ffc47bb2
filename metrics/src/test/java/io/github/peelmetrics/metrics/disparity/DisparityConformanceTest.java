package io.github.peelmetrics.metrics.disparity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.metrics.stops.StopCounts;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.testing.Conformance;
import io.github.peelmetrics.testing.ConformanceCase;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of metrics/disparity.json: counts (pandas), Katz ratios (epitools riskratio.wald),
 * chisq.test with and without Yates, Holm and BH (statsmodels multipletests), city-wide and by beat.
 */
class DisparityConformanceTest {

    static Stream<ConformanceCase> cases() {
        return Conformance.cases("metrics/disparity.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void disparityTableMatchesTheReferences(ConformanceCase c) {
        JsonNode in = c.input();
        Path stopsCsv = c.inputFile("stops_csv");
        Path populationCsv = c.inputFile("population_csv");
        List<Stop> stops = StopCsv.stops(stopsCsv);
        Category white = Races.parse(in.get("reference_race").asText()).orElseThrow();
        assertEquals(Races.WHITE, white);

        StopTally tally = stops.stream().collect(StopTally.collector(Stop::beat));
        DisparityTable t = Disparity.against(Benchmark.residents(StopCsv.beats(populationCsv)), white).level(in.get("level").asDouble()).ratePer(in.get("rate_per").asInt())
                .alpha(in.get("multiple_testing_alpha").asDouble()).of(tally);

        // overall
        assertCountsAndRates(c, "overall", t.total());
        c.assertCount("overall.stops_known_race", t.stopsKnownGroup());
        c.assertCount("overall.stops_unknown_race", t.stopsUnknownGroup());
        c.assertCount("overall.population", t.population().orElseThrow());
        c.assertOptional("overall.stop_rate_per_1000", t.stopRate());

        // by race, unknown included
        for (Iterator<String> it = c.expectedAt("by_race").fieldNames(); it.hasNext(); ) {
            String race = it.next();
            String p = "by_race." + race;
            DisparityRow r = t.row(Races.parse(race).orElseThrow());
            assertCountsAndRates(c, p, r.counts());
            assertShares(c, p, r);
            assertRatio(c, p + ".search_rate_ratio_vs_white", r.searchRateRatio());
        }

        // by beat
        for (Iterator<String> it = c.expectedAt("by_beat").fieldNames(); it.hasNext(); ) {
            String beat = it.next();
            String p = "by_beat." + beat;
            DisparityTable b = t.forKey(beat);
            c.assertCount(p + ".stops", b.total().stops());
            c.assertCount(p + ".stops_known_race", b.stopsKnownGroup());
            c.assertCount(p + ".stops_unknown_race", b.stopsUnknownGroup());
            c.assertCount(p + ".population", b.population().orElseThrow());
            c.assertOptional(p + ".stop_rate_per_1000", b.stopRate());
            for (Iterator<String> rs = c.expectedAt(p + ".by_race").fieldNames(); rs.hasNext(); ) {
                String race = rs.next();
                DisparityRow r = b.row(Races.parse(race).orElseThrow());
                String q = p + ".by_race." + race;
                c.assertCount(q + ".stops", r.counts().stops());
                assertShares(c, q, r);
            }
        }

        // search rate tests, in the order of `races`
        String s = "search_rate_tests";
        c.assertText(s + ".reference", t.reference().code());
        c.assertNumber(s + ".alpha", t.alpha());
        JsonNode races = c.expectedAt(s + ".races");
        for (int i = 0; i < races.size(); i++) {
            c.assertText(s + ".races." + i, races.get(i).asText());
        }
        List<DisparityRow> tested = streamOf(races).map(r -> t.row(Races.parse(r).orElseThrow())).toList();
        assertTests(c, s + ".pearson", tested, r -> r.searchTest().orElseThrow());
        assertTests(c, s + ".yates", tested, r -> r.searchTestYates().orElseThrow());
        // the family is exactly the compared races
        assertEquals(races.size(), t.rows().stream().filter(r -> r.searchTest().isPresent()).count());
        c.assertAllChecked();
    }

    private static Stream<String> streamOf(JsonNode array) {
        Stream.Builder<String> b = Stream.builder();
        array.forEach(n -> b.add(n.asText()));
        return b.build();
    }

    private static void assertTests(ConformanceCase c, String p, List<DisparityRow> rows,
                                    Function<DisparityRow, ChiSquareComparison> test) {
        List<ChiSquareComparison> ts = rows.stream().map(test).toList();
        c.assertNumbers(p + ".statistic", ts.stream().mapToDouble(x -> x.testResult().statistic()).toArray());
        c.assertNumbers(p + ".p_value", ts.stream().mapToDouble(x -> x.testResult().pValue()).toArray());
        c.assertNumbers(p + ".holm", ts.stream().mapToDouble(ChiSquareComparison::holm).toArray());
        c.assertNumbers(p + ".fdr_bh", ts.stream().mapToDouble(ChiSquareComparison::benjaminiHochberg).toArray());
        for (int i = 0; i < ts.size(); i++) {
            c.assertBoolean(p + ".reject_holm." + i, ts.get(i).rejectedHolm());
            c.assertBoolean(p + ".reject_fdr_bh." + i, ts.get(i).rejectedBenjaminiHochberg());
        }
    }

    private static void assertCountsAndRates(ConformanceCase c, String p, StopCounts n) {
        c.assertCount(p + ".stops", n.stops());
        c.assertCount(p + ".searches", n.searched());
        c.assertCount(p + ".search_known", n.searchKnown());
        c.assertCount(p + ".search_missing", n.searchMissing());
        c.assertOptional(p + ".search_rate", n.searchRate());
        c.assertCount(p + ".hits", n.hits());
        c.assertCount(p + ".hit_known", n.hitKnown());
        c.assertCount(p + ".hit_missing", n.hitMissing());
        c.assertOptional(p + ".hit_rate", n.hitRate());
        c.assertCount(p + ".arrests", n.arrests());
        c.assertCount(p + ".outcome_known", n.outcomeKnown());
        c.assertCount(p + ".outcome_missing", n.outcomeMissing());
        c.assertOptional(p + ".arrest_rate", n.arrestRate());
        for (Iterator<String> it = c.expectedAt(p + ".outcome_counts").fieldNames(); it.hasNext(); ) {
            String o = it.next();
            c.assertCount(p + ".outcome_counts." + o, n.outcome(StopOutcome.valueOf(o.toUpperCase(Locale.ROOT))));
        }
    }

    private static void assertShares(ConformanceCase c, String p, DisparityRow r) {
        OptionalLong pop = r.population();
        if (c.expectedAt(p + ".population").isNull()) {
            c.assertUndefined(p + ".population", pop.isPresent() ? Optional.of(pop.getAsLong()) : Optional.empty());
        } else {
            c.assertCount(p + ".population", pop.orElseThrow());
        }
        c.assertOptional(p + ".stop_rate_per_1000", r.stopRate());
        c.assertOptional(p + ".stop_share", r.stopShare());
        c.assertOptional(p + ".population_share", r.populationShare());
        c.assertOptional(p + ".disparity_index", r.disparityIndex());
        assertRatio(c, p + ".stop_rate_ratio_vs_white", r.stopRiskRatio());
    }

    private static void assertRatio(ConformanceCase c, String p, Optional<RatioEstimate> r) {
        if (c.expectedAt(p).isNull()) {
            c.assertUndefined(p, r);
            return;
        }
        assertTrue(r.isPresent(), p + ": expected a ratio, got none");
        c.assertNumber(p + ".estimate", r.get().estimate());
        c.assertNumber(p + ".lower", r.get().interval().lower());
        c.assertNumber(p + ".upper", r.get().interval().upper());
    }

}
