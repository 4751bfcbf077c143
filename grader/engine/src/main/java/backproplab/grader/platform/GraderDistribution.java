package backproplab.grader.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The grader as it ships: the thin {@code grader.jar} and the library jars its manifest's {@code Class-Path}
 * names ({@code lib/...}), which a platform package copies next to it in the same layout.
 *
 * @param jar       grader.jar
 * @param libraries the library jars, as paths relative to the jar's folder (for example {@code lib/picocli.jar})
 */
public record GraderDistribution(Path jar, List<String> libraries) {

    /** Copies the list. */
    public GraderDistribution {
        libraries = List.copyOf(libraries);
    }

    /**
     * Reads a grader.jar and checks every library it names is there.
     *
     * @param jar the thin grader jar (for example grader/target/grader.jar)
     * @return the distribution
     * @throws IllegalArgumentException if the jar or one of its libraries is missing, or it has no main class
     */
    public static GraderDistribution of(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("No grader jar at " + absolute
                    + "; build it with ./mvnw -B -q package -DskipTests (it is grader/target/grader.jar)");
        }
        try (JarFile file = new JarFile(absolute.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            if (main == null || main.getValue(Attributes.Name.MAIN_CLASS) == null) {
                throw new IllegalArgumentException(absolute + " has no Main-Class: it is not grader.jar");
            }
            String classPath = main.getValue(Attributes.Name.CLASS_PATH);
            List<String> libraries = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                if (entry.isBlank()) {
                    continue;
                }
                libraries.add(entry);
                if (!Files.isRegularFile(absolute.getParent().resolve(entry))) {
                    missing.add(entry);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("grader.jar names libraries that are not next to it: " + missing
                        + "; run ./mvnw -B -q package -DskipTests, which fills grader/target/lib");
            }
            return new GraderDistribution(absolute, libraries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + absolute, e);
        }
    }

    /**
     * The distribution this code runs from.
     *
     * @return the distribution of the running grader.jar
     * @throws IllegalArgumentException when the grader runs from class folders (an IDE, a Maven test), not a jar
     */
    public static GraderDistribution running() {
        Path self;
        try {
            self = Path.of(GraderDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Cannot tell where the grader runs from; pass --grader-jar", e);
        }
        if (!Files.isRegularFile(self)) {
            throw new IllegalArgumentException("The grader runs from " + self + ", not from grader.jar; pass --grader-jar");
        }
        return of(self);
    }

    /** The library jar at a manifest entry. */
    public Path library(String entry) {
        return jar.getParent().resolve(entry);
    }
}
