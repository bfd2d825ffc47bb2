package io.github.peelmetrics.examples;

import io.github.peelmetrics.io.ReadSummary;
import io.github.peelmetrics.io.ResultJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.github.peelmetrics.core.internal.Format;

/**
 * The main example: a community trust report for the bundled sample city.
 *
 * <p>Reads the sample files through {@code io}, rakes each survey wave to the census margins,
 * reports approval and the trust index by race with intervals, tests the trend and the first-to-last
 * change, builds the stop disparity table by race and beat, runs OPP's outcome test and the veil of
 * darkness test, summarises complaints with the early intervention list, evaluates a synthetic staged
 * rollout, and writes a JSON report and a self-contained, responsive HTML report with SVG charts
 * (docs/report.md): the JSON holds every figure the page shows.
 *
 * <pre>{@code
 * mvn -B -q install -DskipTests
 * mvn -q -pl examples exec:java                       # writes target/peel-report/report.{json,html}
 * mvn -q -pl examples exec:java -Dexec.args=/tmp/out  # or into another folder
 * }</pre>
 */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Runs the report.
     *
     * @param args optionally the output folder (default {@code target/peel-report})
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/peel-report");
        long start = System.nanoTime();
        SampleCityData data = SampleCityData.load();
        TrustReport report = TrustReport.of(data);
        print(report, System.out);
        Path json = write(out.resolve("report.json"), ResultJson.toPrettyJson(report));
        Path html = write(out.resolve("report.html"), html(report));
        System.out.printf(Locale.ROOT, "%nWrote %s and %s in %.1f s.%n", json.toAbsolutePath(), html.toAbsolutePath(),
                (System.nanoTime() - start) / 1e9);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void print(TrustReport r, PrintStream o) {
        o.println("PEEL community trust report: the sample city (synthetic data)");
        o.println();
        o.println("Inputs");
        for (ReadSummary s : r.inputs()) {
            o.println("  " + s);
        }
        for (TrustReport.Wave w : r.waves()) {
            o.println();
            o.printf(Locale.ROOT, "Survey wave %s: %d respondents; %s%n", w.wave(), w.respondents(), w.raking());
            o.print(figureTable("race", "approve", w.approval(), w.approvalByRace()));
            o.print(figureTable("race", "trust 0-100", w.trust(), w.trustByRace()));
        }
        TrustReport.Trend t = r.trend();
        o.println();
        o.printf(Locale.ROOT, "Approval trend over waves %s: Cochran-Armitage z = %.3f, p = %s%n", t.waves(),
                t.cochranArmitageZ(), p(t.cochranArmitageP()));
        o.printf(Locale.ROOT, "Change %s -> %s (weighted): %+.3f (se %.3f, 95%% CI [%+.3f, %+.3f]), p = %s%n",
                t.firstWave(), t.lastWave(), t.change(), t.changeSe(), t.changeLower(), t.changeUpper(), p(t.changeP()));
        o.println();
        o.println("Stops against residents, city-wide (reference: white)");
        o.print(disparityTable(r.disparity(), "all"));
        o.println();
        o.println("Stop rate ratio of Black residents (vs white) by beat");
        TextTable byBeat = new TextTable("beat", "stops", "per 1,000", "ratio", "95% CI", "hit rate", "hit ratio");
        for (TrustReport.DisparityFigure d : r.disparity()) {
            if (!d.beat().equals("all") && d.group().equals("black")) {
                byBeat.row(d.beat(), d.stops(), f1(d.stopsPer1000()), f2(d.stopRateRatio()),
                        "[" + f2(d.stopRateRatioLower()) + ", " + f2(d.stopRateRatioUpper()) + "]", f3(d.hitRate()),
                        f2(d.hitRateRatio()));
            }
        }
        o.print(byBeat);
        TrustReport.Darkness v = r.veilOfDarkness();
        o.println();
        o.printf(Locale.ROOT, "Veil of darkness (%s drivers): darkness coefficient %.3f (se %.3f), p = %s; odds ratio %.3f "
                        + "[%.3f, %.3f]; %d stops used (%d dark, %d light), %d excluded%n", v.minority(), v.coefficient(),
                v.standardError(), p(v.pValue()), v.oddsRatio(), v.oddsRatioLower(), v.oddsRatioUpper(), v.used(), v.dark(),
                v.light(), v.excluded());
        TrustReport.Complaints c = r.complaints();
        o.println();
        o.printf(Locale.ROOT, "Complaints: %d against %d officers (%.1f per 100 officers, %.2f per 1,000 stops); "
                        + "sustained %.3f [%.3f, %.3f]; days to close median %.0f, 90th percentile %.0f%n", c.complaints(),
                c.officers(), c.per100Officers(), c.per1000Contacts(), c.sustainedRate(), c.sustainedLower(),
                c.sustainedUpper(), c.medianDaysToClose(), c.p90DaysToClose());
        o.println("  by allegation " + c.byAllegation());
        o.println("  by finding    " + c.byFinding());
        o.println("  early intervention: " + c.earlyIntervention().modelReason());
        o.print(interventionTable(c));
        TrustReport.Beats b = r.beats();
        o.println();
        o.printf(Locale.ROOT, "Beats: %.1f%% of officers' shifts on their primary beat (lowest officer %.1f%%); "
                        + "non-enforcement contacts (no action or warning) %.1f%% of stops%n", 100 * b.pooledPrimaryBeatShare(),
                100 * b.lowestOfficerPrimaryShare(), 100 * b.nonEnforcementShare());
        o.print(coverageTable(b));
        o.print(representationTable(b));
    }

    private static TextTable interventionTable(TrustReport.Complaints c) {
        TextTable t = new TextTable("early intervention (pseudonymized)", "complaints", "expected", "ratio", "p",
                "BH-adjusted");
        for (TrustReport.Flag f : c.earlyIntervention().flagged()) {
            t.row(f.officer(), f.complaints(), f1(f.expected()), f1(f.ratio()), p(f.pValue()), p(f.adjusted()));
        }
        return t;
    }

    private static TextTable coverageTable(TrustReport.Beats b) {
        TextTable t = new TextTable("beat", "shifts", "regular officers", "share by regulars");
        for (TrustReport.Coverage c : b.coverage()) {
            t.row(c.beat(), c.shifts(), c.regularOfficers(), f3(c.share()));
        }
        return t;
    }

    private static TextTable representationTable(TrustReport.Beats b) {
        TextTable t = new TextTable("workforce group", "officers", "officer share", "resident share", "ratio");
        for (TrustReport.Representation x : b.representation()) {
            t.row(x.group(), x.officers(), f3(x.officerShare()), f3(x.residentShare()), f2(x.ratio()));
        }
        return t;
    }

    private static TextTable figureTable(String domain, String what, TrustReport.Figure all, List<TrustReport.Figure> rows) {
        TextTable t = new TextTable(domain, "n", what, "95% CI (" + all.method() + ")", "se");
        for (TrustReport.Figure f : rows) {
            t.row(f.group(), f.n(), f3(f.estimate()), "[" + f3(f.lower()) + ", " + f3(f.upper()) + "]", f3(f.standardError()));
        }
        t.row("all", all.n(), f3(all.estimate()), "[" + f3(all.lower()) + ", " + f3(all.upper()) + "]", f3(all.standardError()));
        return t;
    }

    private static TextTable disparityTable(List<TrustReport.DisparityFigure> rows, String beat) {
        TextTable t = new TextTable("group", "stops", "residents", "per 1,000", "rate ratio", "95% CI", "search rate",
                "hit rate", "hit ratio");
        for (TrustReport.DisparityFigure d : rows) {
            if (d.beat().equals(beat)) {
                boolean ref = d.group().equals("white");
                boolean unknown = d.group().equals("unknown");
                String why = ref ? "reference" : unknown ? "excluded" : null;
                t.row(d.group(), d.stops(), unknown ? "-" : d.residents(), unknown ? "-" : f1(d.stopsPer1000()),
                        why != null ? why : f2(d.stopRateRatio()),
                        why != null ? "" : "[" + f2(d.stopRateRatioLower()) + ", " + f2(d.stopRateRatioUpper()) + "]",
                        f3(d.searchRate()), f3(d.hitRate()), why != null ? why : f2(d.hitRateRatio()));
            }
        }
        return t;
    }

    /** The title of the HTML report. */
    static final String TITLE = "Community trust report: the sample city";

    static String html(TrustReport r) {
        HtmlReport h = new HtmlReport(TITLE);
        TrustReport.Period sp = r.stopsPeriod();
        String period = periodWords(sp);
        String level = Format.percent(r.level()) + "%";
        TrustReport.Wave first = r.waves().get(0);
        TrustReport.Wave last = r.waves().get(r.waves().size() - 1);
        TrustReport.Trend t = r.trend();
        TrustReport.DisparityFigure black = city(r, "black");
        TrustReport.DisparityFigure white = city(r, "white");
        TrustReport.Outcome o = r.outcome();
        TrustReport.RateFigure hitBlack = rate(o.hitRates(), "black");
        TrustReport.RateFigure hitWhite = rate(o.hitRates(), "white");
        TrustReport.Darkness v = r.veilOfDarkness();
        TrustReport.Evaluation ev = r.evaluation();

        h.raw("<p class='lede'>A worked example on <strong>synthetic data</strong> bundled with Peel (no real city, person "
                + "or officer): community surveys in " + String.join(", ", t.waves()) + ", and stops, complaints and beat "
                + "assignments from " + Svg.esc(sp.first().toString()) + " to " + Svg.esc(sp.last().toString()) + " ("
                + sp.months() + " months). Every figure was computed with Peel's public API; every interval is a "
                + level + " confidence interval. The figures are also in <code>report.json</code> beside this page.</p>");
        h.subheading("Key findings");
        h.list("findings", List.of(
                new String[] {"Approval rose.", pct(last.approval().estimate()) + "% of residents approved of the police in "
                        + last.wave() + " (" + level + " interval " + pct(last.approval().lower()) + "% to "
                        + pct(last.approval().upper()) + "%), up " + pct(t.change()) + " percentage points since "
                        + first.wave() + "."},
                new String[] {"Black residents were stopped more often.", "Relative to their number of residents, Black "
                        + "residents were stopped " + f2(black.stopRateRatio()) + " times as often as white residents ("
                        + f1(black.stopsPer1000()) + " vs " + f1(white.stopsPer1000()) + " stops per 1,000 residents over "
                        + period + "). Residents are not the people on the road: read this with the caveat below."},
                new String[] {"Their searches found less.", "Searches of Black drivers found contraband in "
                        + pct(hitBlack.rate()) + "% of searches, of white drivers in " + pct(hitWhite.rate())
                        + "% (outcome test, Open Policing Project rules)."},
                new String[] {"Fewer Black drivers among stops after dark.", "Odds ratio " + f3(v.oddsRatio()) + " ["
                        + f3(v.oddsRatioLower()) + ", " + f3(v.oddsRatioUpper()) + "]: below 1, consistent with Black "
                        + "drivers being stopped more often when officers can see a driver's race."},
                new String[] {"Program evaluation (synthetic):", "areas that opened an office had " + ev.percentChange()
                        + " crimes than comparison areas."}));
        h.raw("<nav aria-label='Contents'><ol>"
                + "<li><a href='#how-to-read'>How to read this</a></li><li><a href='#survey'>What residents say</a></li>"
                + "<li><a href='#stops'>Stops against residents</a></li><li><a href='#outcome'>Searches: the outcome test</a></li>"
                + "<li><a href='#veil'>Veil of darkness</a></li><li><a href='#complaints'>Complaints</a></li>"
                + "<li><a href='#beats'>Beats</a></li><li><a href='#evaluation'>Program evaluation</a></li>"
                + "<li><a href='#methods'>Methods and sources</a></li></ol></nav>");

        // ------------------------------------------------------------ how to read
        h.heading("how-to-read", "How to read this");
        h.raw("<dl>"
                + dd("Stops per 1,000 residents", "stops of a group over the whole period (" + period + ") divided by "
                        + "the group's residents, times 1,000; not a yearly figure, and not the share of residents stopped "
                        + "(one person can be stopped many times). The yearly figure is half of it here.")
                + dd("Rate ratio", "a group's rate divided by white residents' rate. 1 means the same rate; above 1, "
                        + "more often than white residents; below 1, less often. 2 means twice as often.")
                + dd("Interval", "[lower, upper] is a " + level + " confidence interval: the range of values consistent "
                        + "with the data. A ratio whose interval excludes 1 is unlikely to be chance alone.")
                + dd("p-value", "how surprising the data would be if there were no difference; small is surprising. "
                        + "Values below 1e-15 are printed as < 1e-15: beyond that, the exact digits carry no meaning.")
                + dd("Hit rate", "the share of searches that found contraband (drugs, weapons or other items).")
                + dd("Synthetic data", "the sample city was generated by a program with known, built-in disparities, "
                        + "so that the methods can be checked. Do not quote its figures as facts about any real place.")
                + "</dl>");

        // ------------------------------------------------------------ survey
        h.heading("survey", "What residents say: approval and trust");
        h.paragraph("Each survey wave was weighted (raked) to the census by race, age group and sex, so the figures "
                + "describe all residents, not only those who answered. Approval is the share answering that they approve "
                + "of the police; the trust index is a 0-100 scale from five questions.");
        List<String> waves = new ArrayList<>();
        Map<String, List<Svg.Point>> approval = new LinkedHashMap<>();
        Map<String, List<Svg.Point>> trust = new LinkedHashMap<>();
        for (TrustReport.Wave w : r.waves()) {
            waves.add(w.wave());
            approval.computeIfAbsent("all residents", k -> new ArrayList<>()).add(point(w.approval()));
            trust.computeIfAbsent("all residents", k -> new ArrayList<>()).add(point(w.trust()));
            for (TrustReport.Figure f : w.approvalByRace()) {
                approval.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(point(f));
            }
            for (TrustReport.Figure f : w.trustByRace()) {
                trust.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(point(f));
            }
        }
        List<Svg.Series> approvalSeries = series(approval, waves.size());
        List<Svg.Series> trustSeries = series(trust, waves.size());
        String wavesText = String.join(", ", waves);
        h.figure(waveChart("chart-approval", "Approval of the police by race, " + wavesText,
                "Share of residents approving (0 to 1), raked survey estimates with " + level + " intervals; x: survey wave.",
                "approval", "Approval by race and wave: ", approvalSeries, waves, 1, "share approving"));
        h.figure(waveChart("chart-trust", "Trust index by race, " + wavesText,
                "Trust index (0 = no trust, 100 = full trust), raked means with " + level + " intervals; x: survey wave.",
                "trust", "Trust index by race and wave: ", trustSeries, waves, 100, "trust index (0-100)"));
        for (TrustReport.Wave w : r.waves()) {
            h.table("Approval by race, survey wave " + w.wave() + " (" + w.respondents() + " respondents; share approving)",
                    figureTable("race", "approve", w.approval(), w.approvalByRace()));
            h.table("Trust index (0-100) by race, survey wave " + w.wave(), figureTable("race", "trust 0-100", w.trust(), w.trustByRace()));
        }
        h.lead("Is the rise real?", String.format(Locale.ROOT, "Approval changed by %+.3f from %s to %s (weighted "
                        + "estimates; %s interval [%+.3f, %+.3f], %s). The Cochran-Armitage trend test over the %d waves "
                        + "gives z = %.3f, %s; it uses the unweighted counts of respondents who approved (%s of %s), "
                        + "not the weighted estimates, so it speaks for the people who answered, not for all residents.",
                t.change(), t.firstWave(), t.lastWave(), level, t.changeLower(), t.changeUpper(), pEq(t.changeP()),
                t.waves().size(), t.cochranArmitageZ(), pEq(t.cochranArmitageP()), joined(t.approving()), joined(t.answering())));

        // ------------------------------------------------------------ stops
        h.heading("stops", "Stops against residents");
        h.paragraph("Stops of each group over " + period + " (" + sp.first() + " to " + sp.last() + "), per 1,000 "
                + "residents of that group, compared with white residents' rate (the reference). Unknown race counts "
                + "in the totals and is left out of the ratios.");
        h.raw("<p class='caveat'><strong>Caveat:</strong> the benchmark is residents, but the people on the road are not "
                + "the residents: commuters and visitors are stopped too, and groups differ in how much they drive and where. "
                + "A ratio above 1 shows that a group was stopped more often than its share of residents suggests; it does "
                + "not by itself show why.</p>");
        h.table("Stops by race, city-wide, " + period + " (reference: white)", disparityHtml(r.disparity(), "all", sp));
        List<Svg.Bar> bars = new ArrayList<>();
        for (TrustReport.DisparityFigure d : r.disparity()) {
            if (!d.beat().equals("all") && !d.group().equals("white") && Double.isFinite(d.stopRateRatio())) {
                bars.add(new Svg.Bar(d.beat() + " " + d.group(), d.stopRateRatio(), d.stopRateRatioLower(), d.stopRateRatioUpper()));
            }
        }
        long over = bars.stream().filter(b -> b.label().endsWith(" black") && b.lower() > 1).count();
        long blackBeats = bars.stream().filter(b -> b.label().endsWith(" black")).count();
        List<Svg.LegendItem> dir = List.of(new Svg.LegendItem("above 1: stopped more often than white residents",
                        new Svg.Style("#D55E00", "", Svg.Marker.SQUARE, 0)),
                new Svg.LegendItem("below 1: less often", new Svg.Style("#0072B2", "", Svg.Marker.SQUARE, 0)));
        String barsTitle = "Stop rate ratio against white residents, by beat, " + sp.label();
        String barsDesc = "Stop rate ratios by beat and group: " + bars.stream().map(b -> b.label() + " " + f2(b.value()))
                .collect(java.util.stream.Collectors.joining(", "));
        h.figure(chart("chart-beats", barsTitle, "Stops per resident of a group divided by white residents' stops per "
                        + "resident in the same beat, " + period + "; log scale, " + level + " intervals (whiskers).",
                "Above 1: stopped more often than white residents relative to their share of residents. Black residents' "
                        + "ratio is above 1 " + (over == blackBeats ? "in every beat" : "in " + over + " of " + blackBeats + " beats")
                        + " (the whole interval above 1).",
                barsDesc, lay -> Svg.ratioBars("chart-beats", barsTitle, barsDesc, lay, bars, "rate ratio (log scale)"), dir));
        h.table("Black residents against white residents by beat, " + period, byBeatHtml(r.disparity()));

        // ------------------------------------------------------------ outcome test
        h.heading("outcome", "Searches: the outcome test");
        h.paragraph("Did searches of some groups need less evidence? The outcome test compares hit rates: the share of "
                + "searches that found contraband. It follows the Stanford Open Policing Project's rules: vehicle stops only, "
                + "months with enough stops and recorded fields, discretionary searches only (not searches after an arrest "
                + "or of an impounded car), at least 50 searches of each group in a district, at least 3 districts. "
                + o.eligibleStops() + " of " + o.stops() + " stops and " + o.searches() + " searches in districts "
                + String.join(", ", o.districts()) + " passed these rules.");
        List<Svg.Bar> hits = new ArrayList<>();
        for (TrustReport.RateFigure x : o.hitRates()) {
            hits.add(new Svg.Bar(x.group(), x.rate(), x.lower(), x.upper()));
        }
        double hitMax = hits.stream().mapToDouble(Svg.Bar::upper).max().orElse(1);
        double[] hitTicks = Svg.niceTicks(hitMax * 1.05, 5);
        String hitsTitle = "Hit rate of discretionary searches by race, " + sp.label();
        String hitsDesc = "Hit rates: " + o.hitRates().stream().map(x -> x.group() + " " + f3(x.rate()) + " [" + f3(x.lower())
                + ", " + f3(x.upper()) + "]").collect(java.util.stream.Collectors.joining(", "));
        List<Svg.Style> hitStyles = List.of(Svg.style(1), Svg.style(2), Svg.style(3));
        h.figure(chart("chart-hits", hitsTitle, "Share of searches that found contraband, " + period + ", with " + level
                        + " Wilson intervals; pooled over the districts kept.",
                "A lower hit rate means searches of that group found contraband less often, which is consistent with "
                        + "searching that group on weaker evidence (see the caveat below).",
                hitsDesc, lay -> Svg.intervalDots("chart-hits", hitsTitle, hitsDesc, lay, hits, hitStyles, 0,
                        hitTicks[hitTicks.length - 1], hitTicks, "hit rate (share of searches finding contraband)", Double.NaN),
                List.of()));
        TextTable ht = new TextTable("race", "searches", "found", "hit rate", level + " CI (Wilson)", "vs white: chi-square",
                "p (Holm)");
        for (TrustReport.RateFigure x : o.hitRates()) {
            Optional<TrustReport.KptFigure> k = o.vsReference().stream().filter(y -> y.group().equals(x.group())).findFirst();
            ht.row(x.group(), x.actions(), x.hits(), f3(x.rate()), "[" + f3(x.lower()) + ", " + f3(x.upper()) + "]",
                    k.map(y -> f2(y.statistic())).orElse("reference"), k.map(y -> pv(y.holm())).orElse(""));
        }
        h.table("Hit rates of discretionary searches, " + period + " (Open Policing Project rules)", ht);
        h.paragraph(String.format(Locale.ROOT, "Do hit rates differ by race at all? Chi-square = %.2f with %d degrees of "
                + "freedom, %s.", o.kptStatistic(), o.kptDf(), pEq(o.kptP())));
        h.lead("Frisk yield:", o.friskYield().map(f -> "weapons found per frisk: " + f.stream()
                .map(x -> x.group() + " " + f3(x.rate()) + " [" + f3(x.lower()) + ", " + f3(x.upper()) + "]")
                .collect(java.util.stream.Collectors.joining("; "))).orElse(o.friskNote() + " (no figure rather than a 0)."));
        h.raw("<p class='caveat'><strong>Caveat:</strong> hit rates average over everyone searched, not over the "
                + "borderline searches where bias would act, so groups can differ in hit rate without bias, and bias can "
                + "hide behind equal hit rates (infra-marginality). The Open Policing Project's threshold test addresses this; "
                + "it is not part of this report.</p>");

        // ------------------------------------------------------------ veil of darkness
        h.heading("veil", "Veil of darkness");
        h.paragraph("Officers see a driver's race less well after dark. Comparing stops at the same clock time on days "
                + "when it was dark with days when it was light (the evening inter-twilight window), the test asks whether "
                + "Black drivers were a larger share of stops in daylight. " + v.used() + " stops fell in the window ("
                + v.dark() + " dark, " + v.light() + " light); " + v.excluded() + " stops were outside it or lacked a time.");
        String vodTitle = "Veil of darkness: odds that a stopped driver is Black, dark vs light, " + sp.label();
        String vodDesc = "Odds ratio " + f3(v.oddsRatio()) + " [" + f3(v.oddsRatioLower()) + ", " + f3(v.oddsRatioUpper()) + "]";
        List<Svg.Bar> vodRow = List.of(new Svg.Bar("dark vs light", v.oddsRatio(), v.oddsRatioLower(), v.oddsRatioUpper()));
        h.figure(chart("chart-veil", vodTitle, "Odds ratio with its " + level + " interval, adjusted for clock time "
                        + "(natural spline); " + period + ".",
                "Below 1: a stopped driver was less likely to be Black after dark, when race is harder to see, than in "
                        + "daylight at the same clock time; consistent with Black drivers being stopped more often when officers "
                        + "can see race. Above 1 would point the other way; 1 means no difference. Here: " + f3(v.oddsRatio())
                        + ", " + pEq(v.pValue()) + ".",
                vodDesc, lay -> Svg.intervalDots("chart-veil", vodTitle, vodDesc, lay, vodRow, List.of(Svg.style(0)), 0.5, 1.5,
                        new double[] {0.5, 0.75, 1, 1.25, 1.5}, "odds ratio (below 1: fewer Black drivers after dark)", 1),
                List.of()));

        // ------------------------------------------------------------ complaints
        TrustReport.Complaints c = r.complaints();
        TrustReport.Period cp = r.complaintsPeriod();
        h.heading("complaints", "Complaints and the early intervention list");
        h.paragraph(String.format(Locale.ROOT, "%d complaints from %s to %s against %d officers: %.1f per 100 officers "
                        + "and %.2f per 1,000 stops over %s. Of the allegations, %s%% were sustained (%s interval %s%% to %s%%); "
                        + "half of the complaints were closed within %.0f days.", c.complaints(), cp.first(), cp.last(),
                c.officers(), c.per100Officers(), c.per1000Contacts(), periodWords(cp), pct(c.sustainedRate()), level,
                pct(c.sustainedLower()), pct(c.sustainedUpper()), c.medianDaysToClose()));
        TrustReport.EarlyInterventionSummary ei = c.earlyIntervention();
        List<Svg.FunnelPoint> dots = new ArrayList<>();
        for (TrustReport.FunnelDot d : ei.funnel()) {
            dots.add(new Svg.FunnelPoint(d.expected(), d.ratio(), d.flagged()));
        }
        List<Svg.FunnelLimits> limits = new ArrayList<>();
        List<Svg.LegendItem> funnelLegend = new ArrayList<>();
        for (int i = 0; i < ei.limits().size(); i++) {
            TrustReport.FunnelCurve curve = ei.limits().get(i);
            limits.add(new Svg.FunnelLimits(curve.name(), unbox(curve.expected()), unbox(curve.lower()), unbox(curve.upper())));
            funnelLegend.add(new Svg.LegendItem(curve.name(), Svg.FUNNEL_LIMITS.get(i % Svg.FUNNEL_LIMITS.size())));
        }
        long flagged = ei.funnel().stream().filter(TrustReport.FunnelDot::flagged).count();
        funnelLegend.add(new Svg.LegendItem("flagged (" + ei.flaggedCount() + ")", Svg.FLAGGED));
        funnelLegend.add(new Svg.LegendItem("not flagged (" + ei.notFlaggedCount() + ")", Svg.UNFLAGGED));
        String funnelTitle = "Complaints per shift worked, each officer against peers, " + cp.label();
        String funnelDesc = "Funnel plot of " + ei.funnel().size() + " officers (unnamed), " + flagged + " flagged";
        h.figure(chart("chart-funnel", funnelTitle, "x: complaints expected from the officer's shifts worked at the "
                        + "city's rate; y: observed divided by expected; curves: control limits of the " + ei.model().replace('_', ' ')
                        + " model; " + periodWords(cp) + ". Officers are not named.",
                "Points above the upper limits had more complaints than their shifts predict, beyond the spread among "
                        + "peers; a flag is a prompt for a supervisor's review, not a finding of misconduct.",
                funnelDesc, lay -> Svg.funnel("chart-funnel", funnelTitle, funnelDesc, lay, dots, limits, "expected complaints",
                        "observed / expected"), funnelLegend));
        h.paragraph("How the list was built: " + ei.modelReason() + ". Officers are flagged at a 5% false discovery rate "
                + "(Benjamini-Hochberg); the list names them by pseudonyms, never by id.");
        h.table("Early intervention list (pseudonymized), " + periodWords(cp), interventionHtml(c));

        // ------------------------------------------------------------ beats
        h.heading("beats", "Beats: who patrols where");
        TrustReport.Beats b = r.beats();
        h.paragraph(String.format(Locale.ROOT, "%.1f%% of officers' shifts were on their own primary beat (lowest officer: "
                        + "%.1f%%). %.1f%% of stops ended with no action or a warning (non-enforcement contacts).",
                100 * b.pooledPrimaryBeatShare(), 100 * b.lowestOfficerPrimaryShare(), 100 * b.nonEnforcementShare()));
        h.table("Shifts covered by each beat's regular officers, " + periodWords(sp), coverageTable(b));
        h.table("Workforce against residents (ratio: officers' share over residents' share)", representationTable(b));

        // ------------------------------------------------------------ evaluation
        h.heading("evaluation", "Program evaluation: did crime fall where the program started?");
        h.paragraph("A separate synthetic panel, shaped like a staged rollout of community prosecution offices ("
                + ev.data() + "). Yearly crime counts of areas that opened an office are compared with areas that did not, "
                + "before and after, as a Poisson difference in differences with area and year effects and a population "
                + "offset; intervals are cluster-robust by area.");
        h.lead("Result:", "areas with an office had " + ev.percentChange() + " crimes than comparison areas (rate ratio "
                + f3(ev.rateRatio()) + ", " + pEq(ev.pValue()) + "); the panel was built with a true rate ratio of "
                + f2(ev.trueRateRatio()) + ".");
        List<String> times = new ArrayList<>();
        List<Svg.Point> est = new ArrayList<>();
        double lo = 1;
        double hi = 1;
        for (TrustReport.EventTime e : ev.eventStudy()) {
            times.add(String.valueOf(e.eventTime()));
            est.add(e.reference() ? new Svg.Point(1, Double.NaN, Double.NaN) : new Svg.Point(e.rateRatio(), e.lower(), e.upper()));
            if (!e.reference()) {
                lo = Math.min(lo, e.lower());
                hi = Math.max(hi, e.upper());
            }
        }
        double yLo = Math.floor(lo * 20) / 20;
        double yHi = Math.ceil(hi * 20) / 20;
        int nt = (int) Math.round((yHi - yLo) * 20);
        double[] yTicks = new double[nt + 1];
        for (int i = 0; i <= nt; i++) {
            yTicks[i] = Math.round((yLo + i * 0.05) * 100) / 100.0;
        }
        List<Svg.Series> study = List.of(new Svg.Series("rate ratio", Svg.style(1), est));
        String evTitle = "Crime in adopting areas against comparison areas, by year since adoption (synthetic)";
        String evDesc = "Event study rate ratios: " + ev.eventStudy().stream().filter(e -> !e.reference())
                .map(e -> e.eventTime() + ": " + f3(e.rateRatio())).collect(java.util.stream.Collectors.joining(", "));
        h.figure(chart("chart-evaluation", evTitle, "Rate ratio of crimes against the year before adoption (-1, fixed at 1), "
                        + level + " cluster-robust intervals; x: years since the office opened (negative: before).",
                eventReading(ev.eventStudy()),
                evDesc, lay -> Svg.lines("chart-evaluation", evTitle, evDesc, lay, times, study, yLo, yHi, yTicks,
                        "rate ratio", "years since adoption", 1), List.of()));

        // ------------------------------------------------------------ methods
        h.heading("methods", "Methods and sources");
        h.raw(methods(List.of(
                new String[] {"Survey weighting:", "raking to census margins (Deville and Sarndal 1992) with standard errors as "
                        + "R's survey package computes them for a raked design (Lumley 2010); approval intervals on the logit "
                        + "scale (svyciprop), trust intervals Wald; the Cochran-Armitage trend test on unweighted counts."},
                new String[] {"Stop rates:", "stops per resident of each group; rate ratios against white residents as "
                        + "Poisson rate ratios with Wald intervals; hit rates with Wilson intervals; hit-rate ratios Katz log."},
                new String[] {"Outcome test:", "the Open Policing Project's eligibility rules and hit rates (Pierson et al. "
                        + "2020); chi-square tests of race by contraband found, Holm-adjusted."},
                new String[] {"Veil of darkness:", "Grogger and Ridgeway (2006), as run by Pierson et al. (2020): logistic "
                        + "regression of race on darkness with a natural spline in clock time, stops in the inter-twilight window."},
                new String[] {"Early intervention:", "complaints per shift against peers on a funnel plot (Spiegelhalter 2005), "
                        + "with an additive random-effects model when counts are over-dispersed, and the Benjamini-Hochberg "
                        + "false discovery rate."},
                new String[] {"Program evaluation:", "Poisson difference in differences and its event study with "
                        + "cluster-robust standard errors."},
                new String[] {"Charts:", "colours from the Okabe-Ito palette (Okabe and Ito 2008), each series with its own "
                        + "marker and dash so charts read in grey."})));
        h.raw("<ol class='refs'>"
                + "<li>Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate. <i>Journal of the Royal "
                + "Statistical Society B</i> 57, 289-300.</li>"
                + "<li>Deville, J.-C. and Sarndal, C.-E. (1992). Calibration estimators in survey sampling. <i>Journal of the "
                + "American Statistical Association</i> 87, 376-382.</li>"
                + "<li>Grogger, J. and Ridgeway, G. (2006). Testing for racial profiling in traffic stops from behind a veil "
                + "of darkness. <i>Journal of the American Statistical Association</i> 101, 878-887.</li>"
                + "<li>Lumley, T. (2010). <i>Complex Surveys: A Guide to Analysis Using R</i>. Wiley.</li>"
                + "<li>Okabe, M. and Ito, K. (2008). Color Universal Design: how to make figures and presentations that are "
                + "friendly to colorblind people. jfly.uni-koeln.de/color.</li>"
                + "<li>Pierson, E. et al. (2020). A large-scale analysis of racial disparities in police stops across the "
                + "United States. <i>Nature Human Behaviour</i> 4, 736-745.</li>"
                + "<li>Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance. <i>Statistics in "
                + "Medicine</i> 24, 1185-1202.</li></ol>");
        h.subheading("Inputs");
        h.list("inputs", r.inputs().stream().map(s -> new String[] {s.toString()}).toList());
        return h.render();
    }

    /** What a chart of a figure by group over waves shows, computed: who rose, who fell, who is lowest. */
    static String trendReading(String what, List<Svg.Series> series, List<String> waves) {
        List<String> rose = new ArrayList<>();
        List<String> fell = new ArrayList<>();
        List<Svg.Series> groups = series.stream().filter(x -> !x.name().equals("all residents")).toList();
        int last = waves.size() - 1;
        for (Svg.Series x : groups) {
            (x.points().get(last).value() > x.points().get(0).value() ? rose : fell).add(x.name());
        }
        String span = " from " + waves.get(0) + " to " + waves.get(last);
        String change = fell.isEmpty() ? "The " + what + " estimate rose" + span + " in every group"
                : rose.isEmpty() ? "The " + what + " estimate fell" + span + " in every group"
                : "The " + what + " estimate rose" + span + " among " + String.join(", ", rose) + " residents and fell among "
                        + String.join(", ", fell) + " residents";
        java.util.Set<String> lowest = new java.util.LinkedHashSet<>();
        for (int i = 0; i <= last; i++) {
            final int w = i;
            groups.stream().min(java.util.Comparator.comparingDouble(x -> x.points().get(w).value()))
                    .ifPresent(x -> lowest.add(x.name()));
        }
        String low = lowest.size() == 1 ? "; it was lowest among " + lowest.iterator().next() + " residents in every wave"
                : "; the lowest group changed between waves (" + String.join(", ", lowest) + ")";
        return change + low + ". Overlapping intervals mean a difference may be chance.";
    }

    /** What the event study shows, computed from its intervals. */
    static String eventReading(List<TrustReport.EventTime> study) {
        List<TrustReport.EventTime> pre = study.stream().filter(e -> !e.reference() && e.eventTime() < 0).toList();
        List<TrustReport.EventTime> post = study.stream().filter(e -> e.eventTime() >= 0).toList();
        boolean preFlat = pre.stream().allMatch(e -> e.lower() <= 1 && 1 <= e.upper());
        boolean postBelow = !post.isEmpty() && post.stream().allMatch(e -> e.upper() < 1);
        String before = preFlat ? "Before adoption every year's interval includes 1 (no sign of a pre-trend)"
                : "Before adoption the ratios stay close to 1, but not every interval includes 1: read the years together, "
                        + "since among several years one interval can miss 1 by chance";
        String after = postBelow ? "from the year of adoption on, every year is below 1: fewer crimes than in comparison areas"
                : "after adoption not every year is below 1";
        return before + "; " + after + ".";
    }

    /** Builds a chart's two drawings. */
    /** A chart of one figure by race over the survey waves, from 0 to {@code max}, ticks at quarters. */
    private static Svg.Chart waveChart(String id, String title, String subtitle, String what, String descPrefix,
            List<Svg.Series> series, List<String> waves, double max, String yLabel) {
        String desc = descPrefix + summary(series, waves);
        return chart(id, title, subtitle, trendReading(what, series, waves), desc,
                lay -> Svg.lines(id, title, desc, lay, waves, series, 0, max,
                        new double[] {0, max / 4, max / 2, 3 * max / 4, max}, yLabel, "survey wave", Double.NaN),
                Svg.legend(series));
    }

    private static Svg.Chart chart(String id, String title, String subtitle, String reading, String desc,
                                   java.util.function.Function<Svg.Layout, String> draw, List<Svg.LegendItem> legend) {
        return new Svg.Chart(id, title, subtitle, reading, List.of(draw.apply(Svg.Layout.WIDE), draw.apply(Svg.Layout.NARROW)),
                legend);
    }

    /** The methods list: each item a bold term and text, with citations ("Name 2006") marked as {@code <cite>}. */
    private static String methods(List<String[]> items) {
        StringBuilder sb = new StringBuilder("<ul class='methods'>");
        for (String[] it : items) {
            sb.append("<li><strong>").append(Svg.esc(it[0])).append("</strong> ")
                    .append(CITATION.matcher(Svg.esc(it[1])).replaceAll("<cite>$0</cite>")).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    /** "Grogger and Ridgeway (2006)", "Pierson et al. 2020", "Spiegelhalter 2005". */
    private static final java.util.regex.Pattern CITATION = java.util.regex.Pattern.compile(
            "[A-Z][a-z]+(?: and [A-Z][a-z]+| et al\\.)? \\(?(?:19|20)\\d\\d\\)?");

    private static String dd(String term, String text) {
        return "<dt>" + Svg.esc(term) + "</dt><dd>" + HtmlReport.prose(text) + "</dd>";
    }

    /** "2 years, 2015-2016" (or "18 months, ..." when not whole years). */
    static String periodWords(TrustReport.Period p) {
        String span = p.months() % 12 == 0 ? (p.months() / 12 == 1 ? "1 year" : p.months() / 12 + " years") : p.months() + " months";
        return span + ", " + p.label();
    }

    private static Svg.Point point(TrustReport.Figure f) {
        return new Svg.Point(f.estimate(), f.lower(), f.upper());
    }

    private static List<Svg.Series> series(Map<String, List<Svg.Point>> points, int n) {
        List<Svg.Series> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Svg.Point>> e : points.entrySet()) {
            if (e.getValue().size() == n) {
                out.add(new Svg.Series(e.getKey(), Svg.style(i++), e.getValue()));
            }
        }
        return out;
    }

    private static String summary(List<Svg.Series> series, List<String> waves) {
        StringBuilder sb = new StringBuilder();
        for (Svg.Series s : series) {
            sb.append(sb.length() == 0 ? "" : "; ").append(s.name());
            for (int i = 0; i < waves.size(); i++) {
                sb.append(i == 0 ? " " : ", ").append(waves.get(i)).append(' ').append(f3(s.points().get(i).value()));
            }
        }
        return sb.toString();
    }

    private static TrustReport.DisparityFigure city(TrustReport r, String group) {
        return r.disparity().stream().filter(d -> d.beat().equals("all") && d.group().equals(group)).findFirst().orElseThrow();
    }

    private static TrustReport.RateFigure rate(List<TrustReport.RateFigure> rates, String group) {
        return rates.stream().filter(x -> x.group().equals(group)).findFirst().orElseThrow();
    }

    private static String joined(List<Long> xs) {
        return xs.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    private static TextTable disparityHtml(List<TrustReport.DisparityFigure> rows, String beat, TrustReport.Period p) {
        TextTable t = new TextTable("race", "stops", "residents", "per 1,000 over " + p.label(), "per 1,000 a year",
                "rate ratio", "95% CI", "searched", "hit rate", "95% CI (Wilson)", "hit-rate ratio");
        for (TrustReport.DisparityFigure d : rows) {
            if (d.beat().equals(beat)) {
                boolean ref = d.group().equals("white");
                boolean unknown = d.group().equals("unknown");
                String why = ref ? "reference" : unknown ? "excluded" : null;
                t.row(d.group(), d.stops(), unknown ? "-" : d.residents(), unknown ? "-" : f1(d.stopsPer1000()),
                        unknown ? "-" : f1(d.stopsPer1000PerYear()), why != null ? why : f2(d.stopRateRatio()),
                        why != null ? "" : "[" + f2(d.stopRateRatioLower()) + ", " + f2(d.stopRateRatioUpper()) + "]",
                        f3(d.searchRate()), f3(d.hitRate()), "[" + f3(d.hitRateLower()) + ", " + f3(d.hitRateUpper()) + "]",
                        why != null ? why : f2(d.hitRateRatio()));
            }
        }
        return t;
    }

    private static TextTable byBeatHtml(List<TrustReport.DisparityFigure> rows) {
        TextTable t = new TextTable("beat", "stops", "per 1,000", "rate ratio", "95% CI", "hit rate", "95% CI (Wilson)");
        for (TrustReport.DisparityFigure d : rows) {
            if (!d.beat().equals("all") && d.group().equals("black")) {
                t.row(d.beat(), d.stops(), f1(d.stopsPer1000()), f2(d.stopRateRatio()),
                        "[" + f2(d.stopRateRatioLower()) + ", " + f2(d.stopRateRatioUpper()) + "]", f3(d.hitRate()),
                        "[" + f3(d.hitRateLower()) + ", " + f3(d.hitRateUpper()) + "]");
            }
        }
        return t;
    }

    private static TextTable interventionHtml(TrustReport.Complaints c) {
        TextTable t = new TextTable("officer (pseudonym)", "complaints", "expected", "observed / expected", "p",
                "p (BH-adjusted)");
        for (TrustReport.Flag f : c.earlyIntervention().flagged()) {
            t.row(f.officer(), f.complaints(), f1(f.expected()), f1(f.ratio()), pv(f.pValue()), pv(f.adjusted()));
        }
        return t;
    }

    /** A p-value for readers: four decimals from 0.0001, then 1.2e-11, and below 1e-15 "< 1e-15". */
    static String pv(double p) {
        if (Double.isNaN(p)) {
            return "not defined";
        }
        if (p < 1e-15) {
            return "< 1e-15";
        }
        return p(p);
    }

    /** "p = 0.0012", "p = 4.2e-11", or "p < 1e-15". */
    static String pEq(double p) {
        String v = pv(p);
        return v.startsWith("<") ? "p " + v : "p = " + v;
    }

    /** A share as a percentage with one decimal, without the sign: 0.557 gives 55.7. */
    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.1f", 100 * x);
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String f1(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    private static String f2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String f3(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}
