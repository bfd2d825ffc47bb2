/**
 * Helpers shared by Peel's own modules: number formatting for {@code toString}, argument checks
 * and lookup errors, and the byte codec of the tallies. <b>Not API.</b> The package is exported
 * only to Peel's modules ({@code module-info.java}); on the class path it is visible, but it may
 * change without notice. Do not use it from outside Peel.
 */
package io.github.peelmetrics.core.internal;
