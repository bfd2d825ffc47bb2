/**
 * Geography for beat policing: beats read from GeoJSON, stops assigned to beats from their
 * coordinates (as the Stanford Open Policing Project does with R {@code sf}), and census blocks
 * apportioned to beats by area (as {@code sf::st_interpolate_aw}). JTS and Jackson are used inside
 * and appear in no public signature.
 */
module io.github.peelmetrics.geo {
    requires transitive io.github.peelmetrics.core;
    requires org.locationtech.jts;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;

    exports io.github.peelmetrics.geo;
}
