package backproplab.grader.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shell scripts and files bundled with the grader for the course platforms (class path resources). */
final class PlatformScripts {

    /** The shared script that runs the grader in a platform container and always writes a result. */
    static final String GRADE_SCRIPT = "backproplab-grade.sh";

    private PlatformScripts() {
    }

    /** A resource under {@code backproplab/grader/<folder>/}, as text. */
    static String text(String folder, String name) {
        String path = "/backproplab/grader/" + folder + "/" + name;
        try (InputStream in = PlatformScripts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The grader is missing its resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** The shared grading script. */
    static String gradeScript() {
        return text("platform", GRADE_SCRIPT);
    }
}
