package io.github.peelmetrics.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The files of the bundled sample city, read from the class path (they ship inside the examples jar
 * under {@code io/github/peelmetrics/examples/sample/}). The data are <b>synthetic</b>: see
 * {@link #README} for every column and generating parameter, and
 * {@link io.github.peelmetrics.examples.data.SampleCity} for the generator.
 *
 * <pre>{@code
 * try (BufferedReader in = SampleFile.STOPS.reader()) { ... }        // stream it
 * Path folder = Files.createTempDirectory("city");
 * SampleFile.copyAllTo(folder);                                       // or get real files
 * }</pre>
 *
 * <p>Thread-safety: immutable; every call opens its own stream.
 */
public enum SampleFile {
    /** {@code stops.csv}: police stops in 2015-2016, Stanford Open Policing Project layout. */
    STOPS("stops.csv"),
    /** {@code survey_2013.csv}: the 2013 community survey wave. */
    SURVEY_2013("survey_2013.csv"),
    /** {@code survey_2015.csv}: the 2015 community survey wave. */
    SURVEY_2015("survey_2015.csv"),
    /** {@code survey_2016.csv}: the 2016 community survey wave. */
    SURVEY_2016("survey_2016.csv"),
    /** {@code census_margins.csv}: adult population margins (race, age group, sex) to rake the waves to. */
    CENSUS_MARGINS("census_margins.csv"),
    /** {@code beats.csv}: adult residents by beat and race (long format). */
    BEATS("beats.csv"),
    /** {@code complaints.csv}: complaints against officers, with allegation and finding. */
    COMPLAINTS("complaints.csv"),
    /** {@code officers.csv}: officers with race, sex and hire date. */
    OFFICERS("officers.csv"),
    /** {@code assignments.csv}: which officer worked which beat on which shift, day by day. */
    ASSIGNMENTS("assignments.csv"),
    /** {@code README.md}: documents every file, column and generating parameter. */
    README("README.md");

    private static final String FOLDER = "/io/github/peelmetrics/examples/sample/";

    private final String fileName;

    SampleFile(String fileName) {
        this.fileName = fileName;
    }

    /** The file's name, such as {@code stops.csv}. */
    public String fileName() {
        return fileName;
    }

    /**
     * Opens the file's bytes; the caller closes the stream.
     *
     * @throws IllegalStateException if the file is not on the class path (an examples jar built without its resources)
     */
    public InputStream open() {
        InputStream in = SampleFile.class.getResourceAsStream(FOLDER + fileName);
        if (in == null) {
            throw new IllegalStateException("sample file " + fileName + " is not on the class path at " + FOLDER + fileName);
        }
        return in;
    }

    /**
     * Opens the file as UTF-8 text; the caller closes the reader.
     *
     * @throws IllegalStateException if the file is not on the class path
     */
    public BufferedReader reader() {
        return new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8));
    }

    /**
     * Copies the file into {@code folder} (created if needed), replacing a file of the same name.
     *
     * @param folder where to copy it
     * @return the copy
     * @throws NullPointerException if {@code folder} is null
     * @throws IllegalArgumentException if {@code folder} exists and is not a directory
     * @throws UncheckedIOException if the copy fails
     */
    public Path copyTo(Path folder) {
        Path dir = prepare(folder, "copyTo");
        Path target = dir.resolve(fileName);
        try (InputStream in = open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy sample file " + fileName + " to " + target, e);
        }
        return target;
    }

    /**
     * Copies every sample file into {@code folder}, for code that wants paths (a JShell session, the
     * {@code io} readers' path-based methods).
     *
     * @param folder where to copy them
     * @return the copies, in declaration order
     * @throws NullPointerException if {@code folder} is null
     * @throws IllegalArgumentException if {@code folder} exists and is not a directory
     * @throws UncheckedIOException if a copy fails
     */
    public static List<Path> copyAllTo(Path folder) {
        prepare(folder, "copyAllTo");
        List<Path> copies = new ArrayList<>();
        for (SampleFile f : values()) {
            copies.add(f.copyTo(folder));
        }
        return Collections.unmodifiableList(copies);
    }

    private static Path prepare(Path folder, String method) {
        Objects.requireNonNull(folder, () -> "folder of SampleFile." + method + " must not be null");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("folder of SampleFile." + method + " exists and is not a directory: " + folder);
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + folder + " for the sample files", e);
        }
    }
}
