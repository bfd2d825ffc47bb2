/**
 * Peel's internal package, not API: helpers shared by Peel's own modules, which may change or
 * go away in any release without notice. Do not use it from outside Peel.
 *
 * <p>It holds the byte codec of the tallies: {@link io.github.peelmetrics.core.internal.TallyBytes}
 * (the preamble every tally's bytes start with, its checksum and the registry of tally kinds),
 * {@link io.github.peelmetrics.core.internal.ByteWriter} and the bounds-checked
 * {@link io.github.peelmetrics.core.internal.ByteReader}. Each tally draws the layout of its
 * sections in its own package-private format class.
 */
package io.github.peelmetrics.core.internal;
