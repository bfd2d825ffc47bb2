package io.github.peelmetrics.examples;

import java.util.List;

/**
 * Builds a self-contained, responsive HTML report (inline CSS and SVG; opens in any browser with no
 * network): a viewport meta tag, text that wraps, tables that scroll sideways inside their own box
 * on a narrow screen (the page itself never does), numbers that never break across lines, and
 * charts in two drawings of which CSS shows the one that fits (see {@link Svg}).
 */
final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private int tables;

    HtmlReport(String title) {
        this.title = title;
    }

    /** A section heading (h2) with an id for the table of contents. */
    HtmlReport heading(String id, String text) {
        body.append("<h2 id='").append(id).append("'>").append(Svg.esc(text)).append("</h2>\n");
        return this;
    }

    HtmlReport subheading(String text) {
        body.append("<h3>").append(Svg.esc(text)).append("</h3>\n");
        return this;
    }

    /**
     * Escapes prose and keeps numbers whole: a p-value in scientific notation ({@code 4.2e-11},
     * {@code p < 1e-15}), an interval ({@code [0.790, 0.908]}), a date and a span of years never
     * break across lines.
     */
    static String prose(String text) {
        return NUMBER.matcher(Svg.esc(text)).replaceAll("<span class='num'>$0</span>");
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(?:p )?(?:&lt; )?[-+]?\\d+(?:\\.\\d+)?e[-+]?\\d+|\\[[-+]?[\\d.]+%?, [-+]?[\\d.]+%?\\]|\\d{4}-\\d\\d-\\d\\d|\\d{4}-\\d{4}");

    HtmlReport paragraph(String text) {
        body.append("<p>").append(prose(text)).append("</p>\n");
        return this;
    }

    /** A paragraph that starts with a bold lead-in ("Reading:", "Caveat:"). */
    HtmlReport lead(String lead, String text) {
        body.append("<p><strong>").append(Svg.esc(lead)).append("</strong> ").append(prose(text)).append("</p>\n");
        return this;
    }

    /** A bulleted list, each item an optional bold term then text. */
    HtmlReport list(String cls, List<String[]> items) {
        body.append("<ul class='").append(cls).append("'>\n");
        for (String[] it : items) {
            body.append("<li>");
            if (it.length > 1 && !it[0].isEmpty()) {
                body.append("<strong>").append(Svg.esc(it[0])).append("</strong> ");
            }
            body.append(prose(it[it.length - 1])).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** Raw, already escaped HTML. */
    HtmlReport raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    /**
     * A table with a title (above its box, so it wraps on a phone; the table and its box are labelled
     * by it), column headers ({@code scope="col"}) and row headers (the first cell,
     * {@code scope="row"}), inside a box that scrolls sideways when the table is wider than the screen.
     */
    HtmlReport table(String caption, TextTable t) {
        tables++;
        String id = "table-" + tables;
        body.append("<p class='table-title' id='").append(id).append("'>").append(prose(caption)).append("</p>\n")
                .append("<div class='table-wrap' role='region' tabindex='0' aria-labelledby='").append(id).append("'>\n")
                .append("<table aria-labelledby='").append(id).append("'>\n<thead><tr>");
        for (String h : t.header()) {
            body.append("<th scope='col'>").append(Svg.esc(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            body.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                if (i == 0) {
                    body.append("<th scope='row'>").append(Svg.esc(r.get(i))).append("</th>");
                } else {
                    body.append("<td>").append(Svg.esc(r.get(i))).append("</td>");
                }
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** A chart: its title and subtitle as the caption, both drawings, the legend and the one-line reading. */
    HtmlReport figure(Svg.Chart c) {
        body.append("<figure id='").append(c.id()).append("' aria-labelledby='").append(c.id()).append("-cap'>\n<figcaption id='")
                .append(c.id()).append("-cap'><span class='chart-title'>").append(Svg.esc(c.title()))
                .append("</span> <span class='chart-sub'>").append(Svg.esc(c.subtitle())).append("</span></figcaption>\n");
        for (String d : c.drawings()) {
            body.append(d).append('\n');
        }
        if (!c.legend().isEmpty()) {
            body.append("<ul class='legend' aria-label='Legend'>");
            for (Svg.LegendItem it : c.legend()) {
                body.append("<li>").append(Svg.swatch(it.style())).append(Svg.esc(it.label())).append("</li>");
            }
            body.append("</ul>\n");
        }
        body.append("<p class='reading'><strong>Reading:</strong> ").append(prose(c.reading())).append("</p>\n</figure>\n");
        return this;
    }

    HtmlReport preformatted(String text) {
        body.append("<pre>").append(Svg.esc(text)).append("</pre>\n");
        return this;
    }

    static final String CSS = String.join("",
            "*,*::before,*::after{box-sizing:border-box}",
            "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;font-size:16px;line-height:1.5;",
            "color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:0 16px 48px;overflow-wrap:break-word}",
            "h1{font-size:1.6rem;line-height:1.25;margin:1.2rem 0 .5rem}",
            "h2{font-size:1.3rem;line-height:1.3;margin:2.2rem 0 .5rem;padding-top:.6rem;border-top:2px solid #1a1a1a}",
            "h3{font-size:1.08rem;margin:1.4rem 0 .4rem}",
            "p,li{max-width:46rem}",
            ".lede{font-size:1.05rem}",
            ".num{white-space:nowrap;font-variant-numeric:tabular-nums}",
            ".findings{padding-left:1.2rem}.findings li{margin:.35rem 0}",
            "nav ol{padding-left:1.2rem;columns:2 14rem;margin:.4rem 0}",
            "figure{margin:1.4rem 0;padding:0;max-width:720px}",
            "figcaption{margin-bottom:.4rem}.chart-title{font-weight:700;display:block}",
            ".chart-sub{color:#444;font-size:.92rem;display:block}",
            "svg.chart{display:block;width:100%;height:auto;max-width:720px;overflow:hidden}",
            "svg.chart text.tick{fill:#333}",
            "svg.chart-narrow{display:none}",
            "@media (max-width:560px){svg.chart-wide{display:none}svg.chart-narrow{display:block}body{font-size:15px}",
            "h1{font-size:1.35rem}h2{font-size:1.15rem}}",
            ".legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.92rem}",
            ".legend li{display:flex;align-items:center;gap:.35rem;max-width:100%}",
            ".swatch{flex:none}",
            ".reading{font-size:.95rem;background:#f3f3f3;border-left:4px solid #0072B2;padding:.4rem .6rem;margin:.4rem 0}",
            ".caveat{border-left:4px solid #D55E00;padding:.2rem .6rem}",
            ".table-wrap{max-width:100%;overflow-x:auto;margin:1rem 0;border:1px solid #ddd}",
            ".table-wrap:focus{outline:2px solid #0072B2}",
            "table{border-collapse:collapse;font-size:.88rem;font-variant-numeric:tabular-nums}",
            ".table-title{font-weight:600;margin:1.2rem 0 .3rem}.table-title+.table-wrap{margin-top:0}",
            "th,td{border-top:1px solid #ddd;padding:.25rem .55rem;white-space:nowrap}",
            "td{text-align:right}thead th{background:#eee;text-align:right;vertical-align:bottom;white-space:normal;min-width:4.5em}",
            "thead th:first-child,tbody th{text-align:left;font-weight:400}",
            "dt{font-weight:700;margin-top:.6rem}dd{margin:0 0 0 1rem;max-width:45rem}",
            ".refs li{margin:.3rem 0}",
            "pre{background:#f6f6f6;padding:8px;overflow-x:auto;max-width:100%}");

    String render() {
        return "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'>\n<title>" + Svg.esc(title) + "</title>\n"
                + "<style>" + CSS + "</style>\n</head>\n<body>\n<main>\n<h1>" + Svg.esc(title) + "</h1>\n" + body
                + "</main>\n</body>\n</html>\n";
    }
}
