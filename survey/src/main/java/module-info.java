/** Survey weighting (post-stratification, raking, trimming), design-based estimates, scales and reliability;
 * Fay-Herriot small-area estimates. */
module io.github.peelmetrics.survey {
    requires transitive io.github.peelmetrics.core;

    exports io.github.peelmetrics.survey;
    exports io.github.peelmetrics.survey.design;
    exports io.github.peelmetrics.survey.smallarea;
}
