package backproplab.scoring;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.TestReporter;

/**
 * Awards part of a test's points.
 *
 * <p>A test method that wants partial credit takes JUnit's {@link TestReporter} as a parameter and calls
 * {@link #award(TestReporter, double, String)} with the fraction it earned so far. The fraction is
 * published as a JUnit report entry, so it reaches the scoring listener in this JVM as well as the
 * grader's parent JVM through the child's event stream.
 *
 * <pre>{@code
 * @Test
 * @Graded(points = 4, task = "moons.accuracy")
 * void moonsTestAccuracy(TestReporter reporter) {
 *     double accuracy = trainAndEvaluate();
 *     if (accuracy >= 0.90) {
 *         PartialCredit.award(reporter, 0.5, "test accuracy " + accuracy + " reached the 90 % tier");
 *     }
 *     assertThat(accuracy).as("test accuracy on moons").isGreaterThanOrEqualTo(0.95);
 * }
 * }</pre>
 *
 * <p>How the award counts:
 * <ul>
 *   <li>a test that passes without an award scores its full points;</li>
 *   <li>a test that passes with an award scores {@code fraction × points};</li>
 *   <li>a test that fails or aborts after an award keeps {@code fraction × points}; without an award it
 *       scores 0;</li>
 *   <li>a test that was skipped, not run or timed out scores 0, whatever it awarded;</li>
 *   <li>when a test awards more than once, the last award counts.</li>
 * </ul>
 * The alternative to an explicit award is tiers: separate tests, each with its own points, for each
 * threshold (for example one test for accuracy ≥ 90 % and one for ≥ 95 %).
 */
public final class PartialCredit {

    /** Report-entry key whose value is the awarded fraction, a decimal number in [0, 1]. */
    public static final String FRACTION_KEY = "backproplab.partial";

    /** Report-entry key whose value is the student-facing reason for the award. */
    public static final String REASON_KEY = "backproplab.partial.reason";

    private PartialCredit() {
    }

    /**
     * Awards {@code fraction} of the test's points, with a reason the student will read.
     *
     * @param reporter the {@link TestReporter} JUnit injected into the test method
     * @param fraction the earned share of the points, from 0 to 1 inclusive
     * @param reason   why this share was earned, for example {@code "3 of 4 gradients match"}
     * @throws IllegalArgumentException if {@code fraction} is not a number between 0 and 1
     * @throws NullPointerException     if {@code reporter} or {@code reason} is {@code null}
     */
    public static void award(TestReporter reporter, double fraction, String reason) {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reason, "reason");
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("PartialCredit.award: fraction must be between 0 and 1, got " + fraction);
        }
        reporter.publishEntry(Map.of(FRACTION_KEY, format(fraction), REASON_KEY, reason));
    }

    /**
     * Reads a fraction published under {@link #FRACTION_KEY}, clamped to [0, 1].
     *
     * @param value the report-entry value
     * @return the fraction, or {@code 0} if the value is not a number
     */
    public static double parseFraction(String value) {
        try {
            double fraction = Double.parseDouble(value.trim());
            return Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
        } catch (NumberFormatException | NullPointerException e) {
            return 0.0;
        }
    }

    private static String format(double fraction) {
        return String.format(Locale.ROOT, "%.6f", fraction);
    }
}
