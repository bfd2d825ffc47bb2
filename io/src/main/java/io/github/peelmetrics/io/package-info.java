/**
 * Records in and results out: streaming CSV and JSON-lines readers with column mappings,
 * codebooks, strict and lenient modes; JSON and CSV writers.
 */
package io.github.peelmetrics.io;
