package io.github.peelmetrics.examples;

import java.util.List;

/** Builds a self-contained HTML report (inline CSS and SVG; opens in any browser with no network). */
final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    HtmlReport(String title) {
        this.title = title;
    }

    HtmlReport heading(String text) {
        body.append("<h2>").append(Svg.esc(text)).append("</h2>\n");
        return this;
    }

    HtmlReport paragraph(String text) {
        body.append("<p>").append(Svg.esc(text)).append("</p>\n");
        return this;
    }

    HtmlReport table(TextTable t) {
        body.append("<table>\n<thead><tr>");
        for (String h : t.header()) {
            body.append("<th>").append(Svg.esc(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            body.append("<tr>");
            for (String c : r) {
                body.append("<td>").append(Svg.esc(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    HtmlReport svg(String svg) {
        body.append("<figure>").append(svg).append("</figure>\n");
        return this;
    }

    HtmlReport preformatted(String text) {
        body.append("<pre>").append(Svg.esc(text)).append("</pre>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>" + Svg.esc(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222;line-height:1.4}"
                + "table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px}"
                + "td{text-align:right}td:first-child{text-align:left}th{background:#f2f2f2}"
                + "figure{margin:1em 0}pre{background:#f7f7f7;padding:8px;overflow-x:auto}</style></head>\n<body>\n<h1>"
                + Svg.esc(title) + "</h1>\n" + body + "</body></html>\n";
    }
}
