/**
 * Beats as areas: {@link io.github.peelmetrics.geo.BeatMap} (beats from GeoJSON, stops to beats
 * from coordinates, with an explicit {@link io.github.peelmetrics.geo.NoBeat} reason for every stop
 * that gets none) and {@link io.github.peelmetrics.geo.ArealInterpolation} (census blocks to
 * beats by area, extensive and intensive, in UTM metres by {@link io.github.peelmetrics.geo.TransverseMercator}).
 *
 * <p>Geometry is planar, on longitude/latitude for assignment (as {@code sf} with
 * {@code sf_use_s2(FALSE)} and GEOS) and in a projected system for areas; predicates are exact
 * (JTS's robust orientation tests), so a stop exactly on an edge or one ulp off it is placed as
 * GEOS places it.
 */
package io.github.peelmetrics.geo;
