package io.github.peelmetrics.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.peelmetrics.io.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTML report rendered by a real browser (headless Chromium, from the operating system's
 * packages) on a desktop (1280 CSS pixels) and a phone (390): no horizontal scrolling of the page,
 * every chart, its text and its legend inside the viewport, no text overflowing its box, numbers
 * unbroken. Screenshots are kept in {@code target/screenshots/} for review; the two README images
 * are written to {@code docs/img/} (only when they changed).
 *
 * <p>Without Chromium the test is skipped with a message, except on CI ({@code CI=true}), where it
 * fails: the report must be checked there.
 */
class ReportBrowserTest {

    /** The two screens. */
    enum Screen {
        DESKTOP(1280, 900, 1, false, "report-desktop"),
        PHONE(390, 844, 2, true, "report-phone");

        final int width;
        final int height;
        final double scale;
        final boolean mobile;
        final String name;

        Screen(int width, int height, double scale, boolean mobile, String name) {
            this.width = width;
            this.height = height;
            this.scale = scale;
            this.mobile = mobile;
            this.name = name;
        }
    }

    private static Path report;
    private static Chromium browser;
    private static String missing;

    /** Skips (with the reason, so the build's test report shows it) when there is no browser. */
    private static void needBrowser() {
        Assumptions.assumeTrue(browser != null, () -> missing);
    }

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = Chromium.find();
        if (binary.isEmpty()) {
            String why = "no chromium on the PATH (nor $PEEL_CHROMIUM): the report's browser tests need it "
                    + "(Debian: apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; on CI they must run");
            }
            missing = why + "; skipped locally";
            System.err.println("ReportBrowserTest: " + missing);
            return;
        }
        Path dir = Path.of("target", "peel-report-browser");
        TrustReport r = TrustReport.of(SampleCityData.load());
        report = Quickstart.write(dir.resolve("report.html"), Quickstart.html(r));
        Quickstart.write(dir.resolve("report.json"), ResultJson.toPrettyJson(r));
        browser = Chromium.launch(binary.get());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Measures the rendered page; every problem found is one line of {@code problems}. */
    private static final String MEASURE = String.join("\n",
            "(() => {",
            "  const vw = document.documentElement.clientWidth;",
            "  const out = {viewport: vw, innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,",
            "    bodyScrollWidth: document.body.scrollWidth, height: document.documentElement.scrollHeight,",
            "    charts: [], legends: 0, numbers: 0, problems: []};",
            "  const shown = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };",
            "  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' \"' + (e.textContent || '').trim().slice(0, 50) + '\"';",
            "  const outside = b => b.left < -0.5 || b.right > vw + 0.5;",
            "  document.querySelectorAll('svg.chart').forEach(s => {",
            "    if (!shown(s)) return;",
            "    const b = s.getBoundingClientRect();",
            "    out.charts.push({id: s.id, left: b.left, right: b.right, top: b.top + window.scrollY, width: b.width, height: b.height});",
            "    if (outside(b)) out.problems.push('chart ' + s.id + ' outside the viewport: ' + b.left + '..' + b.right);",
            "    if (!s.getAttribute('viewBox') || s.getAttribute('width') !== '100%') out.problems.push('chart ' + s.id + ' is not responsive');",
            "    s.querySelectorAll('text').forEach(t => {",
            "      const tb = t.getBoundingClientRect();",
            "      if (tb.left < b.left - 0.5 || tb.right > b.right + 0.5 || tb.top < b.top - 0.5 || tb.bottom > b.bottom + 0.5)",
            "        out.problems.push('text ' + name(t) + ' outside its chart ' + s.id);",
            "      const px = parseFloat(getComputedStyle(t).fontSize) * b.width / s.viewBox.baseVal.width;",
            "      if (px < 9.5) out.problems.push('text ' + name(t) + ' of ' + s.id + ' is drawn at ' + px.toFixed(1) + ' px');",
            "    });",
            "  });",
            "  document.querySelectorAll('ul.legend').forEach(l => {",
            "    if (!shown(l)) return;",
            "    out.legends++;",
            "    if (outside(l.getBoundingClientRect())) out.problems.push('legend ' + name(l) + ' outside the viewport');",
            "    l.querySelectorAll('li').forEach(li => { if (outside(li.getBoundingClientRect()))",
            "      out.problems.push('legend entry ' + name(li) + ' outside the viewport'); });",
            "  });",
            "  document.querySelectorAll('body *').forEach(e => {",
            "    if (!shown(e) || e.closest('svg')) return;",
            "    const cs = getComputedStyle(e);",
            "    const scroller = e.closest('.table-wrap, pre');",
            "    if (cs.display !== 'inline' && !e.matches('.table-wrap, pre') && e.scrollWidth > e.clientWidth + 1)",
            "      out.problems.push(name(e) + ' overflows its box: ' + e.scrollWidth + ' > ' + e.clientWidth);",
            "    if (!scroller && outside(e.getBoundingClientRect()))",
            "      out.problems.push(name(e) + ' reaches outside the viewport: ' + e.getBoundingClientRect().right);",
            "  });",
            "  document.querySelectorAll('.table-wrap, pre').forEach(w => { if (outside(w.getBoundingClientRect()))",
            "    out.problems.push('scroll box ' + name(w) + ' outside the viewport'); });",
            "  document.querySelectorAll('.num').forEach(n => { out.numbers++; if (n.getClientRects().length > 1)",
            "    out.problems.push('number ' + name(n) + ' breaks across lines'); });",
            "  const at = sel => { const e = document.querySelector(sel); const b = e.getBoundingClientRect();",
            "    return {top: b.top + window.scrollY, bottom: b.bottom + window.scrollY}; };",
            "  out.stops = at('#stops'); out.approval = at('#chart-approval'); out.beats = at('#chart-beats');",
            "  return JSON.stringify(out);",
            "})()");

    /** The checks themselves: the old report's faults (fixed-width chart, no viewport tag, a long unbroken line) are found. */
    @Test
    void theChecksFindWhatTheOldReportGotWrong() throws Exception {
        needBrowser();
        Path page = Quickstart.write(Path.of("target", "peel-report-browser", "broken.html"), "<!DOCTYPE html><html lang='en'>"
                + "<head><meta charset='utf-8'><title>t</title></head><body><p style='white-space:nowrap'>" + "2.9e-41 ".repeat(60)
                + "</p><figure><svg class='chart' id='old' xmlns='http://www.w3.org/2000/svg' viewBox='0 0 700 100' width='700' "
                + "height='100'><text x='690' y='50'>legend</text></svg></figure>"
                + "<ul class='legend'><li style='margin-left:1100px;white-space:nowrap'>white</li></ul></body></html>");
        browser.viewport(Screen.PHONE.width, Screen.PHONE.height, Screen.PHONE.scale, true);
        browser.open(page.toAbsolutePath().toUri().toString());
        JsonNode m = new ObjectMapper().readTree(browser.evaluate(MEASURE.replace(
                "out.stops = at('#stops'); out.approval = at('#chart-approval'); out.beats = at('#chart-beats');", "")).asText());
        assertTrue(m.get("viewport").asInt() > Screen.PHONE.width, "without the meta tag a phone lays the page out at 980 px: " + m);
        String problems = m.get("problems").toString();
        assertTrue(problems.contains("chart old outside the viewport") || problems.contains("chart old is not responsive"), problems);
        assertTrue(problems.contains("overflows its box"), problems);
        assertTrue(problems.contains("legend entry"), problems);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theReportFitsTheScreenAndEveryChartAndLegendIsInside(Screen screen) throws Exception {
        needBrowser();
        browser.viewport(screen.width, screen.height, screen.scale, screen.mobile);
        browser.open(report.toAbsolutePath().toUri().toString());
        JsonNode m = new ObjectMapper().readTree(browser.evaluate(MEASURE).asText());
        String context = screen + " " + m.toString().substring(0, Math.min(400, m.toString().length()));
        assertEquals(screen.width, m.get("viewport").asInt(), "the viewport meta tag makes the layout viewport the screen: " + context);
        assertTrue(m.get("scrollWidth").asInt() <= m.get("viewport").asInt(), "no horizontal scrolling: " + context);
        assertTrue(m.get("bodyScrollWidth").asInt() <= m.get("viewport").asInt(), "no horizontal scrolling: " + context);
        assertEquals(7, m.get("charts").size(), "one drawing of each chart shown: " + context);
        for (JsonNode c : m.get("charts")) {
            assertTrue(c.get("id").asText().endsWith(screen == Screen.PHONE ? "-n" : "-w"), "the drawing for the screen: " + c);
        }
        assertTrue(m.get("legends").asInt() >= 4, context);
        assertTrue(m.get("numbers").asInt() > 10, context);
        List<String> problems = new ArrayList<>();
        m.get("problems").forEach(p -> problems.add(p.asText()));
        assertEquals(List.of(), problems, screen + ": " + problems.size() + " problems");

        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        double height = m.get("height").asDouble();
        Files.write(shots.resolve(screen.name + "-full.png"), browser.screenshot(0, 0, screen.width, height, 1));
        // the README images: on the desktop the stops section (heading, caveat, table, the beat chart's top),
        // on the phone the approval chart with its caption, legend and reading
        byte[] png = screen == Screen.DESKTOP
                ? browser.screenshot(0, m.at("/stops/top").asDouble() - 16, screen.width, 1000, 1)
                : browser.screenshot(0, m.at("/approval/top").asDouble() - 12, screen.width,
                        m.at("/approval/bottom").asDouble() - m.at("/approval/top").asDouble() + 24, 1);
        Files.write(shots.resolve(screen.name + ".png"), png);
        Path docs = Path.of("..", "docs");
        if (Files.isDirectory(docs) && Files.exists(Path.of("..", "pom.xml"))) {
            Path img = Files.createDirectories(docs.resolve("img")).resolve(screen.name + ".png");
            if (!Files.exists(img) || !Arrays.equals(Files.readAllBytes(img), png)) {
                Files.write(img, png);
            }
        }
    }
}
