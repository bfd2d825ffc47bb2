package io.github.peelmetrics.io;

import io.github.peelmetrics.core.AgeGroups;
import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Beat;
import io.github.peelmetrics.core.BeatAssignment;
import io.github.peelmetrics.core.Category;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.core.Flag;
import io.github.peelmetrics.core.GeoPoint;
import io.github.peelmetrics.core.Officer;
import io.github.peelmetrics.core.Races;
import io.github.peelmetrics.core.SearchBasis;
import io.github.peelmetrics.core.Sexes;
import io.github.peelmetrics.core.Shift;
import io.github.peelmetrics.core.Stop;
import io.github.peelmetrics.core.StopOutcome;
import io.github.peelmetrics.core.StopType;
import io.github.peelmetrics.core.SurveyResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/** Generators of arbitrary records for property tests, with the hard text on purpose. */
final class Gen {
    private Gen() {}

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final List<String> ITEMS = List.of("approve", "q1", "q2", "q3");
    static final List<String> ATTRIBUTES = List.of("language");

    private static final String[] PIECES = {"a", "Z", "7", " ", ",", "\"", "\n", "\r\n", ";", "é", "ß", "東京", "😀",
        "'", "=", "+", "-", "@", "\t", "NA", "null", "{", "}", "\\", "x y"};

    /** Text that is not blank, does not start or end with white space, and is not a missing token. */
    static String text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        String s = "k" + sb + "k";
        return s;
    }

    static String id(SplittableRandom r) {
        return r.nextInt(4) == 0 ? text(r) : "S-" + r.nextInt(1_000_000);
    }

    /** Now and then the text with spaces around it (ids and beats keep them through a round trip). */
    static String padded(SplittableRandom r, String s) {
        return r.nextInt(6) == 0 ? " " + s + "  " : s;
    }

    static <T> T pick(SplittableRandom r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    static <E extends Enum<E>> E pick(SplittableRandom r, Class<E> type) {
        E[] all = type.getEnumConstants();
        return all[r.nextInt(all.length)];
    }

    static Category race(SplittableRandom r) {
        return r.nextInt(6) == 0 ? Category.of("k" + r.nextInt(100) + "é,\"x", "K label") : pick(r, Races.all());
    }

    static Stop stop(SplittableRandom r) {
        LocalDateTime t = LocalDateTime.of(2010 + r.nextInt(15), 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0);
        ZonedDateTime when = r.nextInt(8) == 0
                // the repeated hour of a fall-back night, either of its two instants
                ? ZonedDateTime.of(LocalDateTime.of(2021, 11, 7, 1, r.nextInt(60), r.nextInt(60)), ZONE)
                : ZonedDateTime.of(t, ZONE);
        if (r.nextBoolean()) {
            when = when.withLaterOffsetAtOverlap();
        }
        Stop.Builder b = r.nextInt(5) == 0 ? Stop.builder(padded(r, id(r)), t.toLocalDate(), ZONE)
                : Stop.builder(padded(r, id(r)), when);
        if (r.nextBoolean()) {
            b.beat(padded(r, r.nextInt(3) == 0 ? text(r) : "B" + r.nextInt(20)));
        }
        if (r.nextBoolean()) {
            b.district(r.nextInt(3) == 0 ? text(r) : "D" + r.nextInt(5));
        }
        if (r.nextInt(3) == 0) {
            b.precinct(r.nextInt(3) == 0 ? text(r) : "P" + r.nextInt(5));
        }
        if (r.nextBoolean()) {
            b.location(GeoPoint.of(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180));
        }
        b.type(pick(r, StopType.class));
        Demographics d = Demographics.of(race(r), pick(r, Sexes.all()), pick(r, AgeGroups.all()));
        if (r.nextBoolean()) {
            d = d.withAge(r.nextInt(131));
        }
        b.subject(d);
        if (r.nextBoolean()) {
            b.reason(text(r));
        }
        switch (r.nextInt(3)) {
            case 0 -> b.notSearched();
            case 1 -> {
                SearchBasis basis = pick(r, SearchBasis.class);
                b.searched(basis == SearchBasis.NONE ? SearchBasis.UNKNOWN : basis, pick(r, Flag.class));
            }
            default -> b.search(Flag.UNKNOWN, pick(r, SearchBasis.class), pick(r, Flag.class));
        }
        if (r.nextBoolean()) {
            b.outcome(pick(r, StopOutcome.class)); // flags as a most-severe-outcome code leaves them
        } else {
            b.arrest(pick(r, Flag.class)).citation(pick(r, Flag.class)).warning(pick(r, Flag.class))
                    .summons(pick(r, Flag.class));
        }
        b.contrabandWeapons(pick(r, Flag.class)).contrabandDrugs(pick(r, Flag.class)).frisk(pick(r, Flag.class))
                .useOfForce(pick(r, Flag.class));
        if (r.nextBoolean()) {
            b.officerId(r.nextBoolean() ? text(r) : "O" + r.nextInt(500));
        }
        return b.build();
    }

    static SurveyResponse survey(SplittableRandom r) {
        SurveyResponse.Builder b = SurveyResponse.builder(id(r));
        switch (r.nextInt(3)) {
            case 0 -> b.wave("2016");
            case 1 -> b.wave(text(r));
            default -> { } // no wave: an empty cell, read back as absent
        }
        if (r.nextBoolean()) {
            b.date(LocalDate.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28)));
        }
        if (r.nextBoolean()) {
            b.beat(text(r));
        }
        b.demographics(Demographics.of(race(r), pick(r, Sexes.all()), pick(r, AgeGroups.all())));
        if (r.nextBoolean()) {
            b.attribute("language", text(r));
        }
        for (String item : ITEMS) {
            if (r.nextInt(4) != 0) {
                b.answer(item, answer(r));
            }
        }
        double w = switch (r.nextInt(4)) {
            case 0 -> Double.MIN_VALUE;
            case 1 -> 1e300 * r.nextDouble() + 1;
            default -> 1 + 3 * r.nextDouble();
        };
        return b.weight(w).build();
    }

    /**
     * An item answer: mostly a Likert point, else a 0-100 score with decimals, a 32-bit integer, or
     * a double chosen for its edges (tiny, huge, negative, -0.0, many digits).
     */
    static double answer(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> r.nextInt();
            case 1 -> Math.round(r.nextDouble() * 10000) / 100.0; // 0-100 with two decimals
            case 2 -> r.nextInt(101);
            case 3 -> r.nextDouble();
            case 4 -> switch (r.nextInt(8)) {
                case 0 -> Double.MIN_VALUE;
                case 1 -> Double.MAX_VALUE;
                case 2 -> -0.0;
                case 3 -> 1e15 + r.nextInt(1000);
                case 4 -> -r.nextDouble() * 1e20;
                case 5 -> 0.1 + 0.2;
                case 6 -> (double) (1L << 53) + 2 * r.nextInt(1000);
                default -> -1e-300 * r.nextDouble();
            };
            default -> 1 + r.nextInt(5);
        };
    }

    static Complaint complaint(SplittableRandom r) {
        LocalDate rec = LocalDate.of(2005 + r.nextInt(20), 1 + r.nextInt(12), 1 + r.nextInt(28));
        Optional<LocalDate> closed = r.nextBoolean() ? Optional.of(rec.plusDays(r.nextInt(400))) : Optional.empty();
        List<String> officers = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String o = text(r).replace(";", "|");
            if (!officers.contains(o)) {
                officers.add(o);
            }
        }
        return Complaint.of(id(r), rec, closed, r.nextBoolean() ? Stop.UNKNOWN_BEAT : "B" + r.nextInt(9), officers,
                pick(r, AllegationType.class), pick(r, Finding.class),
                new Demographics(race(r), pick(r, Sexes.all()), Category.UNKNOWN, OptionalInt.empty()),
                pick(r, ComplaintSource.class));
    }

    static Officer officer(SplittableRandom r) {
        java.util.Optional<java.time.LocalDate> hired = r.nextBoolean() ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.LocalDate.of(1970, 1, 1).plusDays(r.nextInt(20_000)));
        java.util.Optional<java.time.LocalDate> separated = hired.isEmpty() || r.nextBoolean() ? java.util.Optional.empty()
                : java.util.Optional.of(hired.get().plusDays(r.nextInt(15_000)));
        return new Officer(id(r), new Demographics(race(r), pick(r, Sexes.all()), Category.UNKNOWN, OptionalInt.empty()),
                hired, separated);
    }

    /** A beat named by its id, with one to six groups (a group's code never repeats). */
    static Beat beat(SplittableRandom r, int serial) {
        java.util.Map<Category, Long> pop = new java.util.LinkedHashMap<>();
        int groups = 1 + r.nextInt(6);
        for (int i = 0; i < groups; i++) {
            pop.put(race(r), r.nextInt(5) == 0 ? 0L : (long) r.nextInt(1_000_000));
        }
        pop.remove(Category.UNKNOWN);
        if (pop.isEmpty()) {
            pop.put(Races.WHITE, 1L);
        }
        return Beat.of((r.nextBoolean() ? text(r) : "B") + serial, r.nextBoolean() ? text(r) : "D" + r.nextInt(4), pop);
    }

    static BeatAssignment assignment(SplittableRandom r) {
        return new BeatAssignment(id(r), r.nextBoolean() ? text(r) : "B" + r.nextInt(9),
                LocalDate.of(2015 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28)), pick(r, Shift.class));
    }
}
