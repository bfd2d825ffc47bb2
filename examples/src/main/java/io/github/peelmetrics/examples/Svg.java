package io.github.peelmetrics.examples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Self-contained, responsive, accessible SVG charts for the HTML report: no scripts, no fonts, no
 * network.
 *
 * <p>Every chart is drawn twice, for a {@link Layout#WIDE wide} and a {@link Layout#NARROW narrow}
 * screen; the page shows one of them by a CSS media query, and each scales to its container (a
 * {@code viewBox}, width 100%), so text stays near its drawn size on a desktop and on a phone. The
 * title, the axes' meaning, the legend and the reading are HTML around the chart (they wrap); the SVG
 * has {@code role="img"}, a {@code <title>} and a {@code <desc>} naming what it shows. Colours are
 * the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies), and every
 * series also has its own marker shape and dash pattern, so the chart reads in grey.
 */
final class Svg {
    private Svg() {}

    /** The two drawings of a chart: its width in SVG units (about CSS pixels) and font size. */
    enum Layout {
        /** For screens wider than 560 CSS pixels (drawn 720 wide, shown at most 720 wide). */
        WIDE(720, 14, "w"),
        /** For phones (drawn 360 wide: at 390 px a phone shows it at about its drawn size). */
        NARROW(360, 12, "n");

        final int width;
        final int font;
        final String suffix;

        Layout(int width, int font, String suffix) {
            this.width = width;
            this.font = font;
            this.suffix = suffix;
        }
    }

    /** One point of a series with its interval (NaN interval ends: no whisker; NaN value: no point). */
    record Point(double value, double lower, double upper) {}

    /** A named series of points, one per x label, drawn in {@code style}. */
    record Series(String name, Style style, List<Point> points) {}

    /** A row of a horizontal chart (ratio bars, interval dots). */
    record Bar(String label, double value, double lower, double upper) {}

    /** How a series is drawn: colour, dash pattern (empty: solid), marker shape. */
    record Style(String colour, String dash, Marker marker, double width) {}

    /** Marker shapes, distinct in grey. */
    enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS, NONE }

    /** A legend entry (HTML, below the chart, wraps on a phone). */
    record LegendItem(String label, Style style) {}

    /**
     * A chart ready for the page: its id, the HTML title and subtitle (axes, units, period), the
     * one-line reading, the two drawings and the legend.
     */
    record Chart(String id, String title, String subtitle, String reading, List<String> drawings, List<LegendItem> legend) {}

    /**
     * Okabe-Ito (Okabe and Ito 2008): black, blue, vermillion, bluish green, reddish purple, orange,
     * sky blue; each with its own dash and marker.
     */
    static final List<Style> STYLES = List.of(
            new Style("#000000", "", Marker.CIRCLE, 2.5),
            new Style("#0072B2", "", Marker.SQUARE, 2),
            new Style("#D55E00", "7 3", Marker.TRIANGLE, 2),
            new Style("#009E73", "2 3", Marker.DIAMOND, 2),
            new Style("#CC79A7", "9 3 2 3", Marker.TRIANGLE_DOWN, 2),
            new Style("#E69F00", "4 4", Marker.CROSS, 2),
            new Style("#56B4E9", "1 3", Marker.CIRCLE, 2));

    /** Style {@code i} of the palette. */
    static Style style(int i) {
        return STYLES.get(i % STYLES.size());
    }

    // ---------------------------------------------------------------- line charts

    /**
     * Lines with interval whiskers: x = numeric labels (years, event times) placed by value, y in
     * [yMin, yMax] with {@code yTicks}; an optional dashed reference line at {@code reference} (NaN: none).
     */
    static String lines(String id, String title, String desc, Layout lay, List<String> xLabels, List<Series> series,
                        double yMin, double yMax, double[] yTicks, String yLabel, String xLabel, double reference) {
        int height = lay == Layout.WIDE ? 330 : 280;
        int left = 52;
        int right = 14;
        int top = 14;
        int bottom = 46;
        double plotW = lay.width - left - right;
        double plotH = height - top - bottom;
        StringBuilder sb = open(id, lay, height, title, desc);
        yAxis(sb, left, top, plotW, plotH, yMin, yMax, yTicks, yLabel);
        double[] at = positions(xLabels);
        double pad = 14;
        double inner = plotW - 2 * pad;
        for (int i = 0; i < xLabels.size(); i++) {
            double x = left + pad + inner * at[i];
            sb.append(tick(x, top + plotH + 17, xLabels.get(i), "middle"));
        }
        sb.append(text(left + plotW / 2, height - 8, xLabel, "middle", ""));
        if (Double.isFinite(reference)) {
            double y = scale(reference, yMin, yMax, top, plotH);
            sb.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='#444' stroke-dasharray='3 3'/>", n(left), n(y),
                    n(left + plotW), n(y)));
        }
        double spread = lay == Layout.WIDE ? 5 : 3;
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            Style st = se.style();
            double offset = (s - (series.size() - 1) / 2.0) * spread; // keeps whiskers apart
            StringBuilder path = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < se.points().size() && i < xLabels.size(); i++) {
                Point p = se.points().get(i);
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                double x = left + pad + inner * at[i] + offset;
                double y = scale(p.value(), yMin, yMax, top, plotH);
                path.append(path.length() == 0 ? "M" : " L").append(n(x)).append(',').append(n(y));
                if (Double.isFinite(p.lower()) && Double.isFinite(p.upper()) && p.lower() != p.upper()) {
                    marks.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='%s' stroke-width='1.5'/>", n(x),
                            n(scale(p.lower(), yMin, yMax, top, plotH)), n(x), n(scale(p.upper(), yMin, yMax, top, plotH)),
                            st.colour()));
                }
                String tip = se.name() + " " + xLabels.get(i) + ": " + f3(p.value())
                        + (Double.isFinite(p.lower()) && p.lower() != p.upper() ? " [" + f3(p.lower()) + ", " + f3(p.upper()) + "]" : "");
                marks.append(marker(st, x, y, lay == Layout.WIDE ? 4.5 : 3.8, tip));
            }
            sb.append(f("<path d='%s' fill='none' stroke='%s' stroke-width='%s'%s/>", path, st.colour(), n(st.width()),
                    dash(st)));
            sb.append(marks);
        }
        return sb.append("</svg>").toString();
    }

    /** Where each x label sits in [0, 1]: by value when every label is a number (years), else evenly. */
    static double[] positions(List<String> labels) {
        int n = labels.size();
        double[] at = new double[n];
        try {
            double lo = Double.parseDouble(labels.get(0));
            double hi = Double.parseDouble(labels.get(n - 1));
            for (int i = 0; i < n; i++) {
                at[i] = hi == lo ? 0.5 : (Double.parseDouble(labels.get(i)) - lo) / (hi - lo);
            }
        } catch (NumberFormatException e) {
            for (int i = 0; i < n; i++) {
                at[i] = n == 1 ? 0.5 : (double) i / (n - 1);
            }
        }
        return at;
    }

    // ---------------------------------------------------------------- horizontal charts

    /**
     * Horizontal bars from 1 on a log scale with interval whiskers: bars above 1 in vermillion, below
     * in blue (and on opposite sides of the reference line, so the direction reads in grey). On the
     * narrow layout each row's label sits above its bar.
     */
    static String ratioBars(String id, String title, String desc, Layout lay, List<Bar> bars, String xLabel) {
        boolean above = lay == Layout.NARROW;
        int rowH = above ? 34 : 22;
        int left = above ? 12 : 190;
        int right = 18;
        int top = 10;
        int bottom = 44;
        int height = top + bottom + rowH * bars.size();
        double plotW = lay.width - left - right;
        double lo = 0.5;
        double hi = 2;
        for (Bar b : bars) {
            if (b.lower() > 0 && Double.isFinite(b.lower())) {
                lo = Math.min(lo, b.lower());
            }
            if (Double.isFinite(b.upper())) {
                hi = Math.max(hi, b.upper());
            }
        }
        lo = Math.pow(2, Math.floor(Math.log(lo) / Math.log(2)));
        hi = Math.pow(2, Math.ceil(Math.log(hi) / Math.log(2)));
        double llo = Math.log(lo);
        double lhi = Math.log(hi);
        StringBuilder sb = open(id, lay, height, title, desc);
        double x1 = left + plotW * (0 - llo) / (lhi - llo);
        for (double t = lo; t <= hi * 1.0001; t *= 2) {
            double x = left + plotW * (Math.log(t) - llo) / (lhi - llo);
            sb.append(f("<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#ddd'/>", n(x), top, n(x), height - bottom));
            sb.append(tick(x, height - bottom + 16, tickLabel(t), "middle"));
        }
        sb.append(f("<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#222' stroke-dasharray='4 3'/>", n(x1), top - 4, n(x1),
                height - bottom));
        sb.append(text(left + plotW / 2, height - 8, xLabel, "middle", ""));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + rowH * i + (above ? rowH - 9 : rowH / 2.0);
            if (above) {
                sb.append(text(left, y - 10, b.label(), "start", ""));
            } else {
                sb.append(text(left - 8, y + 4, b.label(), "end", ""));
            }
            if (!(b.value() > 0) || !Double.isFinite(b.value())) {
                sb.append(text(x1 + 4, y + 4, "not defined", "start", ""));
                continue;
            }
            double xv = left + plotW * (Math.log(b.value()) - llo) / (lhi - llo);
            String colour = b.value() >= 1 ? "#D55E00" : "#0072B2";
            sb.append(f("<rect x='%s' y='%s' width='%s' height='%d' fill='%s' fill-opacity='0.8'><title>%s: %s [%s, %s]</title></rect>",
                    n(Math.min(x1, xv)), n(y - 6), n(Math.max(1, Math.abs(xv - x1))), 12, colour, esc(b.label()),
                    f2(b.value()), f2(b.lower()), f2(b.upper())));
            if (b.lower() > 0 && Double.isFinite(b.upper())) {
                double xl = left + plotW * (Math.log(b.lower()) - llo) / (lhi - llo);
                double xu = left + plotW * (Math.log(b.upper()) - llo) / (lhi - llo);
                sb.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='#000' stroke-width='1.5'/>", n(xl), n(y), n(xu), n(y)));
                sb.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='#000' stroke-width='1.5'/>", n(xl), n(y - 4), n(xl), n(y + 4)));
                sb.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='#000' stroke-width='1.5'/>", n(xu), n(y - 4), n(xu), n(y + 4)));
            }
        }
        return sb.append("</svg>").toString();
    }

    /**
     * Dots with interval whiskers on a linear x scale in [xMin, xMax] with {@code ticks}; a dashed
     * reference line at {@code reference} (NaN: none). Row {@code i} is drawn in {@code styles.get(i)}.
     */
    static String intervalDots(String id, String title, String desc, Layout lay, List<Bar> rows, List<Style> styles,
                               double xMin, double xMax, double[] ticks, String xLabel, double reference) {
        boolean above = lay == Layout.NARROW;
        int rowH = above ? 38 : 30;
        int left = above ? 12 : 150;
        int right = 22;
        int top = 10;
        int bottom = 44;
        int height = top + bottom + rowH * rows.size();
        double plotW = lay.width - left - right;
        StringBuilder sb = open(id, lay, height, title, desc);
        for (double t : ticks) {
            double x = left + plotW * (t - xMin) / (xMax - xMin);
            sb.append(f("<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#ddd'/>", n(x), top, n(x), height - bottom));
            sb.append(tick(x, height - bottom + 16, tickLabel(t), "middle"));
        }
        if (Double.isFinite(reference)) {
            double x = left + plotW * (reference - xMin) / (xMax - xMin);
            sb.append(f("<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#222' stroke-dasharray='4 3'/>", n(x), top - 4, n(x),
                    height - bottom));
        }
        sb.append(text(left + plotW / 2, height - 8, xLabel, "middle", ""));
        for (int i = 0; i < rows.size(); i++) {
            Bar b = rows.get(i);
            Style st = styles.get(i % styles.size());
            double y = top + rowH * i + (above ? rowH - 10 : rowH / 2.0);
            if (above) {
                sb.append(text(left, y - 11, b.label(), "start", ""));
            } else {
                sb.append(text(left - 10, y + 4, b.label(), "end", ""));
            }
            double xl = left + plotW * (clamp(b.lower(), xMin, xMax) - xMin) / (xMax - xMin);
            double xu = left + plotW * (clamp(b.upper(), xMin, xMax) - xMin) / (xMax - xMin);
            double xv = left + plotW * (clamp(b.value(), xMin, xMax) - xMin) / (xMax - xMin);
            if (Double.isFinite(b.lower()) && Double.isFinite(b.upper())) {
                sb.append(f("<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='%s' stroke-width='2'/>", n(xl), n(y), n(xu), n(y), st.colour()));
            }
            sb.append(marker(st, xv, y, 5, b.label() + ": " + f3(b.value()) + " [" + f3(b.lower()) + ", " + f3(b.upper()) + "]"));
        }
        return sb.append("</svg>").toString();
    }

    // ---------------------------------------------------------------- funnel

    /** One unit of a funnel plot: its expected count (x), observed/expected (y), and whether it is flagged. */
    record FunnelPoint(double expected, double ratio, boolean flagged) {}

    /** A pair of control limits on the ratio scale at the expected counts {@code x}. */
    record FunnelLimits(String name, double[] x, double[] lower, double[] upper) {}

    /** The styles of the funnel's limits (by index), the flagged and the other units. */
    static final List<Style> FUNNEL_LIMITS = List.of(new Style("#0072B2", "7 3", Marker.NONE, 1.5),
            new Style("#009E73", "", Marker.NONE, 1.5), new Style("#CC79A7", "2 2", Marker.NONE, 1.5));
    static final Style FLAGGED = new Style("#D55E00", "", Marker.DIAMOND, 0);
    static final Style UNFLAGGED = new Style("#595959", "", Marker.CIRCLE, 0);

    /**
     * A funnel plot (Spiegelhalter 2005): every unit as a point at (expected, observed/expected), the
     * control limits as curves, flagged units as filled diamonds, the others as open circles. No labels
     * on points: the units stay unnamed (officers' ids never enter the chart).
     */
    static String funnel(String id, String title, String desc, Layout lay, List<FunnelPoint> points, List<FunnelLimits> limits,
                         String xLabel, String yLabel) {
        int height = lay == Layout.WIDE ? 380 : 320;
        int left = 52;
        int right = 14;
        int top = 14;
        int bottom = 46;
        double plotW = lay.width - left - right;
        double plotH = height - top - bottom;
        double xMax = 0;
        double yMax = 2;
        for (FunnelPoint p : points) {
            xMax = Math.max(xMax, p.expected());
            yMax = Math.max(yMax, p.ratio());
        }
        double[] xTicks = niceTicks(xMax <= 0 ? 1 : xMax * 1.05, lay == Layout.WIDE ? 6 : 4);
        xMax = xTicks[xTicks.length - 1];
        double[] yTicks = niceTicks(yMax * 1.05, 5);
        yMax = yTicks[yTicks.length - 1];
        StringBuilder sb = open(id, lay, height, title, desc);
        yAxis(sb, left, top, plotW, plotH, 0, yMax, yTicks, yLabel);
        for (double t : xTicks) {
            sb.append(tick(left + plotW * t / xMax, top + plotH + 17, tickLabel(t), "middle"));
        }
        sb.append(text(left + plotW / 2, height - 8, xLabel, "middle", ""));
        double oneY = scale(1, 0, yMax, top, plotH);
        sb.append(f("<line x1='%d' y1='%s' x2='%s' y2='%s' stroke='#222' stroke-dasharray='3 3'/>", left, n(oneY), n(left + plotW), n(oneY)));
        for (int c = 0; c < limits.size(); c++) {
            FunnelLimits l = limits.get(c);
            Style st = FUNNEL_LIMITS.get(c % FUNNEL_LIMITS.size());
            for (double[] curve : List.of(l.lower(), l.upper())) {
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < l.x().length; i++) {
                    if (!Double.isFinite(curve[i]) || l.x()[i] > xMax) {
                        continue;
                    }
                    double x = left + plotW * l.x()[i] / xMax;
                    double y = scale(curve[i], 0, yMax, top, plotH);
                    path.append(path.length() == 0 ? "M" : " L").append(n(x)).append(',').append(n(y));
                }
                sb.append(f("<path d='%s' fill='none' stroke='%s' stroke-width='%s'%s/>", path, st.colour(), n(st.width()), dash(st)));
            }
        }
        double r = lay == Layout.WIDE ? 3 : 2.5;
        for (FunnelPoint p : points) {
            if (!p.flagged()) {
                sb.append(marker(UNFLAGGED, left + plotW * p.expected() / xMax, scale(p.ratio(), 0, yMax, top, plotH), r,
                        f3(p.expected()) + " expected, ratio " + f3(p.ratio())));
            }
        }
        for (FunnelPoint p : points) {
            if (p.flagged()) {
                sb.append(marker(FLAGGED, left + plotW * p.expected() / xMax, scale(p.ratio(), 0, yMax, top, plotH), r * 2,
                        "flagged: " + f3(p.expected()) + " expected, ratio " + f3(p.ratio())));
            }
        }
        return sb.append("</svg>").toString();
    }

    // ---------------------------------------------------------------- pieces

    /** A legend swatch: a short line in the style's dash with its marker, for the HTML legend. */
    static String swatch(Style st) {
        StringBuilder sb = new StringBuilder("<svg class='swatch' width='34' height='16' viewBox='0 0 34 16' aria-hidden='true' focusable='false'>");
        if (st.width() > 0) {
            sb.append(f("<line x1='1' y1='8' x2='33' y2='8' stroke='%s' stroke-width='%s'%s/>", st.colour(), n(st.width()), dash(st)));
        }
        sb.append(marker(st, 17, 8, st.width() > 0 ? 4.5 : 5, null));
        return sb.append("</svg>").toString();
    }

    static String marker(Style st, double x, double y, double r, String tip) {
        String t = tip == null ? "" : "<title>" + esc(tip) + "</title>";
        String fill = st.colour();
        String common = f(" fill='%s' stroke='#000' stroke-width='0.6'", fill);
        switch (st.marker()) {
            case CIRCLE:
                if (st == UNFLAGGED) {
                    return f("<circle cx='%s' cy='%s' r='%s' fill='none' stroke='%s' stroke-width='1.2'>%s</circle>", n(x), n(y), n(r), fill, t);
                }
                return f("<circle cx='%s' cy='%s' r='%s'%s>%s</circle>", n(x), n(y), n(r), common, t);
            case SQUARE:
                return f("<rect x='%s' y='%s' width='%s' height='%s'%s>%s</rect>", n(x - r * 0.9), n(y - r * 0.9), n(1.8 * r), n(1.8 * r), common, t);
            case TRIANGLE:
                return f("<path d='M%s,%s L%s,%s L%s,%s Z'%s>%s</path>", n(x), n(y - r * 1.15), n(x + r * 1.1), n(y + r * 0.85),
                        n(x - r * 1.1), n(y + r * 0.85), common, t);
            case TRIANGLE_DOWN:
                return f("<path d='M%s,%s L%s,%s L%s,%s Z'%s>%s</path>", n(x), n(y + r * 1.15), n(x + r * 1.1), n(y - r * 0.85),
                        n(x - r * 1.1), n(y - r * 0.85), common, t);
            case DIAMOND:
                return f("<path d='M%s,%s L%s,%s L%s,%s L%s,%s Z'%s>%s</path>", n(x), n(y - r * 1.25), n(x + r), n(y), n(x), n(y + r * 1.25),
                        n(x - r), n(y), common, t);
            case CROSS:
                return f("<path d='M%s,%s L%s,%s M%s,%s L%s,%s' stroke='%s' stroke-width='2.5'>%s</path>", n(x - r), n(y - r), n(x + r), n(y + r),
                        n(x - r), n(y + r), n(x + r), n(y - r), fill, t);
            default:
                return "";
        }
    }

    private static String dash(Style st) {
        return st.dash().isEmpty() ? "" : " stroke-dasharray='" + st.dash() + "'";
    }

    private static StringBuilder open(String id, Layout lay, int height, String title, String desc) {
        String sid = id + "-" + lay.suffix;
        StringBuilder sb = new StringBuilder();
        sb.append(f("<svg xmlns='http://www.w3.org/2000/svg' class='chart chart-%s' id='%s' viewBox='0 0 %d %d' width='100%%' "
                        + "preserveAspectRatio='xMinYMin meet' role='img' aria-labelledby='%s-t %s-d' font-family='sans-serif' "
                        + "font-size='%d' fill='#222'>",
                lay == Layout.WIDE ? "wide" : "narrow", sid, lay.width, height, sid, sid, lay.font));
        sb.append("<title id='").append(sid).append("-t'>").append(esc(title)).append("</title>");
        sb.append("<desc id='").append(sid).append("-d'>").append(esc(desc)).append("</desc>");
        return sb;
    }

    private static void yAxis(StringBuilder sb, int left, int top, double plotW, double plotH, double yMin, double yMax,
                              double[] ticks, String yLabel) {
        for (double v : ticks) {
            double y = scale(v, yMin, yMax, top, plotH);
            sb.append(f("<line x1='%d' y1='%s' x2='%s' y2='%s' stroke='#ddd'/>", left, n(y), n(left + plotW), n(y)));
            sb.append(tick(left - 6, y + 4, tickLabel(v), "end"));
        }
        sb.append(f("<line x1='%d' y1='%d' x2='%d' y2='%s' stroke='#888'/>", left, top, left, n(top + plotH)));
        sb.append(f("<line x1='%d' y1='%s' x2='%s' y2='%s' stroke='#888'/>", left, n(top + plotH), n(left + plotW), n(top + plotH)));
        sb.append(f("<text x='14' y='%s' transform='rotate(-90 14 %s)' text-anchor='middle'>%s</text>",
                n(top + plotH / 2), n(top + plotH / 2), esc(yLabel)));
    }

    /** About {@code count} round ticks from 0 to at least {@code max} (steps of 1, 2, 2.5 or 5 times a power of ten). */
    static double[] niceTicks(double max, int count) {
        double raw = max / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        int k = (int) Math.ceil(max / step - 1e-9);
        double[] out = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            out[i] = step * i;
        }
        return out;
    }

    /** A tick label with no trailing zeros: 0, 0.25, 0.5, 1, 100. */
    static String tickLabel(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static double scale(double v, double min, double max, double top, double h) {
        double c = clamp(v, min, max);
        return top + h * (1 - (c - min) / (max - min));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static String tick(double x, double y, String s, String anchor) {
        return text(x, y, s, anchor, "tick");
    }

    private static String text(double x, double y, String s, String anchor, String cls) {
        return f("<text x='%s' y='%s' text-anchor='%s'%s>%s</text>", n(x), n(y), anchor, cls.isEmpty() ? "" : " class='" + cls + "'",
                esc(s));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The legend of a list of series. */
    static List<LegendItem> legend(List<Series> series) {
        List<LegendItem> out = new ArrayList<>();
        for (Series s : series) {
            out.add(new LegendItem(s.name(), s.style()));
        }
        return out;
    }
}
