/** End-to-end analyses of the bundled sample city, the report, and the sample data generator. */
module io.github.peelmetrics.examples {
    requires transitive io.github.peelmetrics.survey;
    requires transitive io.github.peelmetrics.metrics;
    requires transitive io.github.peelmetrics.io;
    requires transitive io.github.peelmetrics.geo;

    exports io.github.peelmetrics.examples;
    exports io.github.peelmetrics.examples.data;
}
