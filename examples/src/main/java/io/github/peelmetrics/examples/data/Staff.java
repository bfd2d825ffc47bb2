package io.github.peelmetrics.examples.data;

import static io.github.peelmetrics.examples.data.CityModel.BEATS;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The officers and who worked which beat on which shift each day: writes {@code officers.csv} and
 * {@code assignments.csv}, and answers which officers were on a beat at a shift, for the stops.
 *
 * <p>Officers are spread over the 24 beat-and-shift cells in proportion to the beat's expected stop
 * volume times the shift's staffing (at least one officer a cell, largest remainder), in a shuffled
 * order. Each keeps one shift and one primary beat; works five days in seven (a rota offset per
 * officer), minus random leave; and on a working day is on the primary beat with a probability of
 * their own, otherwise on another beat (of the same district with probability 0.6).
 */
final class Staff {
    final int count;
    final String[] ids;
    final int[] primaryBeat;
    final int[] shift;
    final double[] primaryShare;
    final Csv officers;
    final Csv assignments;
    /** roster[day][shift][beat] = officers on duty there, by index. */
    private final int[][][][] roster;

    private Staff(int count) {
        this.count = count;
        this.ids = new String[count];
        this.primaryBeat = new int[count];
        this.shift = new int[count];
        this.primaryShare = new double[count];
        this.officers = new Csv("officers.csv", "officer_id", "race", "sex", "hired");
        this.assignments = new Csv("assignments.csv", "officer_id", "beat", "date", "shift");
        int days = (int) ChronoUnit.DAYS.between(CityModel.FIRST_ASSIGNMENT_DAY, CityModel.LAST_DAY) + 1;
        this.roster = new int[days][3][BEATS.size()][];
    }

    static Staff generate(Parameters p, SplittableRandom r) {
        Staff s = new Staff(p.officers());
        int beats = BEATS.size();
        double[] cellWeights = new double[beats * 3];
        for (int b = 0; b < beats; b++) {
            for (int sh = 0; sh < 3; sh++) {
                cellWeights[b * 3 + sh] = BEATS.get(b).total() * BEATS.get(b).stopIntensity() * CityModel.SHIFT_WEIGHTS[sh];
            }
        }
        int[] perCell = Draw.apportion(p.officers(), cellWeights, 1);
        int[] slots = new int[p.officers()];
        int k = 0;
        for (int c = 0; c < perCell.length; c++) {
            for (int j = 0; j < perCell[c]; j++) {
                slots[k++] = c;
            }
        }
        Draw.shuffle(r, slots);
        long hireSpan = ChronoUnit.DAYS.between(CityModel.FIRST_HIRE, CityModel.LAST_HIRE) + 1;
        String idFormat = "O%0" + Math.max(3, Integer.toString(p.officers()).length()) + "d";
        for (int i = 0; i < p.officers(); i++) {
            s.ids[i] = String.format(Locale.ROOT, idFormat, i + 1);
            s.primaryBeat[i] = slots[i] / 3;
            s.shift[i] = slots[i] % 3;
            s.primaryShare[i] = CityModel.PRIMARY_SHARE_LO
                    + (CityModel.PRIMARY_SHARE_HI - CityModel.PRIMARY_SHARE_LO) * r.nextDouble();
            String race = CityModel.RACES.get(Draw.categorical(r, CityModel.OFFICER_RACE_WEIGHTS));
            String sex = Draw.bernoulli(r, CityModel.OFFICER_FEMALE_SHARE) ? "female" : "male";
            // more recent hires are more common: the square root of a uniform leans to the later end
            LocalDate hired = CityModel.FIRST_HIRE.plusDays((long) (hireSpan * StrictMath.sqrt(r.nextDouble())));
            s.officers.add(s.ids[i]).add(race).add(sex).add(hired.toString()).end();
        }
        int[] rotaOffset = new int[p.officers()];
        for (int i = 0; i < p.officers(); i++) {
            rotaOffset[i] = r.nextInt(7);
        }
        List<List<List<Integer>>> day = new ArrayList<>();
        for (int d = 0; d < s.roster.length; d++) {
            LocalDate date = CityModel.FIRST_ASSIGNMENT_DAY.plusDays(d);
            day.clear();
            for (int sh = 0; sh < 3; sh++) {
                List<List<Integer>> perBeat = new ArrayList<>();
                for (int b = 0; b < beats; b++) {
                    perBeat.add(new ArrayList<>());
                }
                day.add(perBeat);
            }
            for (int i = 0; i < p.officers(); i++) {
                if ((d + rotaOffset[i]) % 7 >= 5 || Draw.bernoulli(r, CityModel.LEAVE_PROBABILITY)) {
                    continue;
                }
                int beat = Draw.bernoulli(r, s.primaryShare[i]) ? s.primaryBeat[i] : otherBeat(r, s.primaryBeat[i]);
                day.get(s.shift[i]).get(beat).add(i);
                s.assignments.add(s.ids[i]).add(BEATS.get(beat).id()).add(date.toString())
                        .add(CityModel.SHIFTS.get(s.shift[i])).end();
            }
            for (int sh = 0; sh < 3; sh++) {
                for (int b = 0; b < beats; b++) {
                    s.roster[d][sh][b] = day.get(sh).get(b).stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }
        return s;
    }

    private static int otherBeat(SplittableRandom r, int primary) {
        String district = BEATS.get(primary).district();
        List<Integer> same = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int b = 0; b < BEATS.size(); b++) {
            if (b != primary) {
                (BEATS.get(b).district().equals(district) ? same : others).add(b);
            }
        }
        List<Integer> pool = !same.isEmpty() && Draw.bernoulli(r, CityModel.SAME_DISTRICT_SHARE) ? same : others;
        return pool.get(r.nextInt(pool.size()));
    }

    /**
     * An officer on duty on {@code beat} in the shift {@code shiftIndex} that began on {@code shiftDate}:
     * one assigned to that beat if any, else one of that shift in the same district, else any of that
     * shift (mutual aid), else anyone.
     */
    int onDuty(SplittableRandom r, LocalDate shiftDate, int shiftIndex, int beat) {
        int d = (int) ChronoUnit.DAYS.between(CityModel.FIRST_ASSIGNMENT_DAY, shiftDate);
        int[] here = roster[d][shiftIndex][beat];
        if (here.length > 0) {
            return here[r.nextInt(here.length)];
        }
        List<Integer> district = new ArrayList<>();
        List<Integer> shiftWide = new ArrayList<>();
        for (int b = 0; b < BEATS.size(); b++) {
            for (int i : roster[d][shiftIndex][b]) {
                shiftWide.add(i);
                if (BEATS.get(b).district().equals(BEATS.get(beat).district())) {
                    district.add(i);
                }
            }
        }
        List<Integer> pool = !district.isEmpty() ? district : shiftWide;
        return pool.isEmpty() ? r.nextInt(count) : pool.get(r.nextInt(pool.size()));
    }
}
