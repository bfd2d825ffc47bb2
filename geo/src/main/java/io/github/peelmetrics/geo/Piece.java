package io.github.peelmetrics.geo;

/**
 * The intersection of a block and a beat with positive area.
 *
 * @param block  the block
 * @param beat   the beat
 * @param area   the piece's area, in the square units of the interpolation's coordinate system
 * @param weight the piece's area over the block's area (the share of an extensive count it takes)
 */
public record Piece(String block, String beat, double area, double weight) {}
