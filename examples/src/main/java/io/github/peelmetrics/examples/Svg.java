package io.github.peelmetrics.examples;

import java.util.List;
import java.util.Locale;

/** Self-contained SVG charts for the HTML report: no scripts, no fonts, no network. */
final class Svg {
    private Svg() {}

    /** One point of a series: x label index, value and interval. */
    record Point(double value, double lower, double upper) {}

    /** A named series of points, one per x label. */
    record Series(String name, List<Point> points) {}

    /** A bar with its interval. */
    record Bar(String label, double value, double lower, double upper) {}

    /** A chart's size and margins. */
    private record Frame(int width, int height, int left, int right, int top, int bottom) {
        /** 700 wide, with a 200-pixel legend on the right. */
        static Frame withLegend(int height) {
            return new Frame(700, height, 60, 200, 40, 50);
        }

        double plotW() {
            return width - left - right;
        }

        double plotH() {
            return height - top - bottom;
        }
    }

    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#444444"};

    /** Lines with interval bars: x = labels (e.g. waves), y in [yMin, yMax]. */
    static String lines(String title, List<String> xLabels, List<Series> series, double yMin, double yMax, String yLabel) {
        Frame fr = Frame.withLegend(360);
        int width = fr.width(), height = fr.height(), left = fr.left(), right = fr.right(), top = fr.top();
        double plotW = fr.plotW(), plotH = fr.plotH();
        StringBuilder sb = open(width, height, title);
        axes(sb, left, top, plotW, plotH, yMin, yMax, yLabel);
        int nx = xLabels.size();
        double[] at = positions(xLabels);
        for (int i = 0; i < nx; i++) {
            double x = left + plotW * at[i];
            sb.append(text(x, top + plotH + 20, xLabels.get(i), "middle"));
        }
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            double offset = (s - (series.size() - 1) / 2.0) * 4; // keep interval bars apart
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < se.points().size(); i++) {
                Point p = se.points().get(i);
                double x = left + plotW * at[i] + offset;
                double y = scale(p.value(), yMin, yMax, top, plotH);
                path.append(i == 0 ? "M" : " L").append(f(x)).append(',').append(f(y));
                sb.append(String.format(Locale.ROOT,
                        "<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='%s' stroke-width='1.5'/>",
                        f(x), f(scale(p.lower(), yMin, yMax, top, plotH)), f(x), f(scale(p.upper(), yMin, yMax, top, plotH)), colour));
                sb.append(String.format(Locale.ROOT, "<circle cx='%s' cy='%s' r='3.5' fill='%s'><title>%s %s: %s [%s, %s]</title></circle>",
                        f(x), f(y), colour, esc(se.name()), esc(xLabels.get(i)), f3(p.value()), f3(p.lower()), f3(p.upper())));
            }
            sb.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='2'/>", path, colour));
            double ly = top + 14 + s * 18;
            sb.append(String.format(Locale.ROOT, "<rect x='%d' y='%s' width='12' height='12' fill='%s'/>", width - right + 15, f(ly - 10), colour));
            sb.append(text(width - right + 32, ly, se.name(), "start"));
        }
        return sb.append("</svg>").toString();
    }

    /** Where each x label sits in [0, 1]: by value when every label is a number (years), else evenly. */
    private static double[] positions(List<String> labels) {
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

    /** Horizontal bars with interval whiskers on a log scale, with a reference line at 1. */
    static String ratioBars(String title, List<Bar> bars, String xLabel) {
        int width = 640;
        int rowH = 22;
        int left = 170;
        int right = 30;
        int top = 40;
        int bottom = 45;
        int height = top + bottom + rowH * bars.size();
        double plotW = width - left - right;
        double lo = 0.25;
        double hi = 4;
        for (Bar b : bars) {
            if (b.lower() > 0 && Double.isFinite(b.lower())) {
                lo = Math.min(lo, b.lower());
            }
            if (Double.isFinite(b.upper())) {
                hi = Math.max(hi, b.upper());
            }
        }
        double llo = Math.log(lo);
        double lhi = Math.log(hi);
        StringBuilder sb = open(width, height, title);
        double x1 = left + plotW * (0 - llo) / (lhi - llo);
        for (double tick : new double[] {0.25, 0.5, 1, 2, 4, 8}) {
            if (tick < lo || tick > hi) {
                continue;
            }
            double x = left + plotW * (Math.log(tick) - llo) / (lhi - llo);
            sb.append(String.format(Locale.ROOT, "<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#ddd'/>", f(x), top, f(x), height - bottom));
            sb.append(text(x, height - bottom + 16, f3(tick), "middle"));
        }
        sb.append(String.format(Locale.ROOT, "<line x1='%s' y1='%d' x2='%s' y2='%d' stroke='#333' stroke-dasharray='4 3'/>", f(x1), top - 5, f(x1), height - bottom));
        sb.append(text(left + plotW / 2, height - 8, xLabel, "middle"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + rowH * i + rowH / 2.0;
            sb.append(text(left - 8, y + 4, b.label(), "end"));
            if (!(b.value() > 0) || !Double.isFinite(b.value())) {
                sb.append(text(left + 4, y + 4, "not defined", "start"));
                continue;
            }
            double xv = left + plotW * (Math.log(b.value()) - llo) / (lhi - llo);
            String colour = b.value() >= 1 ? "#d1495b" : "#1b6ca8";
            sb.append(String.format(Locale.ROOT, "<rect x='%s' y='%s' width='%s' height='%d' fill='%s' opacity='0.7'><title>%s: %s [%s, %s]</title></rect>",
                    f(Math.min(x1, xv)), f(y - 7), f(Math.abs(xv - x1)), 14, colour, esc(b.label()), f3(b.value()), f3(b.lower()), f3(b.upper())));
            if (b.lower() > 0 && Double.isFinite(b.upper())) {
                double xl = left + plotW * (Math.log(b.lower()) - llo) / (lhi - llo);
                double xu = left + plotW * (Math.log(b.upper()) - llo) / (lhi - llo);
                sb.append(String.format(Locale.ROOT, "<line x1='%s' y1='%s' x2='%s' y2='%s' stroke='#222' stroke-width='1.5'/>", f(xl), f(y), f(xu), f(y)));
            }
        }
        return sb.append("</svg>").toString();
    }

    /** One unit of a funnel plot: its expected count (x), observed/expected (y), and whether it is flagged. */
    record FunnelPoint(double expected, double ratio, boolean flagged) {}

    /** A pair of control limits on the ratio scale at the expected counts {@code x}. */
    record FunnelLimits(String name, double[] x, double[] lower, double[] upper) {}

    /**
     * A funnel plot (Spiegelhalter 2005): every unit as a point at (expected, observed/expected), the
     * control limits as curves, flagged units drawn as filled red diamonds. No labels on points: the
     * units stay unnamed (officers' ids never enter the chart).
     */
    static String funnel(String title, List<FunnelPoint> points, List<FunnelLimits> limits, String xLabel, String yLabel) {
        Frame fr = Frame.withLegend(400);
        int width = fr.width(), height = fr.height(), left = fr.left(), right = fr.right(), top = fr.top();
        double plotW = fr.plotW(), plotH = fr.plotH();
        double xMax = 0;
        double yMax = 2;
        for (FunnelPoint p : points) {
            xMax = Math.max(xMax, p.expected());
            yMax = Math.max(yMax, p.ratio());
        }
        xMax = xMax <= 0 ? 1 : xMax * 1.05;
        yMax = Math.ceil(yMax * 1.05 * 2) / 2;
        StringBuilder sb = open(width, height, title);
        axes(sb, left, top, plotW, plotH, 0, yMax, yLabel);
        for (int i = 0; i <= 4; i++) {
            double v = xMax * i / 4;
            sb.append(text(left + plotW * i / 4, top + plotH + 18, f3(v), "middle"));
        }
        sb.append(text(left + plotW / 2, top + plotH + 38, xLabel, "middle"));
        double oneY = scale(1, 0, yMax, top, plotH);
        sb.append(String.format(Locale.ROOT, "<line x1='%d' y1='%s' x2='%s' y2='%s' stroke='#444' stroke-dasharray='4 3'/>",
                left, f(oneY), f(left + plotW), f(oneY)));
        String[] dash = {"6 3", "", "2 2"};
        for (int c = 0; c < limits.size(); c++) {
            FunnelLimits l = limits.get(c);
            String colour = COLOURS[(c + 3) % COLOURS.length];
            for (double[] curve : List.of(l.lower(), l.upper())) {
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < l.x().length; i++) {
                    if (!Double.isFinite(curve[i])) {
                        continue;
                    }
                    double x = left + plotW * l.x()[i] / xMax;
                    double y = scale(curve[i], 0, yMax, top, plotH);
                    path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(',').append(f(y));
                }
                sb.append(String.format(Locale.ROOT, "<path d='%s' fill='none' stroke='%s' stroke-width='1.5'%s/>", path,
                        colour, dash[c % dash.length].isEmpty() ? "" : " stroke-dasharray='" + dash[c % dash.length] + "'"));
            }
            double ly = top + 14 + c * 18;
            sb.append(String.format(Locale.ROOT, "<line x1='%d' y1='%s' x2='%d' y2='%s' stroke='%s' stroke-width='2'/>",
                    width - right + 12, f(ly - 4), width - right + 28, f(ly - 4), colour));
            sb.append(text(width - right + 32, ly, l.name(), "start"));
        }
        int flagged = 0;
        for (FunnelPoint p : points) {
            double x = left + plotW * p.expected() / xMax;
            double y = scale(p.ratio(), 0, yMax, top, plotH);
            if (p.flagged()) {
                flagged++;
                sb.append(String.format(Locale.ROOT,
                        "<path d='M%s,%s l5,5 l-5,5 l-5,-5 z' fill='#d1495b' stroke='#7a1020'><title>flagged: %s expected, ratio %s</title></path>",
                        f(x), f(y - 5), f3(p.expected()), f3(p.ratio())));
            } else {
                sb.append(String.format(Locale.ROOT,
                        "<circle cx='%s' cy='%s' r='2.5' fill='none' stroke='#1b6ca8'><title>%s expected, ratio %s</title></circle>",
                        f(x), f(y), f3(p.expected()), f3(p.ratio())));
            }
        }
        double ly = top + 14 + limits.size() * 18;
        sb.append(String.format(Locale.ROOT, "<path d='M%d,%s l5,5 l-5,5 l-5,-5 z' fill='#d1495b'/>", width - right + 20, f(ly - 10)));
        sb.append(text(width - right + 32, ly, "flagged (" + flagged + ")", "start"));
        sb.append(String.format(Locale.ROOT, "<circle cx='%d' cy='%s' r='3' fill='none' stroke='#1b6ca8'/>", width - right + 20, f(ly + 14)));
        sb.append(text(width - right + 32, ly + 18, "not flagged (" + (points.size() - flagged) + ")", "start"));
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='%d' height='%d' font-family='sans-serif' font-size='12' role='img'>",
                width, height, width, height));
        sb.append("<title>").append(esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x='%d' y='22' font-size='15' font-weight='bold'>%s</text>", 10, esc(title)));
        return sb;
    }

    private static void axes(StringBuilder sb, int left, int top, double plotW, double plotH, double yMin, double yMax, String yLabel) {
        for (int i = 0; i <= 4; i++) {
            double v = yMin + (yMax - yMin) * i / 4;
            double y = scale(v, yMin, yMax, top, plotH);
            sb.append(String.format(Locale.ROOT, "<line x1='%d' y1='%s' x2='%s' y2='%s' stroke='#ddd'/>", left, f(y), f(left + plotW), f(y)));
            sb.append(text(left - 6, y + 4, f3(v), "end"));
        }
        sb.append(String.format(Locale.ROOT, "<text x='14' y='%s' transform='rotate(-90 14 %s)' text-anchor='middle'>%s</text>",
                f(top + plotH / 2), f(top + plotH / 2), esc(yLabel)));
    }

    private static double scale(double v, double min, double max, double top, double h) {
        double c = Math.max(min, Math.min(max, v));
        return top + h * (1 - (c - min) / (max - min));
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x='%s' y='%s' text-anchor='%s'>%s</text>", f(x), f(y), anchor, esc(s));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
