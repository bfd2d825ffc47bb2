// Seattle-style trend: approval in three waves, the Cochran-Armitage test and the 2013-2016 change.
// Run from the project root: jshell --class-path "examples/target/classes:$(cat examples/target/classpath.txt)" examples/jshell/trend.jsh
// prints: CochranArmitage
import io.github.peelmetrics.metrics.trend.*;

// Respondents approving / answering in 2013, 2015 and 2016 (the Seattle police survey's 60% -> 72%).
var ca = CochranArmitage.test(new long[] {600, 690, 720}, new long[] {1000, 1000, 1000}, 2013, 2015, 2016);
System.out.println(ca);
System.out.println(ProportionChange.test(600, 1000, 720, 1000));
/exit
