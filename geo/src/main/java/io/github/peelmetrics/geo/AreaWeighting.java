package io.github.peelmetrics.geo;

/** How a block value is apportioned to the beats it overlaps ({@code sf::st_interpolate_aw}'s {@code extensive}). */
public enum AreaWeighting {
    /**
     * A count (residents, households): a beat gets {@code Σ value × piece area / area of the WHOLE
     * block} over the pieces of blocks it overlaps. A block's count in the part outside every beat
     * is lost, so beats that cover every block add up to the blocks' total.
     */
    EXTENSIVE,
    /**
     * An average or share (median income, renter share): a beat gets the area-weighted mean
     * {@code Σ value × piece area / Σ piece areas} over its pieces, i.e. over the part of the beat
     * covered by blocks — not divided by the beat's own area. A beat that only touches blocks along
     * their edges has covered area 0 and gets NaN (0/0), as sf gives.
     */
    INTENSIVE
}
