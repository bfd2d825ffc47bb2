package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.metrics.trend.RateComparison;
import io.github.peelmetrics.io.ResultJson;
import io.github.peelmetrics.metrics.trend.CochranArmitage;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.WeightedSample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main example's figures, checked against the same figures computed another way from the
 * same records (by hand from raked weights, from raw counts), never against hard-coded numbers.
 */
class QuickstartTest {

    private static SampleCityData data;
    private static TrustReport report;

    @BeforeAll
    static void run() {
        data = SampleCityData.load();
        report = TrustReport.of(data);
    }

    @Test
    void everyBundledRowIsReadAndAccounted() {
        data.summaries().forEach(s -> {
            assertEquals(s.read(), s.accepted() + s.rejected(), s.toString());
            assertEquals(0, s.rejected(), "the bundled data must read cleanly: " + s);
        });
        assertEquals(List.of("2013", "2015", "2016"), List.copyOf(data.waves().keySet()));
    }

    @Test
    void approvalEqualsTheWeightedShareByHandAndRakingReproducesTheCensus() {
        for (TrustReport.Wave w : report.waves()) {
            List<SurveyResponse> responses = data.waves().get(w.wave());
            WeightedSample raked = TrustReport.rake(data, responses);
            double[] weights = raked.weights();
            for (Margin m : data.margins()) {
                Map<String, Double> totals = raked.weightedTotals(m.variable());
                m.totals().forEach((level, pop) ->
                        assertEquals(pop, totals.get(level), 1e-9 * pop, w.wave() + " " + m.variable() + " " + level));
            }
            double num = 0;
            double den = 0;
            double blackNum = 0;
            double blackDen = 0;
            for (int i = 0; i < responses.size(); i++) {
                SurveyResponse r = responses.get(i);
                if (r.answer("approve").isPresent()) {
                    num += weights[i] * r.answer("approve").get();
                    den += weights[i];
                    if (r.demographics().race().equals(Races.BLACK)) {
                        blackNum += weights[i] * r.answer("approve").get();
                        blackDen += weights[i];
                    }
                }
            }
            assertEquals(num / den, w.approval().estimate(), 1e-12, "wave " + w.wave());
            TrustReport.Figure black = w.approvalByRace().stream().filter(f -> f.group().equals("black")).findFirst().orElseThrow();
            assertEquals(blackNum / blackDen, black.estimate(), 1e-12, "wave " + w.wave() + " black");
            assertTrue(black.lower() < black.estimate() && black.estimate() < black.upper(), black.toString());
        }
    }

    @Test
    void trendTestsUseTheRawCountsAndTheWeightedChange() {
        TrustReport.Trend t = report.trend();
        long[] yes = new long[3];
        long[] n = new long[3];
        int k = 0;
        for (List<SurveyResponse> wave : data.waves().values()) {
            for (SurveyResponse r : wave) {
                if (r.answer("approve").isPresent()) {
                    n[k]++;
                    yes[k] += r.answer("approve").get();
                }
            }
            k++;
        }
        assertEquals(List.of(yes[0], yes[1], yes[2]), t.approving());
        CochranArmitage ca = CochranArmitage.test(yes, n, 2013, 2015, 2016);
        assertEquals(ca.z(), t.cochranArmitageZ(), 1e-12);
        double first = report.waves().get(0).approval().estimate();
        double last = report.waves().get(2).approval().estimate();
        assertEquals(last - first, t.change(), 1e-12);
        double se = Math.hypot(report.waves().get(0).approval().standardError(), report.waves().get(2).approval().standardError());
        assertEquals(se, t.changeSe(), 1e-12);
    }

    @Test
    void disparityRowsEqualCountsAndKatzRatiosComputedFromTheRecords() {
        Map<String, Map<Category, Long>> stops = data.stops().stream().collect(Collectors.groupingBy(Stop::beat,
                Collectors.groupingBy(s -> s.subject().race(), Collectors.counting())));
        Map<String, Beat> beats = data.beats().stream().collect(Collectors.toMap(Beat::id, b -> b));
        long checked = 0;
        for (TrustReport.DisparityFigure d : report.disparity()) {
            Category group = Races.parse(d.group()).orElseThrow();
            long count = d.beat().equals("all")
                    ? stops.values().stream().mapToLong(m -> m.getOrDefault(group, 0L)).sum()
                    : stops.get(d.beat()).getOrDefault(group, 0L);
            assertEquals(count, d.stops(), d.toString());
            if (group.isUnknown() || group.equals(Races.WHITE)) {
                assertTrue(Double.isNaN(d.stopRateRatio()), "no ratio for the reference or unknown: " + d);
                continue;
            }
            List<Beat> in = d.beat().equals("all") ? data.beats() : List.of(beats.get(d.beat()));
            long pop = in.stream().mapToLong(b -> b.population().getOrDefault(group, 0L)).sum();
            long popWhite = in.stream().mapToLong(b -> b.population().getOrDefault(Races.WHITE, 0L)).sum();
            long white = d.beat().equals("all")
                    ? stops.values().stream().mapToLong(m -> m.getOrDefault(Races.WHITE, 0L)).sum()
                    : stops.get(d.beat()).getOrDefault(Races.WHITE, 0L);
            assertEquals(pop, d.residents(), d.toString());
            assertEquals(1000.0 * count / pop, d.stopsPer1000(), 1e-9, d.toString());
            // stops are events: a Poisson rate ratio with a Wald interval (issue #13)
            RatioEstimate poisson = RateComparison.test(count, pop, white, popWhite).rateRatio();
            assertEquals(poisson.estimate(), d.stopRateRatio(), 1e-12, d.toString());
            assertEquals(poisson.interval().lower(), d.stopRateRatioLower(), 1e-12, d.toString());
            assertEquals(poisson.interval().upper(), d.stopRateRatioUpper(), 1e-12, d.toString());
            checked++;
        }
        assertEquals(4 * 9, checked, "four compared groups, city-wide and in eight beats");
    }

    @Test
    void veilOfDarknessFiguresAreTheTestsOwn() {
        VeilOfDarknessResult v = TrustReport.veilOfDarkness(data.stops());
        TrustReport.Darkness d = report.veilOfDarkness();
        assertEquals(v.coefficient(), d.coefficient(), 0);
        assertEquals(Math.exp(v.coefficient()), d.oddsRatio(), 1e-12);
        assertEquals(data.stops().size(), d.used() + d.excluded(), "every stop is used or excluded with a reason");
        assertEquals(d.used(), d.dark() + d.light());
    }

    @Test
    void beatStabilityEqualsTheShareCountedFromAssignments() {
        Map<String, Map<String, Long>> byOfficer = data.assignments().stream().collect(Collectors.groupingBy(
                a -> a.officerId(), Collectors.groupingBy(a -> a.beat(), Collectors.counting())));
        long onPrimary = byOfficer.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).max().orElse(0)).sum();
        assertEquals((double) onPrimary / data.assignments().size(), report.beats().pooledPrimaryBeatShare(), 1e-12);
        long noAction = data.stops().stream().filter(x -> x.outcome() == io.github.peelmetrics.core.StopOutcome.NONE
                || x.outcome() == io.github.peelmetrics.core.StopOutcome.WARNING).count();
        long known = data.stops().stream().filter(x -> x.outcome() != io.github.peelmetrics.core.StopOutcome.UNKNOWN).count();
        assertEquals((double) noAction / known, report.beats().nonEnforcementShare(), 1e-12);
    }

    @Test
    void earlyInterventionListIsPseudonymizedAndCountsMatchTheRecords() throws Exception {
        TrustReport.Complaints c = report.complaints();
        assertEquals(data.complaints().size(), c.complaints());
        // findings are per allegation: one per accused officer of each complaint
        assertEquals(data.complaints().stream().mapToLong(x -> x.allegations().size()).sum(),
                c.byFinding().values().stream().mapToLong(Long::longValue).sum());
        Map<String, Long> perOfficer = data.complaints().stream().flatMap(x -> x.officerIds().stream())
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        TrustReport.EarlyInterventionSummary ei = c.earlyIntervention();
        assertEquals(data.officers().size(), ei.funnel().size(), "every officer on the funnel");
        for (TrustReport.Flag f : ei.flagged()) {
            assertFalse(perOfficer.containsKey(f.officer()), "a real officer id was published: " + f.officer());
            assertTrue(f.adjusted() <= 0.05 && f.complaints() > f.expected(), f.toString());
        }
        // no raw officer id anywhere in the report's JSON or HTML (ids look like O001)
        String json = ResultJson.toPrettyJson(report);
        String html = Quickstart.html(report);
        for (String id : perOfficer.keySet()) {
            assertFalse(json.contains('"' + id + '"'), "raw id " + id + " in the JSON report");
            assertFalse(html.contains(id), "raw id " + id + " in the HTML report");
        }
        assertTrue(html.contains("<svg") && html.contains("flagged (" + ei.flagged().size() + ")"), "the funnel plot");
    }

    /**
     * The list on the bundled city, pinned. The generator draws each officer's complaint propensity from
     * Gamma(2, 1/2) (officers' own rates spread with a coefficient of variation of 71%) and multiplies it by 5
     * for 4 officers chosen at random. Complaint counts are over-dispersed (Pearson chi-square/df 14.8), so
     * the list uses the additive random-effects model. It flags 2 officers, neither planted: they are the two
     * officers whose drawn rates are the highest in the city (5.3 and 4.5 times the mean officer's), higher
     * than any planted officer's (the planted drew low propensities, 0.42 to 0.82, so 5 times them is 2.0 to
     * 3.9 times the mean, inside the spread of their peers). Three planted officers are above the additive
     * model's 95% limit; none is above 99.8%. Against one pooled Poisson rate the same counts flag 31
     * officers at a "5% false discovery rate".
     */
    @Test
    void theSampleCitysListFlagsTheOfficersWithTheHighestTrueRates() {
        var list = TrustReport.interventionList(data);
        var ei = io.github.peelmetrics.metrics.officers.EarlyIntervention.atFalseDiscoveryRate(0.05)
                .pseudonymized(TrustReport.DEMO_KEY);
        List<String> planted = io.github.peelmetrics.examples.data.SampleCity.plantedComplaintOutliers();
        assertEquals(4, planted.size());
        java.util.Set<String> plantedPseudonyms = planted.stream().map(ei::pseudonymOf).collect(Collectors.toSet());
        assertEquals(io.github.peelmetrics.metrics.officers.FunnelModel.ADDITIVE_RANDOM_EFFECTS, list.model());
        assertEquals(14.76, list.pearsonDispersion(), 0.005);
        long found = list.flagged().stream().filter(f -> plantedPseudonyms.contains(f.officer())).count();
        assertEquals(0, found, list.toString());
        assertEquals(2, list.flagged().size() - found, list.toString());
        // the flagged are the two officers with the highest true rates
        Map<String, Double> truth = io.github.peelmetrics.examples.data.SampleCity.complaintPropensities();
        List<String> highest = truth.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(2).map(e -> ei.pseudonymOf(e.getKey())).sorted().toList();
        assertEquals(highest, list.flagged().stream().map(f -> f.officer()).sorted().toList());
        double plantedMax = planted.stream().mapToDouble(truth::get).max().orElseThrow();
        assertTrue(truth.values().stream().filter(v -> v > plantedMax).count() == 2, "two natural officers above");
        // planted officers above the additive limits
        var above95 = list.funnel().outside(list.model(), 0.95).high();
        var above998 = list.funnel().outside(list.model(), 0.998).high();
        assertEquals(3, above95.stream().filter(plantedPseudonyms::contains).count(), above95.toString());
        assertEquals(0, above998.stream().filter(plantedPseudonyms::contains).count(), above998.toString());
        List<io.github.peelmetrics.metrics.officers.ExposureRecord> records = new java.util.ArrayList<>();
        TrustReport.shiftsPerOfficer(data.assignments()).forEach((id, shifts) -> records.add(
                io.github.peelmetrics.metrics.officers.ExposureRecord.of(id, "all", shifts,
                        data.complaints().stream().filter(x -> x.officerIds().contains(id)).count())));
        long poissonFlags = io.github.peelmetrics.metrics.officers.PeerComparison.of(records).officers().stream()
                .filter(o -> o.pUpperBh() <= 0.05).count();
        assertEquals(31, poissonFlags, "flags against one pooled Poisson rate at a 5% FDR");
    }

    @Test
    void writesTheJsonAndHtmlReports(@TempDir Path dir) throws Exception {
        Path json = Quickstart.write(dir.resolve("r/report.json"), ResultJson.toPrettyJson(report));
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertEquals(report.waves().get(2).approval().estimate(), tree.at("/waves/2/approval/estimate").asDouble(), 0);
        assertEquals(report.disparity().size(), tree.get("disparity").size());
        String html = Quickstart.html(report);
        assertEquals(2 * 7, html.split("<svg xmlns", -1).length - 1, "seven charts (approval, trust, stop rate ratios, hit "
                + "rates, veil of darkness, the funnel, the event study), each drawn for a wide and a narrow screen");
        assertFalse(html.contains("<script") || html.contains("src=") || html.matches("(?s).*href='(?!#).*"),
                "self-contained, no network (links only within the page)");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Quickstart.print(report, new PrintStream(text, true, StandardCharsets.UTF_8));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Survey wave 2016") && printed.contains("Veil of darkness"), printed);
        assertTrue(Files.size(json) > 1000);
    }
}
