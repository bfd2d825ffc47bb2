// Rake the 2016 community survey to the census margins and print approval by race.
// Run from the project root: jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/jshell/survey.jsh
// prints: 95% CI (logit)
import java.util.*;
import io.github.peelmetrics.core.*;
import io.github.peelmetrics.io.*;
import io.github.peelmetrics.survey.*;
import io.github.peelmetrics.examples.SampleFile;

var races = Codebook.races().with("Asian", Races.ASIAN_PACIFIC_ISLANDER);   // the survey says "Asian"
var mapping = Mapping.generic(RecordType.SURVEY_RESPONSES).items("approve", "q1", "q2", "q3", "q4", "q5").codebook("race", races);
var read = RecordReader.of(mapping).readCsv(SampleFile.SURVEY_2016.open(), "survey_2016.csv");
System.out.println(read.summary());

var sample = SurveySample.of(read.records(), "race", "age_group", "sex");
var census = List.of(
        Margin.of("race", Map.of("white", 96360.0, "black", 76810.0, "hispanic", 75840.0,
                "asian/pacific islander", 56110.0, "other", 18880.0)),
        Margin.of("age_group", Map.of("18-29", 71280.0, "30-44", 93960.0, "45-64", 103680.0, "65+", 55080.0)),
        Margin.of("sex", Map.of("female", 166860.0, "male", 157140.0)));
var raked = Rake.to(census).strict().fit(sample);
System.out.println(raked.rakeDiagnostics().orElseThrow());
System.out.println(raked.meanBy("approve", "race").interval(SurveyProportionMethod.LOGIT));
/exit
