package backproplab.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * Where the grader's own code and the course libraries are, so the grader can compile a submission
 * against the libraries and give a forked child JVM the same class path.
 *
 * <p>Works in both settings the grader runs in:
 * <ul>
 *   <li>from {@code grader.jar}: the jar itself, plus the {@code lib/} jars its manifest's
 *       {@code Class-Path} names;</li>
 *   <li>from a class folder (Maven tests, an IDE): the class path of this JVM
 *       ({@code surefire.test.class.path} under Surefire, else {@code java.class.path}), with the grader's
 *       own class folders apart.</li>
 * </ul>
 * Entries that hold exercise classes (the skeleton or the reference) are always left out: in a grading run
 * the submission provides those classes, and nothing may shadow it.
 *
 * @param graderCode the grader's own code: grader.jar, or its class folders
 * @param libraries  the course runtime libraries (datasets, ND4J, JUnit, ...)
 */
public record RuntimeClasspath(List<Path> graderCode, List<Path> libraries) {

    /** Copies the lists. */
    public RuntimeClasspath {
        graderCode = List.copyOf(graderCode);
        libraries = List.copyOf(libraries);
    }

    /**
     * Finds the class path of this JVM.
     *
     * @param exerciseClassResources resource paths of exercise classes, for example
     *                               {@code backproplab/activations/Activations.class}; entries holding any are dropped
     * @return the grader's code and libraries
     */
    public static RuntimeClasspath detect(Collection<String> exerciseClassResources) {
        Path self = codeLocation();
        if (Files.isRegularFile(self)) {
            return fromJar(self, exerciseClassResources);
        }
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
        List<Path> grader = new ArrayList<>();
        List<Path> libraries = new ArrayList<>();
        Path module = self.getParent();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path) || holdsAny(path, exerciseClassResources)) {
                continue;
            }
            if (path.equals(self) || (module != null && path.getParent() != null && path.getParent().equals(module)
                    && Files.isDirectory(path))) {
                grader.add(path);
            } else {
                libraries.add(path);
            }
        }
        if (!grader.contains(self)) {
            grader.add(0, self);
        }
        return new RuntimeClasspath(grader, libraries);
    }

    private static RuntimeClasspath fromJar(Path jar, Collection<String> exerciseClassResources) {
        List<Path> libraries = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String entries = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (entries != null) {
                for (String entry : entries.trim().split("\\s+")) {
                    Path path = jar.getParent().resolve(entry).normalize();
                    if (Files.exists(path) && !holdsAny(path, exerciseClassResources)) {
                        libraries.add(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + jar, e);
        }
        return new RuntimeClasspath(List.of(jar), libraries);
    }

    /** The class path a submission compiles against: the libraries, never the grader itself. */
    public List<Path> compileClasspath() {
        return libraries;
    }

    /**
     * The class path of a child JVM that runs the suites on a submission. The submission comes last, so
     * even a class that slipped past the package check cannot shadow the grader or a library.
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

    private static Path codeLocation() {
        try {
            return Path.of(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where the grader's classes are", e);
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
