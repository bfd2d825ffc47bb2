package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.Tally;
import io.github.peelmetrics.core.stats.IndependenceTest;
import io.github.peelmetrics.core.stats.TwoByTwo;
import io.github.peelmetrics.io.Codebook;
import io.github.peelmetrics.io.CsvTable;
import io.github.peelmetrics.io.ErrorMode;
import io.github.peelmetrics.io.Mapping;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.io.RecordStream;
import io.github.peelmetrics.io.RecordType;
import io.github.peelmetrics.io.RecordWriter;
import io.github.peelmetrics.io.ResultJson;
import io.github.peelmetrics.metrics.beats.AssignmentStability;
import io.github.peelmetrics.metrics.beats.WorkforceRepresentation;
import io.github.peelmetrics.metrics.complaints.ComplaintSummary;
import io.github.peelmetrics.metrics.officers.EarlyIntervention;
import io.github.peelmetrics.metrics.officers.InterventionList;
import io.github.peelmetrics.examples.data.SampleGeography;
import io.github.peelmetrics.examples.data.StagedRollout;
import io.github.peelmetrics.geo.ArealInterpolation;
import io.github.peelmetrics.geo.BeatMap;
import io.github.peelmetrics.geo.CensusBlocks;
import io.github.peelmetrics.geo.TransverseMercator;
import io.github.peelmetrics.survey.smallarea.FayHerriot;
import io.github.peelmetrics.survey.smallarea.FayHerriotFit;
import io.github.peelmetrics.metrics.evaluation.AttOutcome;
import io.github.peelmetrics.metrics.evaluation.CallawaySantAnna;
import io.github.peelmetrics.metrics.evaluation.CountInterruptedTimeSeries;
import io.github.peelmetrics.metrics.evaluation.EventStudy;
import io.github.peelmetrics.metrics.evaluation.Inference;
import io.github.peelmetrics.metrics.evaluation.PanelCount;
import io.github.peelmetrics.metrics.evaluation.PoissonDid;
import io.github.peelmetrics.metrics.evaluation.SyntheticControl;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.officers.ExposureRecord;
import io.github.peelmetrics.metrics.officers.Funnel;
import io.github.peelmetrics.metrics.officers.FunnelModel;
import io.github.peelmetrics.metrics.officers.FunnelPlotRFunnel;
import io.github.peelmetrics.metrics.officers.FunnelPlotRMethod;
import io.github.peelmetrics.metrics.officers.PeerComparison;
import io.github.peelmetrics.metrics.officers.SpiegelhalterFunnel;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.disparity.RelativeRateIndex;
import io.github.peelmetrics.metrics.opp.EligibilityRule;
import io.github.peelmetrics.metrics.opp.OppBaseRules;
import io.github.peelmetrics.metrics.outcome.HitRates;
import io.github.peelmetrics.metrics.outcome.OutcomeTest;
import io.github.peelmetrics.metrics.outcome.OutcomeTestResult;
import io.github.peelmetrics.metrics.publish.Audit;
import io.github.peelmetrics.metrics.publish.CountTable;
import io.github.peelmetrics.metrics.publish.PublishedDisparity;
import io.github.peelmetrics.metrics.publish.SuppressedTable;
import io.github.peelmetrics.metrics.publish.Suppression;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.trend.CochranArmitage;
import io.github.peelmetrics.metrics.trend.DifferenceInDifferences;
import io.github.peelmetrics.metrics.trend.InterruptedTimeSeries;
import io.github.peelmetrics.metrics.trend.MannKendall;
import io.github.peelmetrics.metrics.trend.PanelObservation;
import io.github.peelmetrics.metrics.trend.PoissonRate;
import io.github.peelmetrics.metrics.trend.ProportionChange;
import io.github.peelmetrics.metrics.trend.RateComparison;
import io.github.peelmetrics.metrics.rates.OppStopRates;
import io.github.peelmetrics.metrics.rates.StopRateTable;
import io.github.peelmetrics.metrics.trend.SeasonalMannKendall;
import io.github.peelmetrics.metrics.trend.SensSlope;
import io.github.peelmetrics.metrics.vod.InterTwilightWindow;
import io.github.peelmetrics.metrics.vod.NaturalSpline;
import io.github.peelmetrics.metrics.vod.SolarDay;
import io.github.peelmetrics.metrics.vod.SolarTimes;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import io.github.peelmetrics.metrics.vod.FixedEffects;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessTally;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import io.github.peelmetrics.survey.CronbachAlpha;
import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.DomainTable;
import io.github.peelmetrics.survey.PostStratify;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.ScaleScores;
import io.github.peelmetrics.survey.Scales;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.Trim;
import io.github.peelmetrics.survey.WeightedSample;
import io.github.peelmetrics.survey.design.DesignDomains;
import io.github.peelmetrics.survey.design.ReplicateDesign;
import io.github.peelmetrics.survey.design.SurveyDesign;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The result contract (issue #12, decision 1), over every public type of the published modules:
 * a result is a record, or a {@link Tally} whose JSON is its result, and {@link ResultJson} writes
 * every figure it holds.
 *
 * <p>The public types are found by scanning the compiled classes of each module (the code source
 * of one known class of it), not listed by hand, so a new public type cannot slip past. Each is
 * <ul>
 * <li>exempt: an enum, an interface, an exception, a class with only static methods, or a type of
 *     an {@code internal} package;</li>
 * <li>a result: a record or a {@code Tally}, which must have a sample in {@link Samples};</li>
 * <li>or a public class listed in {@link #NOT_RESULTS} with the reason it is not a result
 *     (builders, readers, configured steps).</li>
 * </ul>
 * For every sample, {@code ResultJson.toJson} is neither empty nor {@code {}}, and walking the
 * value's record components alongside the JSON tree (through nested records, collections, maps and
 * optionals) finds every number equal, bit for bit, to its accessor's value (NaN and infinities as
 * the strings ResultJson writes), and every text, enum, category and time equal too.
 */
class ResultContractTest {

    /** One class of each published module; the module's classes are found beside it. */
    private static final Map<String, Class<?>> MODULES = Map.of("core", Category.class, "survey", Rake.class,
            "metrics", MannKendall.class, "io", ResultJson.class, "geo", BeatMap.class);

    /** Public classes that are not results, and why. */
    static final Map<Class<?>, String> NOT_RESULTS = Map.ofEntries(
            Map.entry(Category.class, "a category value (code and label); ResultJson writes it as its code"),
            Map.entry(Stop.Builder.class, "a builder of Stop"),
            Map.entry(SurveyResponse.Builder.class, "a builder of SurveyResponse"),
            Map.entry(SurveySample.class, "the respondents' columns that weighting and estimates start from"),
            Map.entry(WeightedSample.class, "a weighted data set; its figures are the records Kish, RakeDiagnostics, "
                    + "TrimDiagnostics and SurveyMean"),
            Map.entry(PostStratify.class, "a configured weighting step"),
            Map.entry(SurveyDesign.class, "a complex design of respondents; its figures are the records DesignEstimate, "
                    + "DesignDomains, DesignContrast, DesignChiSquare and DesignTTest"),
            Map.entry(SurveyDesign.Builder.class, "a builder of SurveyDesign"),
            Map.entry(ReplicateDesign.class, "a replicate-weight design; its figures are the same Design* records"),
            Map.entry(Rake.class, "a configured weighting step"),
            Map.entry(Trim.class, "a configured weighting step"),
            Map.entry(Benchmark.class, "an input: the population a disparity is measured against"),
            Map.entry(Disparity.class, "a configured step that makes a DisparityTable"),
            Map.entry(OppStopRates.class, "a configured step that makes a StopRateTable"),
            Map.entry(OppBaseRules.class, "configured rules (OPP's base eligibility) that make an OppBaseRules.Applied"),
            Map.entry(OppBaseRules.Applied.class, "the stops kept, an input to the next step; its figures are the "
                    + "EligibilityStep records"),
            Map.entry(Suppression.class, "a configured step that makes a SuppressedTable"),
            Map.entry(EarlyIntervention.class, "a configured step that makes an InterventionList"),
            Map.entry(VeilOfDarkness.class, "a configured test that makes a VeilOfDarknessResult"),
            Map.entry(OutcomeTest.class, "a configured test that makes an OutcomeTestResult"),
            Map.entry(Codebook.class, "part of a Mapping: raw values to categories"),
            Map.entry(Mapping.class, "a reader's configuration"),
            Map.entry(RecordType.class, "a type token: a record class and its field names"),
            Map.entry(RecordReader.class, "a configured reader"),
            Map.entry(RecordStream.class, "an open read, an iterator over a file"),
            Map.entry(RecordWriter.class, "a configured writer"),
            Map.entry(CsvTable.class, "a writer's table of cells"),
            Map.entry(BeatMap.class, "an input: beats as areas, a configured step that makes Placements"),
            Map.entry(CensusBlocks.class, "an input: census blocks with their attributes"),
            Map.entry(ArealInterpolation.class, "a configured overlay; its figures are the records Piece, TouchingPair "
                    + "and Interpolated"),
            Map.entry(TransverseMercator.class, "a projection (a configured function)"),
            Map.entry(FayHerriot.class, "a configured model that makes a FayHerriotFit"),
            Map.entry(FayHerriot.Builder.class, "a builder of FayHerriot"));

    /** A sample of every result type, built once from the bundled sample city and small data. */
    static final class Samples {
        static final Map<Class<?>, Object> ALL = build();

        private static Map<Class<?>, Object> build() {
            Map<Class<?>, Object> s = new LinkedHashMap<>();
            SampleCityData data = SampleCityData.load();
            List<Stop> stops = data.stops();
            // core
            put(s, stops.stream().filter(x -> x.location().isPresent() && x.officerId().isPresent()).findFirst()
                    .orElseThrow());
            put(s, stops.stream().filter(x -> x.subject().age().isPresent()).findFirst().orElseThrow().subject());
            put(s, TrustReport.CITY);
            put(s, data.beats().get(0));
            put(s, data.assignments().get(0));
            put(s, data.complaints().stream().filter(c -> c.closed().isPresent()).findFirst().orElseThrow());
            put(s, data.complaints().get(0).allegations().get(0));
            put(s, data.officers().stream().filter(o -> o.hired().isPresent()).findFirst().orElse(data.officers().get(0)));
            List<SurveyResponse> wave = data.waves().get("2016");
            put(s, wave.get(0));
            TwoByTwo twoByTwo = TwoByTwo.of(312, 3898, 402, 9468);
            put(s, twoByTwo);
            put(s, twoByTwo.riskRatio());
            put(s, twoByTwo.riskDifference());
            put(s, twoByTwo.test(IndependenceTest.PEARSON_CHI_SQUARE));
            // survey
            SurveySample sample = SurveySample.of(wave, SampleCityData.RAKE_VARIABLES.toArray(String[]::new));
            WeightedSample raked = TrustReport.rake(data, wave);
            put(s, raked.rakeDiagnostics().orElseThrow());
            put(s, raked.kish());
            put(s, raked.mean("approve"));
            put(s, raked.mean("approve").toEstimate());
            put(s, raked.mean("approve").interval(SurveyProportionMethod.LOGIT));
            DomainMeans byRace = raked.meanBy("approve", "race");
            put(s, byRace);
            DomainTable table = byRace.interval(SurveyProportionMethod.LOGIT);
            put(s, table);
            put(s, table.rows().get(0));
            put(s, Scales.TRUST);
            put(s, Scales.TRUST.scores(sample));
            put(s, CronbachAlpha.of(Scales.TRUST, sample));
            put(s, data.margins().get(0));
            put(s, Trim.meanMultiples(0.5, 1.5).fit(raked).trimDiagnostics().orElseThrow());
            SurveyDesign design = SurveyDesign.builder(8).weights(new double[] {10, 12, 9, 11, 20, 18, 22, 19})
                    .strata(new String[] {"A", "A", "A", "A", "B", "B", "B", "B"})
                    .cluster(new String[] {"1", "1", "2", "2", "1", "1", "2", "2"}).nest()
                    .numeric("approve", new double[] {1, 0, 1, 1, 0, 1, 0, 1})
                    .factor("race", List.of("Black", "White"), new String[] {"Black", "White", "White", "Black", "Black",
                        "White", "Black", "White"})
                    .build();
            put(s, design.mean("approve"));
            DesignDomains designByRace = design.meanBy("approve", "race");
            put(s, designByRace);
            put(s, designByRace.contrast("Black", "White"));
            put(s, design.chiSquare("approve", "race"));
            put(s, design.tTest("approve", "race"));
            // metrics: stops, disparity, publishing
            StopTally tally = stops.parallelStream().collect(StopTally.collector(Stop::beat));
            put(s, tally);
            put(s, tally.result());
            put(s, tally.total());
            DisparityTable disparity = Disparity.against(Benchmark.residents(data.beats()), Races.WHITE).of(tally);
            put(s, disparity);
            DisparityRow black = disparity.row(Races.BLACK);
            put(s, black);
            put(s, black.searchTest().orElseThrow());
            put(s, disparity.relativeRateIndex());
            put(s, CountTable.stops(tally));
            SuppressedTable suppressed = Suppression.minimumCount(11).apply(disparity);
            put(s, suppressed);
            put(s, suppressed.grandTotal());
            PublishedDisparity published = Suppression.minimumCount(11).publish(disparity);
            put(s, published);
            put(s, published.rows().get(0));
            Audit audit = Suppression.minimumCount(11).apply(CountTable.of("stops", List.of("black", "white"),
                    List.of("B1", "B2"), new long[][] {{3, 40}, {50, 60}})).audit();
            put(s, audit);
            put(s, audit.hidden().get(0));
            // metrics: beats and complaints
            AssignmentStability stability = AssignmentStability.of(data.assignments());
            put(s, stability);
            put(s, stability.beats().get(0));
            put(s, stability.officers().get(0));
            WorkforceRepresentation workforce = WorkforceRepresentation.of(data.officers(),
                    Benchmark.residents(data.beats()));
            put(s, workforce);
            put(s, workforce.rows().get(0));
            ComplaintSummary complaints = ComplaintSummary.of(data.complaints(), data.officers(),
                    java.time.LocalDate.of(2015, 1, 1), java.time.LocalDate.of(2016, 12, 31), stops.size());
            put(s, complaints);
            put(s, Suppression.minimumCount(11).publish(complaints));
            io.github.peelmetrics.metrics.officers.CpdpPercentile cpdp = io.github.peelmetrics.metrics.officers
                    .CpdpPercentile.of(data.complaints(), data.officers(), java.time.LocalDate.of(2015, 1, 1),
                            java.time.LocalDate.of(2016, 12, 31));
            put(s, cpdp);
            put(s, cpdp.officers().get(0));
            InterventionList interventions = TrustReport.interventionList(data);
            put(s, interventions);
            put(s, interventions.flagged().get(0));
            // metrics: officers compared with peers, funnels (a zero count gives FunnelPlotR's -Infinity z)
            List<ExposureRecord> exposure = List.of(ExposureRecord.of("A", "day", 120, 0),
                    ExposureRecord.of("B", "day", 100, 9), ExposureRecord.of("B", "night", 40, 5),
                    ExposureRecord.of("C", "night", 150, 11), ExposureRecord.of("D", "day", 90, 30),
                    ExposureRecord.of("E", "night", 60, 4));
            put(s, exposure.get(0));
            PeerComparison peers = PeerComparison.of(exposure);
            put(s, peers);
            put(s, peers.strata().get(0));
            put(s, peers.officers().get(0));
            put(s, peers.pearson());
            SpiegelhalterFunnel funnel = Funnel.spiegelhalter(peers);
            put(s, funnel);
            put(s, funnel.officers().get(0));
            put(s, funnel.outside(FunnelModel.UNADJUSTED, 0.95));
            FunnelPlotRFunnel shmi = Funnel.funnelPlotR(peers, FunnelPlotRMethod.SHMI);
            put(s, shmi);
            put(s, shmi.officers().get(0));
            // metrics: trends
            put(s, CochranArmitage.test(new long[] {412, 470, 601}, new long[] {800, 790, 1002}, 2013, 2015, 2016));
            MannKendall mk = MannKendall.test(41, 38, 38, 35, 36, 31, 31, 29);
            put(s, mk);
            put(s, mk.sensSlope().orElseThrow());
            double[] monthly = IntStream.range(0, 36).mapToDouble(i -> 50 - 0.4 * i + 6 * Math.sin(i * Math.PI / 6)
                    + (i * 7919 % 13) / 4.0).toArray();
            put(s, SeasonalMannKendall.test(monthly, 12));
            put(s, PoissonRate.of(88, 1.0));
            put(s, RateComparison.test(88, 1.0, 186, 1.0));
            // metrics: OPP's stop rates per resident
            Map<Category, Long> residents = new HashMap<>();
            data.beats().forEach(b -> b.population().forEach((race, n) -> residents.merge(race, n, Long::sum)));
            StopRateTable stopRates = OppStopRates.per(residents).of(stops);
            put(s, stopRates);
            put(s, stopRates.row(Races.BLACK));
            put(s, ProportionChange.test(601, 1002, 865, 1201));
            InterruptedTimeSeries its = InterruptedTimeSeries.fit(Arrays.copyOf(monthly, 24), 12);
            put(s, its);
            put(s, its.classic());
            put(s, its.levelChange());
            List<PanelObservation> panel = new ArrayList<>();
            for (String area : List.of("A", "B", "C", "D", "E", "F")) {
                boolean treated = area.compareTo("D") < 0;
                for (int period = 1; period <= 6; period++) {
                    boolean post = period > 3;
                    panel.add(PanelObservation.of(area, treated, period, post, 20 + area.charAt(0) % 7 + period * 0.5
                            + (treated && post ? -3 : 0) + (period * area.charAt(0)) % 3 * 0.25));
                }
            }
            put(s, DifferenceInDifferences.fit(panel));
            put(s, panel.get(0));
            // metrics: veil of darkness
            ZoneId zone = SampleCityData.ZONE;
            SolarDay day = SolarTimes.day(TrustReport.CITY, zone, LocalDate.of(2016, 3, 13));
            put(s, day);
            put(s, day.sunset());
            put(s, InterTwilightWindow.of(TrustReport.CITY, zone, Year.of(2016)));
            VeilOfDarkness vod = VeilOfDarkness.at(TrustReport.CITY, zone, Races.BLACK);
            VeilOfDarknessResult veil = vod.test(stops);
            put(s, veil);
            put(s, veil.spline());
            VeilOfDarknessTally vodTally = vod.tally();
            stops.forEach(vodTally::add);
            put(s, vodTally);
            put(s, vodTally.classify(stops.subList(0, 1)).get(0));
            put(s, vod.opp().fixedEffects(FixedEffects.BEAT).testWithOppRules(stops, OppBaseRules.of(
                    LocalDate.of(2011, 1, 1), LocalDate.of(2018, 12, 31), 50, 0.5,
                    List.of(Races.WHITE, Races.BLACK, Races.HISPANIC))));
            // metrics: OPP's outcome test, each stop in its beat's district (the sample city's beats.csv)
            Map<String, String> districtOf = new HashMap<>();
            data.beats().forEach(b -> districtOf.put(b.id(), b.district()));
            List<Stop> inDistricts = stops.stream().map(x -> districtOf.containsKey(x.beat())
                    ? x.toBuilder().district(districtOf.get(x.beat())).build() : x).toList();
            OutcomeTestResult outcome = OutcomeTest.opp().test("Sample City", inDistricts);
            put(s, outcome);
            put(s, outcome.eligibility().get("Sample City"));
            put(s, outcome.eligibility().get("Sample City").step(EligibilityRule.DISCRETIONARY_SEARCHES));
            HitRates searches = outcome.searches().orElseThrow();
            put(s, searches);
            put(s, searches.preparation());
            put(s, searches.of("Sample City", Races.BLACK));
            put(s, searches.aggregate().get(Races.BLACK));
            put(s, searches.kpt().get(0));
            // metrics.evaluation, on the synthetic staged rollout
            StagedRollout rollout = StagedRollout.cookCountyLike(2026);
            put(s, rollout.rows().get(0));
            PoissonDid did = PoissonDid.fit(rollout.rows(), rollout.adoption());
            put(s, did);
            put(s, did.regression());
            put(s, did.regression().table(Inference.QUASI_POISSON));
            put(s, did.effect());
            put(s, EventStudy.fit(rollout.rows(), rollout.adoption()));
            CallawaySantAnna cs = CallawaySantAnna.fit(rollout.rows(), rollout.adoption(), AttOutcome.LOG_RATE);
            put(s, cs);
            put(s, cs.groupTime().get(0));
            put(s, cs.groupTime().get(0).att());
            put(s, cs.dynamic().get(0));
            long[] monthlyCrimes = new long[24];
            double[] population = new double[24];
            for (int i = 0; i < 24; i++) {
                monthlyCrimes[i] = 40 + (i * 7) % 11 - (i >= 12 ? 8 : 0);
                population[i] = 120_000 + 50 * i;
            }
            put(s, CountInterruptedTimeSeries.fit(monthlyCrimes, population, 13, 2));
            Map<String, double[]> predictors = new LinkedHashMap<>();
            List<String> units = List.of("D01", "D02", "D04", "D05", "D07", "D09", "D10");
            for (String u : units) {
                double[] rate = rollout.rows().stream().filter(r -> r.area().equals(u) && r.period() < 2012)
                        .mapToDouble(r -> r.count() / r.population() * 1e5).toArray();
                predictors.put(u, new double[] {(rate[0] + rate[1]) / 2, (rate[2] + rate[3]) / 2});
            }
            SyntheticControl synth = SyntheticControl.fit("D01", List.of("rate_2008_2009", "rate_2010_2011"),
                    predictors, new double[] {1, 1}, rollout.rows(), List.of(2008, 2009, 2010, 2011),
                    List.of(2012, 2013, 2014, 2015));
            put(s, synth);
            put(s, synth.fit());
            // io
            String csv = String.join("\n",
                    "raw_row_number,date,time,subject_race,subject_age,subject_sex,outcome",
                    "1,2017-03-04,12:30,Black,34,M,citation",
                    "2,2017-03-04,25:10,White,41,F,warning",
                    "3,2017-03-06,17:45,Martian,52,M,arrest");
            ReadResult<Stop> read = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Chicago")))
                    .mode(ErrorMode.LENIENT).readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                            "stops.csv");
            put(s, read);
            put(s, read.summary());
            put(s, read.rejections().get(0));
            // geo, on the sample city's beats and census blocks
            BeatMap map = SampleGeography.beats();
            put(s, map.place(stops.get(0)));
            put(s, stops.stream().map(map::place).collect(map.summarizing()));
            ArealInterpolation aw = ArealInterpolation.projected(SampleGeography.censusBlocks(), map,
                    TransverseMercator.utmNorth(10));
            put(s, aw.pieces().get(0));
            put(s, aw.touchingPairs().get(0));
            put(s, aw.extensive("white", "black"));
            // survey.smallarea
            FayHerriotFit fh = FayHerriot.covariates("x").sampled("A", 0.52, 0.010, 0.1).sampled("B", 0.61, 0.012, 0.3)
                    .sampled("C", 0.45, 0.02, 0.5).sampled("D", 0.70, 0.015, 0.2).sampled("E", 0.38, 0.011, 0.6)
                    .unsampled("F", 0.4).build().fit();
            put(s, fh);
            put(s, fh.areas().get(0));
            put(s, fh.coefficients().get(0));
            return s;
        }

        private static void put(Map<Class<?>, Object> samples, Object sample) {
            Object before = samples.put(sample.getClass(), sample);
            assertTrue(before == null, "two samples of " + sample.getClass().getName());
        }
    }

    // ---------------------------------------------------------------- the public types

    /** A public type of a published module, and the module. */
    record PublicType(String module, Class<?> type) {
        @Override
        public String toString() {
            return type.getName();
        }
    }

    static List<PublicType> publicTypes() {
        List<PublicType> out = new ArrayList<>();
        MODULES.forEach((module, anchor) -> {
            String root = "io/github/peelmetrics/" + module + "/";
            for (String name : classFiles(anchor)) {
                if (!name.startsWith(root) || name.contains("/internal/") || name.endsWith("module-info.class")
                        || name.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
                            anchor.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("cannot load " + name, e);
                }
                if (isPublicApi(c)) {
                    out.add(new PublicType(module, c));
                }
            }
        });
        out.sort(Comparator.comparing(PublicType::toString));
        assertTrue(out.size() > 50, "too few public types found: " + out);
        return out;
    }

    /** The class files beside {@code anchor}: a folder of classes (a reactor build) or a jar. */
    private static List<String> classFiles(Class<?> anchor) {
        Path where;
        try {
            where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where)) {
                    files.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> names.add(where.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.endsWith(".class") && !n.startsWith("META-INF/")) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list the classes of " + where, e);
        }
        return names;
    }

    private static boolean isPublicApi(Class<?> c) {
        if (c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTally(Class<?> c) {
        return Tally.class.isAssignableFrom(c) && !c.isInterface();
    }

    /** Why a type is exempt, or empty when it is not. */
    private static Optional<String> exemption(Class<?> c) {
        if (c.isEnum()) {
            return Optional.of("enum");
        }
        if (c.isInterface()) {
            return Optional.of("interface");
        }
        if (Throwable.class.isAssignableFrom(c)) {
            return Optional.of("exception");
        }
        if (!c.isRecord() && c.getConstructors().length == 0 && Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).allMatch(m -> Modifier.isStatic(m.getModifiers()))) {
            return Optional.of("static methods only");
        }
        return Optional.empty();
    }

    @Test
    void everyPublicTypeIsAResultWithASampleOrExemptOrListedWithAReason() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (PublicType p : publicTypes()) {
            Class<?> c = p.type();
            seen.add(c);
            if (exemption(c).isPresent()) {
                continue;
            }
            if (c.isRecord() || isTally(c)) {
                if (!Samples.ALL.containsKey(c)) {
                    problems.add(c.getName() + " is a result (" + (c.isRecord() ? "a record" : "a Tally")
                            + ") without a sample: build one in ResultContractTest.Samples.build()");
                }
                if (NOT_RESULTS.containsKey(c)) {
                    problems.add(c.getName() + " is now a " + (c.isRecord() ? "record" : "Tally")
                            + ": remove it from ResultContractTest.NOT_RESULTS");
                }
            } else if (NOT_RESULTS.containsKey(c)) {
                if (NOT_RESULTS.get(c).isBlank()) {
                    problems.add(c.getName() + " is listed in NOT_RESULTS without a reason");
                }
            } else {
                problems.add(c.getName() + " is a public class that is neither a record nor a Tally: if it is a result, "
                        + "make it a record (or a Tally) and build a sample in ResultContractTest.Samples.build(); if it "
                        + "is not (a builder, a reader, a configured step), list it in ResultContractTest.NOT_RESULTS "
                        + "with a one-line reason");
            }
        }
        for (Map<Class<?>, ?> listed : List.of(NOT_RESULTS, Samples.ALL)) {
            for (Class<?> c : listed.keySet()) {
                if (!seen.contains(c)) {
                    problems.add(c.getName() + " is listed in ResultContractTest but is not a public type of core, "
                            + "survey, metrics or io: remove it");
                }
            }
        }
        for (Class<?> c : Samples.ALL.keySet()) {
            if (!c.isRecord() && !isTally(c)) {
                problems.add(c.getName() + " has a sample but is neither a record nor a Tally");
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " public types break the result contract:\n  "
                + String.join("\n  ", problems));
    }

    static Stream<Class<?>> sampleTypes() {
        return Samples.ALL.keySet().stream()
                .sorted(Comparator.comparing(Class::getName));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleTypes")
    void resultJsonWritesEveryFigureOfTheSample(Class<?> type) throws IOException {
        Object sample = Samples.ALL.get(type);
        String json;
        try {
            json = ResultJson.toJson(sample);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("ResultJson cannot write a " + type.getName() + ": " + e.getMessage(), e);
        }
        assertFalse(json.isBlank() || json.equals("{}") || json.equals("[]"), type.getName() + " writes " + json);
        List<String> problems = new ArrayList<>();
        same(sample, new ObjectMapper().readTree(json), rootName(type), problems);
        assertTrue(problems.isEmpty(), type.getName() + ": the JSON differs from the value:\n  "
                + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
        List<String> notWritten = notWritten(type);
        if (!notWritten.isEmpty()) {
            System.out.println("ResultContractTest: " + type.getSimpleName() + " has methods that JSON does not hold "
                    + "(figures it prints must be components): " + notWritten);
        }
    }

    private static String rootName(Class<?> c) {
        return Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1);
    }

    /** A record's public instance methods without parameters that are not its components' accessors. */
    private static List<String> notWritten(Class<?> c) {
        if (!c.isRecord()) {
            return List.of();
        }
        Set<String> components = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        return Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 0 && m.getReturnType() != void.class && !m.isSynthetic()
                        && !components.contains(m.getName())
                        && !Set.of("toString", "hashCode").contains(m.getName()))
                .map(m -> m.getName() + "()").sorted().distinct().toList();
    }

    // ---------------------------------------------------------------- value and JSON side by side

    /** Compares a value with its JSON, as ResultJson writes it, and notes every difference with its path. */
    private static void same(Object v, JsonNode n, String path, List<String> problems) {
        if (n == null) {
            problems.add(path + ": missing from the JSON");
            return;
        }
        if (v == null) {
            expect(n.isNull(), path, "null", n, problems);
        } else if (v instanceof Double d) {
            number(d, n, path, problems);
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                number(f.doubleValue(), n, path, problems);
            } else {
                expect(n.isNumber() && n.floatValue() == f, path, f, n, problems);
            }
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            expect(n.isIntegralNumber() && n.canConvertToLong() && n.longValue() == ((Number) v).longValue(), path, v, n,
                    problems);
        } else if (v instanceof BigInteger b) {
            expect(n.isIntegralNumber() && n.bigIntegerValue().equals(b), path, b, n, problems);
        } else if (v instanceof BigDecimal b) {
            expect(n.isNumber() && n.decimalValue().compareTo(b) == 0, path, b, n, problems);
        } else if (v instanceof String || v instanceof Character) {
            expect(n.isTextual() && n.textValue().equals(v.toString()), path, v, n, problems);
        } else if (v instanceof Boolean b) {
            expect(n.isBoolean() && n.booleanValue() == b, path, b, n, problems);
        } else if (v instanceof Category c) {
            expect(n.isTextual() && n.textValue().equals(c.code()), path, c.code(), n, problems);
        } else if (v instanceof Enum<?> e) {
            expect(n.isTextual() && n.textValue().equals(e.name()), path, e.name(), n, problems);
        } else if (v instanceof Optional<?> o) {
            same(o.orElse(null), n, path, problems);
        } else if (v instanceof OptionalDouble o) {
            same(o.isPresent() ? (Object) o.getAsDouble() : null, n, path, problems);
        } else if (v instanceof OptionalLong o) {
            same(o.isPresent() ? (Object) o.getAsLong() : null, n, path, problems);
        } else if (v instanceof OptionalInt o) {
            same(o.isPresent() ? (Object) o.getAsInt() : null, n, path, problems);
        } else if (v.getClass().getPackageName().equals("java.time")) {
            expect(n.isTextual() && n.textValue().equals(v.toString()), path, v, n, problems);
        } else if (v instanceof Tally<?, ?, ?> t) {
            same(t.result(), n, path, problems);
        } else if (v.getClass().isRecord()) {
            record(v, n, path, problems);
        } else if (v instanceof Map<?, ?> m) {
            if (!n.isObject() || n.size() != m.size()) {
                problems.add(path + ": expected an object of " + m.size() + " entries, found " + brief(n));
                return;
            }
            m.forEach((k, x) -> same(x, n.get(key(k)), path + "[" + key(k) + "]", problems));
        } else if (v instanceof Collection<?> c) {
            elements(c.iterator(), c.size(), n, path, problems);
        } else if (v.getClass().isArray()) {
            int size = Array.getLength(v);
            elements(IntStream.range(0, size).mapToObj(i -> Array.get(v, i)).iterator(), size, n, path, problems);
        } else {
            problems.add(path + ": a " + v.getClass().getName() + ", which ResultJson should have refused");
        }
    }

    private static void record(Object r, JsonNode n, String path, List<String> problems) {
        RecordComponent[] comps = r.getClass().getRecordComponents();
        List<String> names = Arrays.stream(comps).map(RecordComponent::getName).toList();
        List<String> fields = new ArrayList<>();
        n.fieldNames().forEachRemaining(fields::add);
        if (!n.isObject() || !fields.equals(names)) {
            problems.add(path + ": expected an object with the components " + names + " in order, found " + brief(n));
            return;
        }
        for (RecordComponent c : comps) {
            Method accessor = c.getAccessor();
            Object value;
            try {
                accessor.setAccessible(true);
                value = accessor.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(path + ": cannot read " + c.getName(), e);
            }
            same(value, n.get(c.getName()), path + "." + c.getName(), problems);
        }
    }

    private static void elements(Iterator<?> values, int size, JsonNode n, String path, List<String> problems) {
        if (!n.isArray() || n.size() != size) {
            problems.add(path + ": expected an array of " + size + " elements, found " + brief(n));
            return;
        }
        for (int i = 0; values.hasNext(); i++) {
            same(values.next(), n.get(i), path + "[" + i + "]", problems);
        }
    }

    /** A double: exactly equal, or NaN and the infinities as the strings ResultJson writes. */
    private static void number(double d, JsonNode n, String path, List<String> problems) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String text = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
            expect(n.isTextual() && n.textValue().equals(text), path, text, n, problems);
        } else {
            expect(n.isNumber() && Double.compare(n.doubleValue(), d) == 0, path, d, n, problems);
        }
    }

    private static String key(Object k) {
        if (k instanceof Category c) {
            return c.code();
        }
        if (k instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(k);
    }

    private static void expect(boolean ok, String path, Object expected, JsonNode found, List<String> problems) {
        if (!ok) {
            problems.add(path + ": expected " + expected + ", found " + brief(found));
        }
    }

    private static String brief(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    @Test
    void theWalkCatchesAFigureThatDiffers() {
        record Figure(String group, double rate, OptionalLong n, List<Double> values) {}
        Figure f = new Figure("black", 0.1, OptionalLong.of(3), List.of(Double.NaN, 2.0));
        List<String> problems = new ArrayList<>();
        try {
            same(f, new ObjectMapper().readTree("{\"group\":\"black\",\"rate\":0.10000000000000002,\"n\":3,"
                    + "\"values\":[\"NaN\",2.5]}"), "figure", problems);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of("figure.rate: expected 0.1, found 0.10000000000000002",
                "figure.values[1]: expected 2.0, found 2.5"), problems);
        problems.clear();
        try {
            same(f, new ObjectMapper().readTree(ResultJson.toJson(f)), "figure", problems);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of(), problems);
    }
}
