/**
 * The generator of the bundled sample city: a deterministic, synthetic (never real) set of stops,
 * survey waves, census margins, beats, complaints, officers and beat assignments, written as CSV
 * to {@code io/github/peelmetrics/examples/sample/}. Run {@link io.github.peelmetrics.examples.data.SampleCity#main}
 * to regenerate the bundled files; the {@code README.md} written beside them documents every file,
 * every column and every generating parameter.
 */
package io.github.peelmetrics.examples.data;
