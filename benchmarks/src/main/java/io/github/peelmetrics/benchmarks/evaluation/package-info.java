/** JMH benchmarks of the program evaluations on counts (two-way fixed effects Poisson with cluster-robust SEs). */
package io.github.peelmetrics.benchmarks.evaluation;
