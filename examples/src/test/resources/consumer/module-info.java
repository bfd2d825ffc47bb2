/** A user's application that puts Peel on the module path and names only Peel's modules. */
module peel.consumer {
    requires io.github.peelmetrics.io;
    requires io.github.peelmetrics.metrics;
    requires io.github.peelmetrics.survey;
}
