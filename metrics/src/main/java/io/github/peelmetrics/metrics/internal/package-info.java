/**
 * Helpers shared by the metrics packages and not part of Peel's API (the package is not
 * exported): {@link io.github.peelmetrics.metrics.internal.Glm}, the one generalized linear model
 * fitter (IRLS for the Poisson and binomial families, with the model-based, cluster-robust and
 * Newey-West covariances) behind the veil of darkness test and the program evaluations, and its
 * {@link io.github.peelmetrics.metrics.internal.Cholesky} solve.
 */
package io.github.peelmetrics.metrics.internal;
