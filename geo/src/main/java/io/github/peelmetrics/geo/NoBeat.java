package io.github.peelmetrics.geo;

/** Why a stop has no beat. Every stop without a beat carries exactly one of these. */
public enum NoBeat {
    /** The stop has no latitude or no longitude (an empty field, NaN): never read as (0, 0). */
    MISSING_COORDINATES("no coordinates"),
    /**
     * A latitude outside [-90, 90] or a longitude outside [-180, 180] (often a swapped pair, e.g.
     * latitude -122.37). R {@code sf} warns and finds no beat; so does Peel, with this reason.
     */
    INVALID_COORDINATES("coordinates out of range"),
    /**
     * Inside the outer ring of a beat but in one of its holes, and in no other beat (an empty
     * enclave). A point on the ring of the hole is on the beat's boundary and belongs to it.
     */
    IN_HOLE("in a hole of a beat"),
    /** Outside every beat (including (0, 0) and any other valid coordinate beyond the map). */
    OUTSIDE_EVERY_BEAT("outside every beat");

    private final String label;

    NoBeat(String label) {
        this.label = label;
    }

    /** A short description, e.g. {@code outside every beat}. */
    public String label() {
        return label;
    }
}
