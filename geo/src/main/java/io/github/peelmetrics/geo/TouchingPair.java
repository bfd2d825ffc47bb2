package io.github.peelmetrics.geo;

/**
 * A block and a beat that meet only along an edge (dimension 1) or at a point (dimension 0). Such
 * a pair takes part in sf 1.0-9's interpolation with area 0: it makes a beat that only touches
 * blocks get extensive 0 and intensive NaN, and a missing value of the block poisons the beat.
 *
 * @param block     the block
 * @param beat      the beat
 * @param dimension 1 for a shared edge, 0 for a point
 */
public record TouchingPair(String block, String beat, int dimension) {}
