package io.github.peelmetrics.geo;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a stop was placed: its beat, or why it has none.
 *
 * @param beat             the beat, when the stop lies in (or on the boundary of) one
 * @param noBeat           why there is no beat; present exactly when {@code beat} is empty
 * @param onSharedBoundary whether the stop lies on the boundary of two or more beats (an edge or a
 *                         vertex they share), so that the file-order rule chose among them
 */
public record Placement(Optional<String> beat, Optional<NoBeat> noBeat, boolean onSharedBoundary) {

    /** Checks that exactly one of {@code beat} and {@code noBeat} is present. */
    public Placement {
        Objects.requireNonNull(beat, "beat");
        Objects.requireNonNull(noBeat, "noBeat");
        if (beat.isPresent() == noBeat.isPresent()) {
            throw new IllegalArgumentException("a placement has either a beat or a reason for none: " + beat + ", "
                    + noBeat);
        }
        if (onSharedBoundary && beat.isEmpty()) {
            throw new IllegalArgumentException("a stop on a shared boundary has a beat");
        }
    }

    /** A stop in a beat. */
    public static Placement in(String beat, boolean onSharedBoundary) {
        return new Placement(Optional.of(beat), Optional.empty(), onSharedBoundary);
    }

    /** A stop without a beat, with the reason. */
    public static Placement none(NoBeat reason) {
        return new Placement(Optional.empty(), Optional.of(reason), false);
    }

    /** Whether the stop has a beat. */
    public boolean assigned() {
        return beat.isPresent();
    }

    /** E.g. {@code B2}, {@code B2 (on a shared boundary)} or {@code no beat: outside every beat}. */
    @Override
    public String toString() {
        return beat.map(b -> onSharedBoundary ? b + " (on a shared boundary)" : b)
                .orElseGet(() -> "no beat: " + noBeat.orElseThrow().label());
    }
}
