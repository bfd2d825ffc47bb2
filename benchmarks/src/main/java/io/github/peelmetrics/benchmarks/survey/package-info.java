/** JMH benchmarks of the survey module: raking a million respondents and design-based estimates. */
package io.github.peelmetrics.benchmarks.survey;
