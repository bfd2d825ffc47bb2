/** Runnable end-to-end analyses on the bundled synthetic city. */
package io.github.peelmetrics.examples;
