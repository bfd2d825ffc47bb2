package io.github.peelmetrics.metrics.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.Allegation;
import io.github.peelmetrics.core.AllegationType;
import io.github.peelmetrics.core.Complaint;
import io.github.peelmetrics.core.ComplaintSource;
import io.github.peelmetrics.core.Demographics;
import io.github.peelmetrics.core.Finding;
import io.github.peelmetrics.metrics.complaints.ComplaintSummary;
import io.github.peelmetrics.testing.Seeded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PublishedComplaintsTest {

    static Stream<Seeded> seeds() {
        return Seeded.cases(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void theViewShowsNoSmallCountAndNoRateThatGivesOneBack(Seeded seed) {
        SplittableRandom r = seed.random();
        List<Complaint> cs = new ArrayList<>();
        int n = Seeded.edgy(r, 1, 300);
        int types = 1 + r.nextInt(AllegationType.values().length);
        for (int i = 0; i < n; i++) {
            List<Allegation> list = new ArrayList<>();
            int k = 1 + r.nextInt(Math.min(3, types));
            for (int j = 0; j < k; j++) {
                Finding f = Finding.values()[Math.min(Finding.values().length - 1,
                        (int) Math.floor(-Math.log(1 - r.nextDouble()) * 1.5))];
                list.add(Allegation.of("o" + r.nextInt(5), AllegationType.values()[j], f));
            }
            cs.add(new Complaint("c" + i, LocalDate.of(2020, 1, 1), Optional.empty(), "B1", list, Demographics.UNKNOWN,
                    ComplaintSource.CIVILIAN));
        }
        ComplaintSummary summary = ComplaintSummary.of(cs, 30, 1000);
        long k = 2 + r.nextInt(15);
        PublishedComplaints view = Suppression.minimumCount(k).publish(summary);
        assertTrue(view.allegations().audit().passed(), seed + ": " + view);
        CountTable truth = PublishedComplaints.table(summary);
        SuppressedTable t = view.allegations();
        for (int i = 0; i < truth.rows().size(); i++) {
            for (int j = 0; j < truth.columns().size(); j++) {
                long v = truth.count(i, j);
                assertFalse(t.cell(i, j).isPresent() && v >= 1 && v < k, seed + ": " + v + " shown");
            }
            long decided = 0;
            long sustained = 0;
            boolean allShown = true;
            for (int j = 0; j < truth.columns().size(); j++) {
                Finding f = Finding.values()[j];
                if (f.isDecided()) {
                    decided += truth.count(i, j);
                    allShown &= t.cell(i, j).isPresent();
                }
                sustained += f == Finding.SUSTAINED ? truth.count(i, j) : 0;
            }
            OptionalDouble rate = view.sustainedRateByAllegation().get(truth.rows().get(i));
            assertEquals(allShown && decided > 0, rate.isPresent(), seed + " " + truth.rows().get(i));
            if (rate.isPresent()) {
                assertEquals((double) sustained / decided, rate.getAsDouble(), 1e-12);
            }
        }
        for (String line : view.toString().split("\\R")) {
            if (line.startsWith("  audit") || line.startsWith("allegations")) {
                continue;
            }
            for (String token : line.trim().split("[\\s(),]+")) {
                if (token.matches("\\d+")) {
                    long v = Long.parseLong(token);
                    assertFalse(v >= 1 && v < k, seed + ": " + v + " printed in\n" + view);
                }
            }
        }
    }
}
