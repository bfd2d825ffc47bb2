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
import io.github.peelmetrics.core.stats.ProportionMethod;
import io.github.peelmetrics.core.stats.Proportions;
import io.github.peelmetrics.core.stats.TestResult;
import io.github.peelmetrics.examples.data.StagedRollout;
import io.github.peelmetrics.metrics.evaluation.EventStudy;
import io.github.peelmetrics.metrics.evaluation.PoissonDid;
import io.github.peelmetrics.metrics.evaluation.RateRatioTerm;
import io.github.peelmetrics.metrics.outcome.HitRate;
import io.github.peelmetrics.metrics.outcome.HitRates;
import io.github.peelmetrics.metrics.outcome.KptTest;
import io.github.peelmetrics.metrics.outcome.LocationEligibility;
import io.github.peelmetrics.metrics.outcome.OutcomeTest;
import io.github.peelmetrics.metrics.outcome.OutcomeTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of the community trust report, computed from the sample city through Peel's public
 * API, as plain records (so the JSON report needs no annotations and tests can compare figures).
 */
record TrustReport(
        double level,
        List<ReadSummary> inputs,
        List<Wave> waves,
        Trend trend,
        Period stopsPeriod,
        Period complaintsPeriod,
        List<DisparityFigure> disparity,
        Outcome outcome,
        Darkness veilOfDarkness,
        Complaints complaints,
        Beats beats,
        Evaluation evaluation) {

    /** The confidence level of every interval in the report. */
    static final double LEVEL = 0.95;

    /** The seed of the synthetic staged rollout evaluated in the report (as in the README). */
    static final long ROLLOUT_SEED = 2026;

    /** The location name of the sample city in the outcome test. */
    static final String LOCATION = "Sample City";

    /**
     * The dates the stop records cover: rates "per 1,000 residents" are over this whole period
     * ({@code years} long), and per year they are divided by {@code years}.
     */
    record Period(java.time.LocalDate first, java.time.LocalDate last, long months, double years, String label) {}

    /** A proportion (hit rate, frisk yield) of one group with its interval. */
    record RateFigure(String group, long actions, long hits, double rate, double lower, double upper, String method) {}

    /** The KPT test of one group's hit rate against the reference group's (Pearson chi-square, Holm). */
    record KptFigure(String group, String reference, double statistic, int df, double pValue, double holm) {}

    /**
     * OPP's outcome test on the sample city (its eligibility rules, discretionary searches, pooled over
     * districts): hit rates with Wilson intervals, the omnibus KPT test and each group against white, and
     * the frisk yield, absent when the export does not record frisks ({@code friskNote} says why).
     */
    record Outcome(String location, long stops, long eligibleStops, long searches, List<String> districts,
                   List<RateFigure> hitRates, double kptStatistic, int kptDf, double kptP, List<KptFigure> vsReference,
                   Optional<List<RateFigure>> friskYield, String friskNote) {}

    /** One event time of the event study: the rate ratio against the year before adoption. */
    record EventTime(int eventTime, boolean reference, double rateRatio, double lower, double upper, double pValue) {}

    /**
     * The program evaluation on the synthetic staged rollout: the Poisson difference in differences
     * (cluster-robust by area) and its event study.
     */
    record Evaluation(String data, int areas, int years, int adopting, double trueRateRatio, double rateRatio,
                      double lower, double upper, double pValue, String percentChange, List<EventTime> eventStudy) {}

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
                           double stopsPer1000PerYear, double stopRateRatio, double stopRateRatioLower,
                           double stopRateRatioUpper, double searchRate, long searches, long hits, double hitRate,
                           double hitRateLower, double hitRateUpper, double hitRateRatio, double hitRateRatioLower,
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
                                    long flaggedCount, long notFlaggedCount, List<Flag> flagged, List<FunnelDot> funnel,
                                    List<FunnelCurve> limits) {}

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
        Period period = period(data.stops().stream().map(Stop::date).toList());
        Period complaintsPeriod = period(data.complaints().stream().map(io.github.peelmetrics.core.Complaint::received).toList());
        return new TrustReport(LEVEL, data.summaries(), waves, trend, period, complaintsPeriod, disparity(data, period), outcomeOf(data),
                darkness(data.stops()), complaints(data), beats(data), evaluationOf());
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

    /** The first and last day of the stop records, whole calendar months between them, and the label "2015-2016". */
    static Period period(List<java.time.LocalDate> dates) {
        java.time.LocalDate first = dates.stream().min(java.util.Comparator.naturalOrder()).orElseThrow();
        java.time.LocalDate last = dates.stream().max(java.util.Comparator.naturalOrder()).orElseThrow();
        long months = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(first),
                java.time.YearMonth.from(last)) + 1;
        String label = first.getYear() == last.getYear() ? String.valueOf(first.getYear()) : first.getYear() + "-" + last.getYear();
        return new Period(first, last, months, months / 12.0, label);
    }

    private static List<DisparityFigure> disparity(SampleCityData data, Period period) {
        DisparityTable table = disparityTable(data);
        List<DisparityFigure> out = new ArrayList<>();
        rows("all", table, period, out);
        for (Map.Entry<String, DisparityTable> e : table.byKey().entrySet()) {
            rows(e.getKey(), e.getValue(), period, out);
        }
        return out;
    }

    private static void rows(String beat, DisparityTable t, Period period, List<DisparityFigure> out) {
        for (DisparityRow r : t.rows()) {
            Optional<RatioEstimate> stop = r.stopRateRatio();
            Optional<RatioEstimate> hit = r.hitRateRatio();
            long searches = r.counts().hitKnown();
            Optional<Interval> hitCi = searches == 0 ? Optional.empty()
                    : Optional.of(Proportions.interval(r.counts().hits(), searches, ProportionMethod.WILSON, LEVEL));
            double per1000 = r.stopRate().orElse(Double.NaN);
            out.add(new DisparityFigure(beat, r.group().code(), r.counts().stops(), r.population().orElse(0),
                    per1000, per1000 / period.years(),
                    stop.map(RatioEstimate::estimate).orElse(Double.NaN),
                    stop.map(x -> x.interval().lower()).orElse(Double.NaN),
                    stop.map(x -> x.interval().upper()).orElse(Double.NaN),
                    r.counts().searchRate().orElse(Double.NaN), searches, r.counts().hits(),
                    r.counts().hitRate().orElse(Double.NaN),
                    hitCi.map(Interval::lower).orElse(Double.NaN), hitCi.map(Interval::upper).orElse(Double.NaN),
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
                list.modelReason(), list.pearsonDispersion(), list.phi(), list.tau2(), flags.size(), dots.size() - flags.size(),
                flags, dots, curves);
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

    /** OPP's outcome test on the sample city's stops (the stops record their district). */
    static OutcomeTestResult outcomeTest(List<Stop> stops) {
        return OutcomeTest.opp().test(LOCATION, stops);
    }

    private static Outcome outcomeOf(SampleCityData data) {
        OutcomeTestResult r = outcomeTest(data.stops());
        HitRates searches = r.searches().orElseThrow(() -> new IllegalStateException("the sample city was eliminated: " + r));
        List<RateFigure> hitRates = rates(searches, r.races());
        TestResult omnibus = r.testResult(LOCATION);
        List<KptFigure> vs = new ArrayList<>();
        for (KptTest k : searches.kpt(LOCATION, KptTest.Level.GEOGRAPHY)) {
            if (k.kind() == KptTest.Kind.OMNIBUS || k.race().isEmpty()) {
                continue;
            }
            vs.add(new KptFigure(k.race().get().code(), k.reference().code(), k.statistic().orElse(Double.NaN), k.df(),
                    k.pValue().orElse(Double.NaN), k.holm().orElse(Double.NaN)));
        }
        LocationEligibility e = r.eligibility().get(LOCATION);
        List<String> districts = List.copyOf(searches.byDistrict().getOrDefault(LOCATION, Map.of()).keySet());
        Optional<List<RateFigure>> frisks = r.frisks().map(f -> rates(f, r.races()));
        String note = frisks.isPresent() ? "weapons found per frisk, every stop of the compared groups"
                : "not recorded: the stop records do not say whether the person was frisked";
        return new Outcome(LOCATION, data.stops().size(), e.rowsFinal(), hitRates.stream().mapToLong(RateFigure::actions).sum(),
                districts, hitRates, omnibus.statistic(), (int) omnibus.degreesOfFreedom().orElse(0), omnibus.pValue(), vs, frisks, note);
    }

    private static List<RateFigure> rates(HitRates h, List<io.github.peelmetrics.core.Category> races) {
        List<RateFigure> out = new ArrayList<>();
        Map<io.github.peelmetrics.core.Category, HitRate> pooled = h.byLocation().getOrDefault(LOCATION, Map.of());
        for (io.github.peelmetrics.core.Category race : races) {
            HitRate x = pooled.get(race);
            if (x == null || x.actions() == 0) {
                continue;
            }
            Interval ci = Proportions.interval(x.hits(), x.actions(), ProportionMethod.WILSON, LEVEL);
            out.add(new RateFigure(race.code(), x.actions(), x.hits(), x.estimate(), ci.lower(), ci.upper(), ci.method()));
        }
        return out;
    }

    /** The Poisson difference in differences and event study of the synthetic staged rollout (README's example). */
    private static Evaluation evaluationOf() {
        StagedRollout rollout = StagedRollout.cookCountyLike(ROLLOUT_SEED);
        PoissonDid did = PoissonDid.fit(rollout.rows(), rollout.adoption(), LEVEL);
        RateRatioTerm effect = did.effect();
        EventStudy study = EventStudy.fit(rollout.rows(), rollout.adoption(), LEVEL);
        List<EventTime> times = new ArrayList<>();
        List<Integer> all = new ArrayList<>(study.eventTimes());
        if (!all.contains(-1)) {
            all.add(-1);
        }
        java.util.Collections.sort(all);
        for (int t : all) {
            if (t == -1) {
                times.add(new EventTime(-1, true, 1, 1, 1, Double.NaN));
            } else {
                RateRatioTerm x = study.at(t);
                times.add(new EventTime(t, false, x.rateRatio(), x.interval().lower(), x.interval().upper(), x.pValue()));
            }
        }
        return new Evaluation(rollout.toString(), did.areas(), did.periods(), did.treated(), rollout.trueRateRatio(),
                effect.rateRatio(), effect.interval().lower(), effect.interval().upper(), effect.pValue(),
                effect.percentChange(), times);
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
