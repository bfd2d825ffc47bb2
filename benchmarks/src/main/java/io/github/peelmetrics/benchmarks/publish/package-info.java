/** JMH benchmarks of publication safety (issue 15): suppression with its LP audit of large tables. */
package io.github.peelmetrics.benchmarks.publish;
