package io.github.peelmetrics.metrics.vod;

/**
 * How a stop's clock minute is compared with its day's sunset and civil dusk, and where the
 * inter-twilight window comes from. Under both rules a stop is classified by its clock minute
 * {@code m = HH·60 + MM} (seconds dropped): a stop at 19:41:59 is minute 1181, the same as one at
 * 19:41:00. The rules differ at the edges.
 */
public enum DarknessRule {
    /**
     * Peel's default. Light when {@code m < sunset}, dark when {@code m > dusk}, with sunset and
     * dusk in fractional clock minutes (a stop in the minute of sunset, before its second, is
     * light); twilight in between. The window holds the minutes from {@code ⌊earliest dusk⌋} to
     * {@code ⌊latest dusk⌋} over every day of the calendar years of the data
     * ({@link InterTwilightWindow#of}), so it does not depend on which days happen to have stops;
     * a window past midnight is handled.
     */
    CALENDAR_WINDOW,
    /**
     * The Stanford Open Policing Project's rule ({@code lib/veil_of_darkness.R}, commit
     * fdb3b9f). Sunset and dusk are truncated to whole minutes too ({@code sunset_minute},
     * {@code dusk_minute}); the window is {@code min(dusk_minute) <= m <= max(dusk_minute)} over
     * the dusk minutes of the <em>stops present</em> (not over a calendar), so a window edge moves
     * with the dates that have stops; {@code sunset_minute <= m <= dusk_minute} is twilight (both
     * ends inclusive: a stop in the sunset minute is dropped); {@code is_dark = m >= dusk_minute},
     * so a kept stop is dark when {@code m > dusk_minute}. No wrap past midnight.
     */
    OPP_MINUTES
}
