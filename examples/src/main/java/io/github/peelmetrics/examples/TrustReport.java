package io.github.peelmetrics.examples;

import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.internal.Format;
import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.stats.Interval;
import io.github.peelmetrics.core.stats.RatioEstimate;
import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.metrics.beats.AssignmentStability;
import io.github.peelmetrics.metrics.beats.BeatCoverage;
import io.github.peelmetrics.metrics.beats.NonEnforcement;
import io.github.peelmetrics.metrics.beats.OfficerStability;
import io.github.peelmetrics.metrics.beats.RepresentationRow;
import io.github.peelmetrics.metrics.beats.WorkforceRepresentation;
import io.github.peelmetrics.metrics.complaints.ComplaintSummary;
import io.github.peelmetrics.metrics.officers.EarlyIntervention;
import io.github.peelmetrics.metrics.officers.InterventionList;
import io.github.peelmetrics.metrics.officers.SpiegelhalterFunnel;
import io.github.peelmetrics.metrics.officers.OfficerFlag;
import io.github.peelmetrics.metrics.disparity.Benchmark;
import io.github.peelmetrics.metrics.disparity.Disparity;
import io.github.peelmetrics.metrics.disparity.DisparityRow;
import io.github.peelmetrics.metrics.disparity.DisparityTable;
import io.github.peelmetrics.metrics.stops.StopTally;
import io.github.peelmetrics.metrics.trend.CochranArmitage;
import io.github.peelmetrics.metrics.trend.ProportionChange;
import io.github.peelmetrics.metrics.vod.VeilOfDarkness;
import io.github.peelmetrics.metrics.vod.VeilOfDarknessResult;
import io.github.peelmetrics.survey.SurveyProportionMethod;
import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.Scales;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of the community trust report, computed from the sample city through Peel's public
 * API, as plain records (so the JSON report needs no annotations and tests can compare figures).
 */
record TrustReport(
        List<ReadSummary> inputs,
        List<Wave> waves,
        Trend trend,
        List<DisparityFigure> disparity,
        Darkness veilOfDarkness,
        Complaints complaints,
        Beats beats) {

    /**
     * The key that pseudonymizes officer ids in the published early intervention list. A real
     * agency keeps its key secret and out of source code; the sample city's is public.
     */
    static final byte[] DEMO_KEY = "peel-sample-city-demo-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The city's location for solar times (the sample city is Oakland-like). */
    static final GeoPoint CITY = GeoPoint.of(37.80, -122.27);

    /** One wave: raking diagnostics, approval and trust, overall and by race. */
    record Wave(String wave, int respondents, String raking, double kishEffectiveN, Figure approval,
                List<Figure> approvalByRace, Figure trust, List<Figure> trustByRace) {}

    /** An estimate with its interval: {@code group} is "all" for the whole wave. */
    record Figure(String group, int n, double estimate, double standardError, double lower, double upper, String method) {
        static Figure of(String group, SurveyMean m, Interval ci) {
            return new Figure(group, m.n(), m.estimate(), m.standardError(), ci.lower(), ci.upper(), ci.method());
        }
    }

    /** The trend in approval: Cochran-Armitage over the waves and the first-to-last change. */
    record Trend(List<String> waves, List<Long> approving, List<Long> answering, double cochranArmitageZ,
                 double cochranArmitageP, String firstWave, String lastWave, double change, double changeSe,
                 double changeLower, double changeUpper, double changeP) {}

    /** One row of the disparity table: city-wide ({@code beat} "all") or for one beat. */
    record DisparityFigure(String beat, String group, long stops, long residents, double stopsPer1000,
                           double stopRateRatio, double stopRateRatioLower, double stopRateRatioUpper,
                           double searchRate, double hitRate, double hitRateRatio, double hitRateRatioLower,
                           double hitRateRatioUpper) {}

    /** The veil of darkness test for Black drivers. */
    record Darkness(String minority, double coefficient, double standardError, double pValue, double oddsRatio,
                    double oddsRatioLower, double oddsRatioUpper, long used, long dark, long light, long excluded) {}

    /**
     * Complaint figures and the (pseudonymized) early intervention list; the sustained rate and the
     * counts by allegation type and finding are per allegation (one per accused officer).
     */
    record Complaints(long complaints, long allegations, long officers, long contacts, double per100Officers, double per1000Contacts,
                      double sustainedRate, double sustainedLower, double sustainedUpper, double medianDaysToClose,
                      double p90DaysToClose, Map<String, Long> byAllegation, Map<String, Long> byFinding,
                      EarlyInterventionSummary earlyIntervention) {}

    /**
     * The early intervention list (complaints against shifts worked, one stratum): the model chosen by
     * the dispersion test and why, the flagged officers (pseudonymized), and the funnel plot's points and
     * limits (no ids).
     */
    record EarlyInterventionSummary(String model, String modelReason, double pearsonDispersion, double phi, double tau2,
                                    List<Flag> flagged, List<FunnelDot> funnel, List<FunnelCurve> limits) {}

    /** One officer on the early intervention list (id pseudonymized). */
    record Flag(String officer, long complaints, double expected, double ratio, double pValue, double adjusted) {}

    /** One officer on the funnel plot, unnamed: expected complaints, observed/expected, flagged. */
    record FunnelDot(double expected, double ratio, boolean flagged) {}

    /** Control limits of the list's model at a level, as curves over expected counts. */
    record FunnelCurve(String name, List<Double> expected, List<Double> lower, List<Double> upper) {}

    /** Beat metrics: assignment stability and workforce representation. */
    record Beats(double pooledPrimaryBeatShare, double lowestOfficerPrimaryShare, List<Coverage> coverage,
                 double nonEnforcementShare, List<Representation> representation) {}

    /** Share of one beat's shifts worked by its regular officers. */
    record Coverage(String beat, long shifts, long regularOfficers, double share) {}

    /** Officers' share over residents' share for one group. */
    record Representation(String group, long officers, double officerShare, double residentShare, double ratio) {}

    static TrustReport of(SampleCityData data) {
        List<Wave> waves = new ArrayList<>();
        List<SurveyMean> overall = new ArrayList<>();
        List<Long> approving = new ArrayList<>();
        List<Long> answering = new ArrayList<>();
        for (Map.Entry<String, List<SurveyResponse>> e : data.waves().entrySet()) {
            WeightedSample raked = rake(data, e.getValue());
            SurveyMean approval = raked.mean("approve");
            overall.add(approval);
            long yes = e.getValue().stream().filter(r -> r.answer("approve").orElse(0.0) == 1).count();
            long answered = e.getValue().stream().filter(r -> r.answer("approve").isPresent()).count();
            approving.add(yes);
            answering.add(answered);
            SurveyMean trust = raked.mean("trust");
            waves.add(new Wave(e.getKey(), e.getValue().size(), raked.rakeDiagnostics().map(Object::toString).orElse(""),
                    raked.kish().effectiveN(),
                    Figure.of("all", approval, approval.interval(SurveyProportionMethod.LOGIT)),
                    figures(raked.meanBy("approve", "race"), true),
                    Figure.of("all", trust, trust.toEstimate().waldInterval(0.95)),
                    figures(raked.meanBy("trust", "race"), false)));
        }
        List<String> labels = List.copyOf(data.waves().keySet());
        double[] scores = labels.stream().mapToDouble(Double::parseDouble).toArray();
        CochranArmitage ca = CochranArmitage.test(approving.stream().mapToLong(Long::longValue).toArray(),
                answering.stream().mapToLong(Long::longValue).toArray(), scores);
        ProportionChange change = ProportionChange.test(overall.get(0).toEstimate(), overall.get(overall.size() - 1).toEstimate());
        Interval changeCi = change.interval(0.95);
        Trend trend = new Trend(labels, approving, answering, ca.z(), ca.pValue(), labels.get(0), labels.get(labels.size() - 1),
                change.difference(), change.standardError(), changeCi.lower(), changeCi.upper(), change.pValue(
                        io.github.peelmetrics.metrics.trend.Alternative.TWO_SIDED));
        return new TrustReport(data.summaries(), waves, trend, disparity(data), darkness(data.stops()),
                complaints(data), beats(data));
    }

    /** Rakes one wave to the census margins (strict: 1e-12) and adds the 0-100 trust index. */
    static WeightedSample rake(SampleCityData data, List<SurveyResponse> wave) {
        SurveySample sample = SurveySample.of(wave, SampleCityData.RAKE_VARIABLES.toArray(String[]::new));
        WeightedSample raked = Rake.to(data.margins()).strict().fit(sample);
        return Scales.TRUST.scores(sample).addTo(raked);
    }

    /**
     * Domain figures sorted by level: a proportion gets the logit interval of {@code svyciprop}, a
     * mean on another scale (the 0-100 trust index) the Wald interval of R's {@code confint(svymean)}.
     */
    private static List<Figure> figures(DomainMeans means, boolean proportion) {
        List<Figure> out = new ArrayList<>();
        for (String level : new java.util.TreeSet<>(means.levels())) {
            SurveyMean m = means.get(level).orElseThrow();
            out.add(Figure.of(level, m, proportion ? m.interval(SurveyProportionMethod.LOGIT) : m.toEstimate().waldInterval(0.95)));
        }
        return out;
    }

    /** The stop disparity table against residents, white as reference, city-wide and by beat. */
    static DisparityTable disparityTable(SampleCityData data) {
        StopTally tally = data.stops().parallelStream().collect(StopTally.collector(Stop::beat));
        return Disparity.against(Benchmark.residents(data.beats()), Races.WHITE).of(tally);
    }

    private static List<DisparityFigure> disparity(SampleCityData data) {
        DisparityTable table = disparityTable(data);
        List<DisparityFigure> out = new ArrayList<>();
        rows("all", table, out);
        for (Map.Entry<String, DisparityTable> e : table.byKey().entrySet()) {
            rows(e.getKey(), e.getValue(), out);
        }
        return out;
    }

    private static void rows(String beat, DisparityTable t, List<DisparityFigure> out) {
        for (DisparityRow r : t.rows()) {
            Optional<RatioEstimate> stop = r.stopRateRatio();
            Optional<RatioEstimate> hit = r.hitRateRatio();
            out.add(new DisparityFigure(beat, r.group().code(), r.counts().stops(), r.population().orElse(0),
                    r.stopRate().orElse(Double.NaN),
                    stop.map(RatioEstimate::estimate).orElse(Double.NaN),
                    stop.map(x -> x.interval().lower()).orElse(Double.NaN),
                    stop.map(x -> x.interval().upper()).orElse(Double.NaN),
                    r.counts().searchRate().orElse(Double.NaN), r.counts().hitRate().orElse(Double.NaN),
                    hit.map(RatioEstimate::estimate).orElse(Double.NaN),
                    hit.map(x -> x.interval().lower()).orElse(Double.NaN),
                    hit.map(x -> x.interval().upper()).orElse(Double.NaN)));
        }
    }

    /** Shifts worked per officer: the exposure against which each officer's complaint count is judged. */
    static Map<String, Double> shiftsPerOfficer(List<BeatAssignment> assignments) {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (BeatAssignment a : assignments) {
            out.merge(a.officerId(), 1.0, Double::sum);
        }
        return out;
    }

    /** The early intervention list of the sample city: pseudonymized, complaints per shift worked. */
    static InterventionList interventionList(SampleCityData data) {
        return EarlyIntervention.atFalseDiscoveryRate(0.05).pseudonymized(DEMO_KEY)
                .list(data.complaints(), shiftsPerOfficer(data.assignments()));
    }

    private static Complaints complaints(SampleCityData data) {
        ComplaintSummary c = ComplaintSummary.of(data.complaints(), data.officers().size(), data.stops().size());
        InterventionList list = interventionList(data);
        List<Flag> flags = new ArrayList<>();
        for (OfficerFlag f : list.flagged()) {
            flags.add(new Flag(f.officer(), f.observed(), f.expected(), f.ratio(), f.pValue(), f.adjusted()));
        }
        List<FunnelDot> dots = new ArrayList<>();
        double maxExpected = 0;
        for (OfficerFlag f : list.officers()) {
            dots.add(new FunnelDot(f.expected(), f.ratio(), f.flagged()));
            maxExpected = Math.max(maxExpected, f.expected());
        }
        List<FunnelCurve> curves = new ArrayList<>();
        for (double level : SpiegelhalterFunnel.DEFAULT_LEVELS) {
            List<Double> x = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                double e = maxExpected * 1.05 * i / 60;
                Interval limit = list.funnel().limits(list.model(), e, level);
                x.add(e);
                lo.add(limit.lower());
                hi.add(limit.upper());
            }
            curves.add(new FunnelCurve(Format.percent(level) + "% limits", x, lo, hi));
        }
        EarlyInterventionSummary ei = new EarlyInterventionSummary(list.model().name().toLowerCase(java.util.Locale.ROOT),
                list.modelReason(), list.pearsonDispersion(), list.phi(), list.tau2(), flags, dots, curves);
        Map<String, Long> byAllegation = new java.util.LinkedHashMap<>();
        c.byAllegation().forEach((k, v) -> byAllegation.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        Map<String, Long> byFinding = new java.util.LinkedHashMap<>();
        c.byFinding().forEach((k, v) -> byFinding.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        Optional<Interval> ci = c.sustainedInterval();
        return new Complaints(data.complaints().size(), c.allegations(), data.officers().size(), data.stops().size(),
                c.per100Officers().orElse(Double.NaN), c.per1000Contacts().orElse(Double.NaN),
                c.sustainedRate().orElse(Double.NaN), ci.map(Interval::lower).orElse(Double.NaN),
                ci.map(Interval::upper).orElse(Double.NaN), c.medianDaysToClose().orElse(Double.NaN),
                c.daysToClose(0.9).orElse(Double.NaN), byAllegation, byFinding, ei);
    }

    private static Beats beats(SampleCityData data) {
        AssignmentStability stability = AssignmentStability.of(data.assignments());
        List<Coverage> coverage = new ArrayList<>();
        for (BeatCoverage b : stability.beats()) {
            coverage.add(new Coverage(b.beat(), b.shifts(), b.regularOfficers(), b.share()));
        }
        double lowest = stability.officers().stream().mapToDouble(OfficerStability::share).min().orElse(Double.NaN);
        StopTally all = data.stops().stream().collect(StopTally.collector());
        double nonEnforcement = NonEnforcement.NO_ACTION_OR_WARNING.share(all.total()).orElse(Double.NaN);
        List<Representation> rep = new ArrayList<>();
        for (RepresentationRow r : WorkforceRepresentation.of(data.officers(), Benchmark.residents(data.beats())).rows()) {
            rep.add(new Representation(r.group().code(), r.officers(), r.officerShare().orElse(Double.NaN),
                    r.residentShare().orElse(Double.NaN), r.ratio().orElse(Double.NaN)));
        }
        return new Beats(stability.pooledShare().orElse(Double.NaN), lowest, coverage, nonEnforcement, rep);
    }

    static VeilOfDarknessResult veilOfDarkness(List<Stop> stops) {
        return VeilOfDarkness.at(CITY, SampleCityData.ZONE, Races.BLACK).test(stops);
    }

    private static Darkness darkness(List<Stop> stops) {
        VeilOfDarknessResult v = veilOfDarkness(stops);
        return new Darkness(Races.BLACK.code(), v.coefficient(), v.standardError(), v.pValue(), v.oddsRatio().estimate(),
                v.oddsRatio().interval().lower(), v.oddsRatio().interval().upper(), v.used(), v.dark(), v.light(),
                v.excludedTotal());
    }
}
