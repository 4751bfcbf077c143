package backproplab.grader.export;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the course repository is, seen from the grader module's tests (Surefire runs them in grader/). */
public final class CourseRepo {

    private CourseRepo() {
    }

    /** The course repository's root: the parent of the grader module. */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath().normalize();
        for (int up = 0; up < 3 && root != null; up++) {
            if (Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("grader"))
                    && Files.isDirectory(root.resolve("exercises"))) {
                return root;
            }
            root = root.getParent();
        }
        throw new IllegalStateException("Run the tests from the grader module or the course root; cwd is "
                + Path.of("").toAbsolutePath());
    }

    /** The grader jar that {@code ./mvnw package} builds. */
    public static Path graderJar() {
        return root().resolve("grader/target/grader.jar");
    }
}
