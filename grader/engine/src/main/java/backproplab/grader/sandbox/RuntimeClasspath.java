package backproplab.grader.sandbox;

import backproplab.grader.intake.JarUrl;
import backproplab.grader.child.ChildMain;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class paths of a grading run: what a submission compiles against, what the test JVM runs with, and what the
 * compiler JVM runs with.
 *
 * <p>The test JVM gets the runtime class path of the hidden-suites module (course runtime, ND4J, JUnit, Jackson,
 * XChart, the test-JVM code and the suites), written down by the build, and nothing of the engine: no picocli,
 * ArchUnit or engine class. Two settings:
 * <ul>
 *   <li>from {@code grader.jar}: the suites jar sits in {@code lib/} and carries the list as {@code lib/} file names
 *       ({@value #IN_JAR_LIST});</li>
 *   <li>from a class folder or a reactor jar (Maven tests, an IDE): the suites module's {@code target/} holds the same
 *       list as absolute paths ({@value #REACTOR_LIST}).</li>
 * </ul>
 * Entries that hold exercise classes (the skeleton or the reference) are always left out: in a grading run the
 * submission provides those classes, and nothing may shadow it. The reference compiled for the grader (the entry
 * holding {@value #REFERENCE_MARKER}) is kept apart instead: the test JVM gets it as a setting, not on its class
 * path, and links it beneath each suite for the exercises that suite does not grade (exercise isolation).
 *
 * <p>The hidden suites are not on the test JVM's class path either: like the reference, they reach the test JVM as
 * bytes over its event socket ({@link HiddenFilesArchive}), so that no class-path lookup or file read of student
 * code finds them.
 *
 * @param libraries    the libraries of the test JVM, which are also what a submission compiles against
 * @param graderCode   the grader's code on the test JVM's class path: the test-JVM module
 * @param hiddenSuites the hidden suites (the bundled jar or folder, then an instructor's own, {@link #withSuites}),
 *                     sent to the test JVM, never on its class path
 * @param engine       the class path of this JVM (the engine), for the compiler JVM
 * @param reference    the reference classes for the test JVM (one jar or folder), or empty when the build has none
 */
public record RuntimeClasspath(List<Path> libraries, List<Path> graderCode, List<Path> hiddenSuites, List<Path> engine,
                               List<Path> reference) {

    /** The resource that marks the grader's copy of the reference classes (module grader/reference). */
    static final String REFERENCE_MARKER = "META-INF/backproplab-reference.txt";

    /** The list inside the suites jar, one {@code lib/...} name per entry, separated by {@code :}. */
    static final String IN_JAR_LIST = "backproplab/grader/suites/test-jvm.classpath";
    /** The list in the suites module's {@code target/}, absolute paths separated by the platform's separator. */
    static final String REACTOR_LIST = "test-jvm.classpath";

    /** Copies the lists. */
    public RuntimeClasspath {
        libraries = List.copyOf(libraries);
        graderCode = List.copyOf(graderCode);
        hiddenSuites = List.copyOf(hiddenSuites);
        engine = List.copyOf(engine);
        reference = List.copyOf(reference);
    }

    /**
     * Finds the class paths from this JVM's suites and test-JVM code.
     *
     * @param exerciseClassResources resource paths of exercise classes, for example
     *                               {@code backproplab/activations/Activations.class}; entries holding any are dropped
     * @return the class paths
     */
    public static RuntimeClasspath detect(Collection<String> exerciseClassResources) {
        URL list = RuntimeClasspath.class.getClassLoader().getResource(IN_JAR_LIST);
        if (list == null) {
            throw new IllegalStateException("The hidden suites (" + IN_JAR_LIST + ") are not on the grader's class path");
        }
        Path suites = containerOf(list);
        Path child = location(ChildMain.class);
        List<Path> entries = suites.getParent() != null && suites.getParent().getFileName() != null
                && suites.getParent().getFileName().toString().equals("lib") && Files.isRegularFile(suites)
                ? inDistribution(list, suites.getParent().getParent())
                : inReactor(suites);
        List<Path> libraries = new ArrayList<>();
        List<Path> reference = new ArrayList<>();
        List<Path> missing = entries.stream().filter(entry -> !Files.exists(entry)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The test JVM's class path names files that are not there: " + missing
                    + " (rebuild the grader with ./mvnw -B package -DskipTests)");
        }
        for (Path entry : entries) {
            if (holdsAny(entry, List.of(REFERENCE_MARKER))) {
                reference.add(entry);
            } else if (!entry.equals(child) && !entry.equals(suites) && !holdsAny(entry, exerciseClassResources)) {
                libraries.add(entry);
            }
        }
        return new RuntimeClasspath(libraries, List.of(child), List.of(suites), thisJvm(), reference);
    }

    /**
     * @param suites class folders or jars of more suites (an instructor's own), sent to the test JVM with the hidden
     *               suites, never put on its class path
     * @return a copy whose hidden suites end with them
     */
    public RuntimeClasspath withSuites(List<Path> suites) {
        List<Path> hidden = new ArrayList<>(hiddenSuites);
        hidden.addAll(suites);
        return new RuntimeClasspath(libraries, graderCode, hidden, engine, reference);
    }

    /** The class path a submission compiles against: the libraries, never the grader's code. */
    public List<Path> compileClasspath() {
        return libraries;
    }

    /**
     * The class path of a test JVM that runs the suites on a submission. The submission comes last, so even a class
     * that slipped past the package check cannot shadow the grader or a library.
     */
    public List<Path> childClasspath(Path submissionClasses) {
        List<Path> all = new ArrayList<>(libraries);
        all.addAll(graderCode);
        all.add(submissionClasses);
        return all;
    }

    /** Joins paths with the platform's separator. */
    public static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> inDistribution(URL list, Path distribution) {
        try (InputStream in = list.openStream()) {
            String names = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            List<Path> entries = new ArrayList<>();
            for (String name : names.split(":")) {
                if (!name.isBlank()) {
                    entries.add(distribution.resolve(name.strip()).normalize());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + list, e);
        }
    }

    private static List<Path> inReactor(Path suites) {
        // suites is <module>/target/classes or <module>/target/<jar>: the list is in <module>/target.
        Path file = suites.getParent().resolve(REACTOR_LIST);
        try {
            List<Path> entries = new ArrayList<>();
            for (String entry : Files.readString(file, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.strip()).toAbsolutePath().normalize());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test JVM's class path " + file
                    + " (build the grader/suites module first)", e);
        }
    }

    private static List<Path> thisJvm() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return entries;
    }

    /** The jar or class folder a resource URL points into. */
    private static Path containerOf(URL resource) {
        try {
            if (JarUrl.isJar(resource)) {
                return JarUrl.jarOf(resource);
            }
            Path file = Path.of(resource.toURI());
            for (String ignored : IN_JAR_LIST.split("/")) {
                file = file.getParent();
            }
            return file.toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where " + resource + " is", e);
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where " + type.getName() + " is", e);
        }
    }

    private static boolean holdsAny(Path entry, Collection<String> resources) {
        if (resources.isEmpty()) {
            return false;
        }
        if (Files.isDirectory(entry)) {
            return resources.stream().anyMatch(r -> Files.exists(entry.resolve(r)));
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return resources.stream().anyMatch(r -> zip.getEntry(r) != null);
        } catch (IOException e) {
            return false;
        }
    }
}
