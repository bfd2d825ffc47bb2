package io.github.peelmetrics.examples.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The generator of the bundled sample city: a <b>synthetic</b>, Oakland-like city (coordinates around
 * 37.80, -122.27; zone America/Los_Angeles) with eight beats, 150 officers and their daily beat
 * assignments, 142,000 stops over 2015-2016, 2,400 complaints, and community survey waves in 2013,
 * 2015 and 2016 of about 1,500 respondents each, with census margins to rake them to. No record
 * describes a real person, officer or event.
 *
 * <p>The data are realistic in shape, with effects built in so the examples have something to find:
 * <ul>
 *   <li>a modest stop disparity (odds of a stop per resident 1.3 times a white resident's of the same
 *       beat for Black residents, 1.1 for Hispanic);</li>
 *   <li>a darkness effect for the veil of darkness test (Grogger and Ridgeway, "Testing for racial
 *       profiling in traffic stops from behind a veil of darkness", JASA 101, 2006): while the sun is
 *       up, a further factor of 1.3 on the odds that a stopped person is Black;</li>
 *   <li>more searches of Black and Hispanic subjects that find contraband less often, which the outcome
 *       test detects (Knowles, Persico and Todd, J. Political Economy 109, 2001);</li>
 *   <li>approval of the police lower among Black and Hispanic respondents and rising over the waves;</li>
 *   <li>a few officers with unusually many complaints; most officers mostly on one primary beat.</li>
 * </ul>
 * Every parameter is listed in the {@code README.md} written beside the files.
 *
 * <p>Output is deterministic byte for byte: everything is drawn from one seeded
 * {@link SplittableRandom} (split once per file, so the files do not depend on each other's sizes),
 * with {@link StrictMath} only, numbers formatted with {@link java.util.Locale#ROOT}, UTF-8 and
 * {@code \n} line ends. The column layouts (the Stanford Open Policing Project's standardized
 * schema for {@code stops.csv}: Pierson et al., Nature Human Behaviour 4, 2020) are those read by
 * the {@code io} module.
 *
 * <p>Thread-safety: stateless; the methods may be called from any thread (two calls writing the
 * same folder at once overwrite each other's files).
 */
public final class SampleCity {
    private SampleCity() {}

    /** Where the bundled files live, relative to the examples module. */
    static final String RESOURCE_FOLDER = "src/main/resources/io/github/peelmetrics/examples/sample";

    /** The files written, in the order written. */
    static final List<String> FILES = List.of("stops.csv", "survey_2013.csv", "survey_2015.csv", "survey_2016.csv",
            "census_margins.csv", "beats.csv", "complaints.csv", "officers.csv", "assignments.csv", "README.md");

    /**
     * Writes the bundled sample city to {@code examples/src/main/resources/io/github/peelmetrics/examples/sample/}
     * (run from the project root or from the examples module), or to the folder given as the only argument.
     *
     * @param args nothing, or one folder
     * @throws IllegalArgumentException if there are two or more arguments, or no argument and the
     *         working directory is neither the project root nor the examples module
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void main(String[] args) {
        Path folder;
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: SampleCity [folder]; got " + args.length + " arguments");
        } else if (args.length == 1) {
            folder = Path.of(args[0]);
        } else if (Files.isDirectory(Path.of("examples", "src", "main"))) {
            folder = Path.of("examples").resolve(RESOURCE_FOLDER);
        } else if (Files.isDirectory(Path.of("src", "main")) && Files.isRegularFile(Path.of("pom.xml"))) {
            folder = Path.of(RESOURCE_FOLDER);
        } else {
            throw new IllegalArgumentException("usage: SampleCity [folder]; with no folder, run it from the project root"
                    + " or the examples module (working directory: " + Path.of("").toAbsolutePath() + ")");
        }
        for (Path p : writeTo(folder)) {
            System.out.println("wrote " + p);
        }
    }

    /**
     * Writes the sample city's nine CSV files and its {@code README.md} to {@code folder}, creating the
     * folder if needed and replacing files of the same names. The bytes are exactly those of the files
     * bundled in the examples jar under {@code io/github/peelmetrics/examples/sample/}.
     *
     * @param folder where to write
     * @return the files written, in the order: stops.csv, survey_2013.csv, survey_2015.csv,
     *         survey_2016.csv, census_margins.csv, beats.csv, complaints.csv, officers.csv,
     *         assignments.csv, README.md
     * @throws NullPointerException if {@code folder} is null
     * @throws IllegalArgumentException if {@code folder} exists and is not a directory
     * @throws UncheckedIOException if the folder cannot be created or a file cannot be written
     */
    public static List<Path> writeTo(Path folder) {
        return write(folder, Parameters.BUNDLED);
    }

    /** Writes a city with the given parameters to {@code folder}; see {@link #writeTo(Path)}. */
    static List<Path> write(Path folder, Parameters parameters) {
        Objects.requireNonNull(folder, "folder of SampleCity.writeTo must not be null");
        Objects.requireNonNull(parameters, "parameters of SampleCity.write must not be null");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder of SampleCity.writeTo exists and is not a directory: " + folder);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sample city folder " + folder, e);
        }
        Map<String, byte[]> files = generate(parameters);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = folder.resolve(f.getKey());
            try {
                Files.write(target, f.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sample city file " + target, e);
            }
            written.add(target);
        }
        return Collections.unmodifiableList(written);
    }

    /**
     * The answer key of the bundled city's early intervention list: the ids of the officers whose
     * complaint propensity the generator multiplied by 5 (replaying its draws; nothing is written).
     *
     * @return the planted officers' ids, sorted
     */
    public static List<String> plantedComplaintOutliers() {
        Staff staff = bundledStaff();
        List<String> out = new ArrayList<>();
        for (int i : Complaints.propensity(staff, bundledComplaintRandom()).planted()) {
            out.add(staff.ids[i]);
        }
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    /**
     * Each officer's true complaint rate in the bundled city relative to the mean officer's (the
     * generator's Gamma(2, 1/2) propensity, times 5 for the planted officers, over the mean of all).
     *
     * @return officer id to relative rate, by id
     */
    public static Map<String, Double> complaintPropensities() {
        Staff staff = bundledStaff();
        double[] v = Complaints.propensity(staff, bundledComplaintRandom()).value();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        Map<String, Double> out = new java.util.TreeMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(staff.ids[i], v[i] / mean);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Staff bundledStaff() {
        SplittableRandom master = new SplittableRandom(Parameters.BUNDLED.seed());
        return Staff.generate(Parameters.BUNDLED, master.split());
    }

    /** The generator's third split of the bundled seed: the complaints' draws. */
    private static SplittableRandom bundledComplaintRandom() {
        SplittableRandom master = new SplittableRandom(Parameters.BUNDLED.seed());
        master.split();   // staff
        master.split();   // stops
        return master.split();
    }

    /** The files of a city, by name, in the order of {@link #FILES}, without touching the disk. */
    static Map<String, byte[]> generate(Parameters parameters) {
        SplittableRandom master = new SplittableRandom(parameters.seed());
        SplittableRandom staffRandom = master.split();
        SplittableRandom stopRandom = master.split();
        SplittableRandom complaintRandom = master.split();
        SplittableRandom[] waveRandom = new SplittableRandom[CityModel.WAVES.size()];
        for (int w = 0; w < waveRandom.length; w++) {
            waveRandom[w] = master.split();
        }
        Staff staff = Staff.generate(parameters, staffRandom);
        List<Csv> csvs = new ArrayList<>();
        csvs.add(Stops.generate(parameters, staff, stopRandom));
        for (int w = 0; w < waveRandom.length; w++) {
            csvs.add(Survey.wave(parameters, w, waveRandom[w]));
        }
        csvs.add(Survey.censusMargins());
        csvs.add(Survey.beats());
        csvs.add(Complaints.generate(parameters, staff, complaintRandom));
        csvs.add(staff.officers);
        csvs.add(staff.assignments);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Csv c : csvs) {
            files.put(c.name(), c.bytes());
        }
        files.put("README.md", Readme.text(parameters, csvs));
        return Collections.unmodifiableMap(files);
    }
}
