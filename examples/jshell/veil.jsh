// The veil of darkness test on the sample city's stops: are Black drivers stopped more often in daylight?
// Run from the project root: jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/jshell/veil.jsh
// prints: dark
import io.github.peelmetrics.core.*;
import io.github.peelmetrics.io.*;
import io.github.peelmetrics.metrics.vod.*;
import io.github.peelmetrics.examples.SampleFile;
import java.time.ZoneId;

var zone = ZoneId.of("America/Los_Angeles");
var stops = RecordReader.of(Mapping.openPolicing(RecordType.STOPS).zone(zone)).readCsv(SampleFile.STOPS.open(), "stops.csv").records();
var result = VeilOfDarkness.at(GeoPoint.of(37.80, -122.27), zone, Races.BLACK).test(stops);
System.out.println(result);
/exit
