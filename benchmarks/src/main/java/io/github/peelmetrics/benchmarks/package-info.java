/** JMH benchmarks for Peel's speed and memory targets; see BENCHMARKS.md. */
package io.github.peelmetrics.benchmarks;
