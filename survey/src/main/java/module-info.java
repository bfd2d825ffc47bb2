/** Survey weighting (post-stratification, raking, trimming), design-based estimates, scales and reliability. */
module io.github.peelmetrics.survey {
    requires transitive io.github.peelmetrics.core;

    exports io.github.peelmetrics.survey;
    exports io.github.peelmetrics.survey.design;
}
