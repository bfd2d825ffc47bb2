/**
 * What the police do and how it changes: stop tallies, disparity, the outcome test (hit rates, KPT, frisk yield), publication safety, complaint
 * and beat metrics, trend and change tests, the veil of darkness test.
 */
module io.github.peelmetrics.metrics {
    requires transitive io.github.peelmetrics.core;
    requires org.apache.commons.numbers.gamma;

    exports io.github.peelmetrics.metrics.beats;
    exports io.github.peelmetrics.metrics.complaints;
    exports io.github.peelmetrics.metrics.disparity;
    exports io.github.peelmetrics.metrics.evaluation;
    exports io.github.peelmetrics.metrics.officers;
    exports io.github.peelmetrics.metrics.opp;
    exports io.github.peelmetrics.metrics.outcome;
    exports io.github.peelmetrics.metrics.publish;
    exports io.github.peelmetrics.metrics.rates;
    exports io.github.peelmetrics.metrics.stops;
    exports io.github.peelmetrics.metrics.trend;
    exports io.github.peelmetrics.metrics.vod;
}
