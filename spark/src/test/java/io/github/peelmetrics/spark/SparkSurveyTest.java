package io.github.peelmetrics.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.peelmetrics.core.SurveyResponse;
import io.github.peelmetrics.core.TallyFormatException;
import io.github.peelmetrics.io.ReadResult;
import io.github.peelmetrics.io.RecordReader;
import io.github.peelmetrics.survey.DomainMeans;
import io.github.peelmetrics.survey.Margin;
import io.github.peelmetrics.survey.Rake;
import io.github.peelmetrics.survey.RakeDiagnostics;
import io.github.peelmetrics.survey.Scales;
import io.github.peelmetrics.survey.SurveyMean;
import io.github.peelmetrics.survey.SurveySample;
import io.github.peelmetrics.survey.WeightedSample;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparkSurveyTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tol = 1e-12 * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    static void same(SurveyMean e, SurveyMean a) {
        assertEquals(e.variable(), a.variable());
        assertEquals(e.subset(), a.subset());
        assertEquals(e.n(), a.n());
        assertEquals(e.domainSize(), a.domainSize());
        assertEquals(e.sampleSize(), a.sampleSize());
        close(e.estimate(), a.estimate(), e.subset() + " estimate");
        close(e.standardError(), a.standardError(), e.subset() + " se");
        close(e.weightSum(), a.weightSum(), e.subset() + " weight sum");
        close(e.totalWeight(), a.totalWeight(), e.subset() + " total weight");
        close(e.effectiveN(), a.effectiveN(), e.subset() + " effective n");
        close(e.deff(), a.deff(), e.subset() + " deff");
        close(e.deffReplace(), a.deffReplace(), e.subset() + " deff (with replacement)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"survey_2013.csv", "survey_2016.csv"})
    void rakedCellsGiveTheRespondentsMeansAndStandardErrors(String name) {
        Path file = LocalSpark.sample(name);
        List<Margin> margins = SampleCity.margins(LocalSpark.sample("census_margins.csv"));
        ReadResult<SurveyResponse> local = RecordReader.of(SampleCity.survey()).readCsv(file);
        SurveySample sample = SurveySample.of(local.records(), SampleCity.RAKE_VARIABLES.toArray(String[]::new));
        WeightedSample raked = Rake.to(margins).strict().fit(sample);

        SparkSurvey.Result r = SparkSurvey.reading(name, SampleCity::survey, SampleCity.RAKE_VARIABLES, SampleCity.ITEMS)
                .run(LocalSpark.csv(spark, file).repartition(3));
        assertEquals(local.summary().read(), r.read().read());
        assertEquals(local.summary().accepted(), r.read().accepted());
        assertEquals(local.records().size(), r.cells().count());

        SurveyCells single = SurveyCells.of(SampleCity.RAKE_VARIABLES, SampleCity.ITEMS);
        local.records().forEach(single::add);
        assertEquals(single.cellCount(), r.cells().cellCount());
        SurveyCells again = SurveyCells.fromByteArray(r.cells().toByteArray());
        assertArrayEquals(r.cells().toByteArray(), again.toByteArray());

        RakedCells cells = r.cells().rake(Rake.to(margins).strict());
        RakeDiagnostics e = raked.rakeDiagnostics().orElseThrow();
        RakeDiagnostics a = cells.diagnostics();
        assertEquals(e.sweeps(), a.sweeps());
        assertEquals(e.cells(), a.cells());
        assertEquals(e.converged(), a.converged());
        close(e.kish().effectiveN(), a.kish().effectiveN(), "Kish n_eff");
        close(e.kish().designEffect(), a.kish().designEffect(), "Kish deff");
        assertEquals(SparkExampleTest.noise(e.toString()), SparkExampleTest.noise(a.toString()));
        assertTrue(a.largestMarginError() < 1e-12, a::toString);
        for (String item : SampleCity.ITEMS) {
            same(raked.mean(item), cells.mean(item));
            for (String domain : SampleCity.RAKE_VARIABLES) {
                DomainMeans de = raked.meanBy(item, domain);
                DomainMeans da = cells.meanBy(item, domain);
                assertEquals(new java.util.TreeSet<>(de.means().keySet()), new java.util.TreeSet<>(da.means().keySet()));
                assertEquals(new java.util.TreeSet<>(de.emptyLevels()), new java.util.TreeSet<>(da.emptyLevels()));
                for (String level : de.means().keySet()) {
                    same(de.means().get(level), da.means().get(level));
                }
            }
        }
        byte[] bytes = r.cells().toByteArray();
        bytes[20] ^= 1;
        assertThrows(TallyFormatException.class, () -> SurveyCells.fromByteArray(bytes));
    }

    /** The trust index scored on the executors gives the raked mean score of one machine. */
    @Test
    void scoredTrustIndexGivesTheRespondentsRakedMeanScore() {
        Path file = LocalSpark.sample("survey_2013.csv");
        List<Margin> margins = SampleCity.margins(LocalSpark.sample("census_margins.csv"));
        ReadResult<SurveyResponse> local = RecordReader.of(SampleCity.survey()).readCsv(file);
        SurveySample sample = SurveySample.of(local.records(), SampleCity.RAKE_VARIABLES.toArray(String[]::new));
        WeightedSample raked = Scales.TRUST.scores(sample).addTo(Rake.to(margins).strict().fit(sample));

        SparkSurvey survey = SparkSurvey.reading("survey_2013.csv", SampleCity::survey, SampleCity.RAKE_VARIABLES,
                List.of("approve", "trust")).scoring(() -> List.of(Scales.TRUST));
        assertEquals("SparkSurvey[survey_2013.csv, STRICT, cells of [race, age_group, sex], numeric [approve, trust], "
                + "scoring [trust]]", survey.toString());
        RakedCells cells = survey.run(LocalSpark.csv(spark, file).repartition(3)).cells().rake(Rake.to(margins).strict());
        same(raked.mean("trust"), cells.mean("trust"));
        for (String level : raked.meanBy("trust", "race").means().keySet()) {
            same(raked.meanBy("trust", "race").means().get(level), cells.meanBy("trust", "race").means().get(level));
        }
    }
}
