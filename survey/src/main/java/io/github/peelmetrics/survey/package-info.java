/**
 * What the community says: survey weighting (post-stratification, raking, trimming),
 * design-based estimates with the standard errors R's {@code survey} package gives, trust
 * indices and scale reliability.
 */
package io.github.peelmetrics.survey;
