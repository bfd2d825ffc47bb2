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

/**
 * The main example: a community trust report for the bundled sample city.
 *
 * <p>Reads the sample files through {@code io}, rakes each survey wave to the census margins,
 * reports approval and the trust index by race with intervals, tests the trend and the first-to-last
 * change, builds the stop disparity table by race and beat with the outcome test, runs the veil of
 * darkness test, and writes a JSON report and a self-contained HTML report with SVG charts.
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

    static String html(TrustReport r) {
        HtmlReport h = new HtmlReport("Community trust report: the sample city");
        h.paragraph("Synthetic data bundled with Peel. Every figure was computed with Peel's public API; "
                + "intervals are 95% (logit for approval, Wald for the trust index, Poisson Wald for stop rate "
                + "ratios, Katz log for the other ratios). "
                + "Unknown race counts in totals and is excluded from ratios.");
        h.heading("Approval by race over the survey waves");
        List<String> waves = new ArrayList<>();
        Map<String, List<Svg.Point>> series = new LinkedHashMap<>();
        for (TrustReport.Wave w : r.waves()) {
            waves.add(w.wave());
            for (TrustReport.Figure f : w.approvalByRace()) {
                series.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(new Svg.Point(f.estimate(), f.lower(), f.upper()));
            }
            series.computeIfAbsent("all", k -> new ArrayList<>())
                    .add(new Svg.Point(w.approval().estimate(), w.approval().lower(), w.approval().upper()));
        }
        List<Svg.Series> lines = new ArrayList<>();
        series.forEach((k, v) -> {
            if (v.size() == waves.size()) {
                lines.add(new Svg.Series(k, v));
            }
        });
        h.svg(Svg.lines("Approval of the police by race (raked, 95% CI)", waves, lines, 0, 1, "share approving"));
        for (TrustReport.Wave w : r.waves()) {
            h.paragraph("Wave " + w.wave() + ": " + w.respondents() + " respondents; " + w.raking());
            h.table(figureTable("race", "approve", w.approval(), w.approvalByRace()));
            h.table(figureTable("race", "trust 0-100", w.trust(), w.trustByRace()));
        }
        TrustReport.Trend t = r.trend();
        h.paragraph(String.format(Locale.ROOT, "Trend: Cochran-Armitage z = %.3f, p = %s. Change %s to %s: %+.3f "
                        + "[%+.3f, %+.3f], p = %s.", t.cochranArmitageZ(), p(t.cochranArmitageP()), t.firstWave(), t.lastWave(),
                t.change(), t.changeLower(), t.changeUpper(), p(t.changeP())));
        h.heading("Stops against residents");
        h.table(disparityTable(r.disparity(), "all"));
        List<Svg.Bar> bars = new ArrayList<>();
        for (TrustReport.DisparityFigure d : r.disparity()) {
            if (!d.beat().equals("all") && !d.group().equals("white") && Double.isFinite(d.stopRateRatio())) {
                bars.add(new Svg.Bar(d.beat() + " " + d.group(), d.stopRateRatio(), d.stopRateRatioLower(), d.stopRateRatioUpper()));
            }
        }
        h.svg(Svg.ratioBars("Stop rate ratio vs white residents, by beat (log scale, 95% CI)", bars, "rate ratio"));
        TrustReport.Darkness v = r.veilOfDarkness();
        h.heading("Veil of darkness");
        h.paragraph(String.format(Locale.ROOT, "Odds that a stopped driver is %s, dark vs light, at the same clock time: "
                        + "%.3f [%.3f, %.3f], p = %s (%d stops in the inter-twilight window; %d excluded).", v.minority(),
                v.oddsRatio(), v.oddsRatioLower(), v.oddsRatioUpper(), p(v.pValue()), v.used(), v.excluded()));
        TrustReport.Complaints c = r.complaints();
        h.heading("Complaints and early intervention");
        h.paragraph(String.format(Locale.ROOT, "%d complaints against %d officers: %.1f per 100 officers, %.2f per 1,000 "
                        + "stops; sustained rate %.3f [%.3f, %.3f]; median %.0f days to close.", c.complaints(), c.officers(),
                c.per100Officers(), c.per1000Contacts(), c.sustainedRate(), c.sustainedLower(), c.sustainedUpper(),
                c.medianDaysToClose()));
        TrustReport.EarlyInterventionSummary ei = c.earlyIntervention();
        h.paragraph("Early intervention list, complaints per shift worked, 5% false discovery rate: " + ei.modelReason()
                + ". Each circle is an officer (unnamed); flagged officers are red diamonds.");
        List<Svg.FunnelPoint> dots = new ArrayList<>();
        for (TrustReport.FunnelDot d : ei.funnel()) {
            dots.add(new Svg.FunnelPoint(d.expected(), d.ratio(), d.flagged()));
        }
        List<Svg.FunnelLimits> limits = new ArrayList<>();
        for (TrustReport.FunnelCurve curve : ei.limits()) {
            limits.add(new Svg.FunnelLimits(curve.name(), unbox(curve.expected()), unbox(curve.lower()), unbox(curve.upper())));
        }
        h.svg(Svg.funnel("Complaints per shift against peers (" + ei.model().replace('_', ' ') + ")", dots, limits,
                "expected complaints", "observed / expected"));
        h.table(interventionTable(c));
        h.heading("Beats");
        TrustReport.Beats b = r.beats();
        h.paragraph(String.format(Locale.ROOT, "%.1f%% of officers' shifts are on their primary beat; %.1f%% of stops "
                + "ended with no action or a warning.", 100 * b.pooledPrimaryBeatShare(), 100 * b.nonEnforcementShare()));
        h.table(coverageTable(b));
        h.table(representationTable(b));
        return h.render();
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
