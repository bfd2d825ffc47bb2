/** JMH benchmarks of the geo module (stops assigned to beats from coordinates). */
package io.github.peelmetrics.benchmarks.geo;
