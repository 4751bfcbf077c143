package backproplab.scoring;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.TestReporter;

/**
 * Attaches files made by a test (loss curves, decision boundaries) to its result.
 *
 * <p>The test writes a PNG wherever it likes and publishes its absolute path; the reports embed it
 * (for example {@code report.html} and PrairieLearn's {@code images}). The file must still exist when
 * the reports are written, so write it to a directory that outlives the test, not to a JUnit
 * {@code @TempDir}.
 *
 * <pre>{@code
 * @Test
 * @Graded(points = 2, task = "moons.train")
 * void trainsOnMoons(TestReporter reporter) throws IOException {
 *     Path curve = LossCurve.write(history, outputDir.resolve("moons-loss.png"));
 *     Attachments.image(reporter, curve);
 *     ...
 * }
 * }</pre>
 */
public final class Attachments {

    /** Report-entry key whose value is the absolute path of a PNG image attached to the test. */
    public static final String IMAGE_KEY = "backproplab.image";

    private Attachments() {
    }

    /**
     * Attaches a PNG image to the running test.
     *
     * @param reporter the {@link TestReporter} JUnit injected into the test method
     * @param png      path of a PNG file; made absolute before it is published
     * @throws NullPointerException if an argument is {@code null}
     */
    public static void image(TestReporter reporter, Path png) {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(png, "png");
        reporter.publishEntry(IMAGE_KEY, png.toAbsolutePath().normalize().toString());
    }
}
