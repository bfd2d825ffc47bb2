package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.io.ResultJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON written beside the HTML report holds every figure the page shows: each number in the
 * page's text (prose, tables, chart titles, descriptions and tooltips) is a figure of the JSON as
 * printed (rounded to the digits shown, as a percentage, or verbatim in one of its strings), or is
 * one of the {@link #NOT_FIGURES} listed with the reason it is not a figure. Also the report's
 * structure: accessible charts, headed tables, no network.
 */
class ReportFiguresTest {

    /** Numbers on the page that are not figures of the report, each with why. */
    static final Map<String, String> NOT_FIGURES = Map.of(
            "1,000", "the unit of stop rates (per 1,000 residents)",
            "1e-15", "the threshold below which p-values are printed as < 1e-15",
            "100", "the top of the trust index's scale (0-100) and of the yearly-figure explanation",
            "50", "OPP's rule: at least 50 searches of each group in a district",
            "5%", "the early intervention list's false discovery rate, a setting");

    /** A number as printed: thousands separators, decimals, scientific notation, a percent sign. */
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.])[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:e[-+]?\\d+)?%?");

    private static String html;
    private static JsonNode json;

    @BeforeAll
    static void render() throws Exception {
        TrustReport r = TrustReport.of(SampleCityData.load());
        html = Quickstart.html(r);
        json = new ObjectMapper().readTree(ResultJson.toPrettyJson(r));
    }

    /**
     * The page's text without its style sheet, the reference list and citations (authors and years), the
     * axis tick labels (scales, not figures) and legend swatches.
     */
    static String pageText(String html) {
        String t = html.replaceAll("(?s)<style>.*?</style>", " ")
                .replaceAll("(?s)<ol class='refs'>.*?</ol>", " ")
                .replaceAll("(?s)<cite>.*?</cite>", " ")
                .replaceAll("(?s)<text [^>]*class='tick'[^>]*>.*?</text>", " ")
                .replaceAll("(?s)<svg class='swatch'.*?</svg>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return t.replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }

    @Test
    void everyNumberOnThePageIsAFigureOfTheJson() {
        List<Double> values = new ArrayList<>();
        Set<String> verbatim = new HashSet<>();
        collect(json, values, verbatim);
        Map<String, String> missing = new LinkedHashMap<>();
        Set<String> excepted = new TreeSet<>();
        String text = pageText(html);
        Matcher m = NUMBER.matcher(text);
        int checked = 0;
        while (m.find()) {
            String token = m.group();
            checked++;
            if (NOT_FIGURES.containsKey(token)) {
                excepted.add(token);
                continue;
            }
            if (!verbatim.contains(token) && !printedFrom(token, values)) {
                int at = m.start();
                missing.putIfAbsent(token, text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40))
                        .replaceAll("\\s+", " "));
            }
        }
        assertTrue(checked > 500, "numbers checked: " + checked);
        assertEquals(Map.of(), missing, "numbers on the page that are not in the JSON (token = context)");
        assertEquals(NOT_FIGURES.keySet(), excepted, "every listed exception still occurs on the page");
    }

    /** Numeric leaves as values; every number inside a string leaf (and the field values as text) verbatim. */
    private static void collect(JsonNode n, List<Double> values, Set<String> verbatim) {
        if (n.isNumber()) {
            values.add(n.asDouble());
            verbatim.add(n.asText());
        } else if (n.isTextual()) {
            Matcher m = NUMBER.matcher(n.asText());
            while (m.find()) {
                verbatim.add(m.group());
            }
        } else {
            n.fieldNames().forEachRemaining(f -> {
                Matcher m = NUMBER.matcher(f);
                while (m.find()) {
                    verbatim.add(m.group());
                }
            });
            n.elements().forEachRemaining(e -> collect(e, values, verbatim));
        }
    }

    /**
     * Whether a printed token is some JSON value printed: with the token's decimals (or its
     * scientific mantissa's), its sign, as a share times 100, or (an integer) exactly.
     */
    static boolean printedFrom(String token, List<Double> values) {
        String core = token.replace(",", "");
        if (core.endsWith("%")) {
            core = core.substring(0, core.length() - 1);
        }
        boolean plus = core.startsWith("+");
        if (plus) {
            core = core.substring(1);
        }
        int e = core.indexOf('e');
        String mantissa = e < 0 ? core : core.substring(0, e);
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        String format = "%" + (plus ? "+" : "") + "." + decimals + (e < 0 ? "f" : "e");
        String wanted = (plus ? "+" : "") + core;
        double parsed = Double.parseDouble(core);
        for (double v : values) {
            if (e < 0 && decimals == 0 && !token.endsWith("%")) {
                if (v == parsed) {
                    return true;
                }
                continue;
            }
            for (double x : new double[] {v, 100 * v}) {
                if (String.format(Locale.ROOT, format, x).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theMatcherReadsNumbersAsPrinted() {
        assertTrue(printedFrom("632.8", List.of(632.8312)));
        assertFalse(printedFrom("632.8", List.of(632.86)));
        assertTrue(printedFrom("55.7%", List.of(0.5571)));
        assertTrue(printedFrom("+0.110", List.of(0.1104)));
        assertTrue(printedFrom("4.2e-11", List.of(4.21e-11)));
        assertTrue(printedFrom("24", List.of(24.0)));
        assertFalse(printedFrom("24", List.of(24.2)));
        List<String> tokens = new ArrayList<>();
        Matcher m = NUMBER.matcher("B01 2015-2016, 142,000 stops; p = 4.2e-11, 55.7% [0.790, 0.908] -1 O001 0-100 +0.110.");
        while (m.find()) {
            tokens.add(m.group());
        }
        assertEquals(List.of("2015", "2016", "142,000", "4.2e-11", "55.7%", "0.790", "0.908", "-1", "0", "100", "+0.110"), tokens);
    }

    @Test
    void theReportIsAccessibleAndSelfContained() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang='en'>"), "a language");
        assertTrue(html.contains("<meta name='viewport' content='width=device-width, initial-scale=1'>"), "a viewport meta tag");
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("http://www.w3.org/1999")
                || html.matches("(?s).*href='(?!#).*"), "self-contained, no network, no scripts");
        Matcher svg = Pattern.compile("<svg xmlns[^>]*>").matcher(html);
        int charts = 0;
        Set<String> ids = new LinkedHashSet<>();
        while (svg.find()) {
            String tag = svg.group();
            charts++;
            assertTrue(tag.contains("role='img'") && tag.contains("viewBox='0 0 ") && tag.contains("width='100%'"), tag);
            Matcher id = Pattern.compile("id='([^']+)'").matcher(tag);
            assertTrue(id.find(), tag);
            assertTrue(ids.add(id.group(1)), "unique ids: " + id.group(1));
            assertTrue(tag.contains("aria-labelledby='" + id.group(1) + "-t " + id.group(1) + "-d'"), tag);
            String after = html.substring(svg.end());
            assertTrue(after.startsWith("<title id='" + id.group(1) + "-t'>"), "a title first: " + id.group(1));
            assertTrue(after.contains("<desc id='" + id.group(1) + "-d'>"), "a description: " + id.group(1));
        }
        assertEquals(14, charts, "seven charts, each drawn for a wide and a narrow screen");
        assertFalse(html.contains("<th>"), "every header cell has a scope");
        assertFalse(Pattern.compile("width='(700|640)'").matcher(html).find(), "no fixed chart widths");
        assertFalse(html.contains("e-319") || html.contains("e-20") && !html.contains("< 1e-15"), "tiny p-values as < 1e-15");
        for (String section : List.of("how-to-read", "survey", "stops", "outcome", "veil", "complaints", "beats", "evaluation",
                "methods")) {
            assertTrue(html.contains("<h2 id='" + section + "'>"), section);
        }
        for (String cited : List.of("Grogger", "Pierson", "Spiegelhalter", "Lumley", "Deville", "Okabe")) {
            assertTrue(html.contains(cited), cited);
        }
        assertTrue(pageText(html).contains("not recorded: the stop records do not say whether the person was frisked"),
                "the frisk yield is absent, never 0");
    }
}
