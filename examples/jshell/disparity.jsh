// Tally two years of stops by race and beat and compare each group with white residents.
// Run from the project root: jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/jshell/disparity.jsh
// prints: reference
import io.github.peelmetrics.core.*;
import io.github.peelmetrics.io.*;
import io.github.peelmetrics.metrics.stops.*;
import io.github.peelmetrics.metrics.disparity.*;
import io.github.peelmetrics.examples.SampleFile;
import java.time.ZoneId;

var mapping = Mapping.openPolicing(RecordType.STOPS).zone(ZoneId.of("America/Los_Angeles"));
var stops = RecordReader.of(mapping).readCsv(SampleFile.STOPS.open(), "stops.csv");
var beats = RecordReader.of(Mapping.generic(RecordType.BEATS)).readCsv(SampleFile.BEATS.open(), "beats.csv");
System.out.println(stops.summary());

var tally = stops.records().parallelStream().collect(StopTally.collector(Stop::beat));
var table = Disparity.against(Benchmark.residents(beats.records()), Races.WHITE).of(tally);
System.out.println(table);
System.out.println(table.forKey("B03"));
/exit
