package backproplab.grader.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: writes the skeleton API resource from the exercises module's classes.
 *
 * <p>Run by exec-maven-plugin at {@code process-classes} (see grader/engine/pom.xml) as
 * {@code SkeletonApiGenerator <exercises jar or classes dir> <output file>}. The exercises artifact is a
 * {@code provided} dependency of the grader, so its classes and the libraries they mention are on the
 * class path here, and it never ships in grader's lib/.
 */
public final class SkeletonApiGenerator {

    private SkeletonApiGenerator() {
    }

    /**
     * @param args the exercises location and the output file
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SkeletonApiGenerator <exercises jar or classes dir> <output file>");
        }
        Path exercises = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.exists(exercises)) {
            throw new IllegalArgumentException("The exercises classes are not at " + exercises
                    + "; build the exercises module first (./mvnw install -pl exercises -am -DskipTests).");
        }
        SkeletonApi api;
        try {
            api = SkeletonApi.readFrom(exercises, Thread.currentThread().getContextClassLoader());
        } catch (RuntimeException | LinkageError e) {
            // exec:java shows only "An exception occurred"; say what went wrong without needing -e.
            System.err.println("SkeletonApiGenerator: cannot read the exercises' API from " + exercises + ": " + e);
            throw e;
        }
        if (api.typeNames().isEmpty()) {
            throw new IllegalStateException("No public exercise class found in " + exercises);
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, api.text(), StandardCharsets.UTF_8);
    }
}
