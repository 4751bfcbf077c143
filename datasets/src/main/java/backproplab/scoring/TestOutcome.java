package backproplab.scoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The graded result of one test: what it was worth, what it scored, how it ended and what the student reads.
 *
 * <p>Instances are immutable. They are made by {@link GradeCollector}; build your own only in tests of code
 * that consumes reports.
 *
 * <p>The constructor replaces {@code null} strings by {@code ""} and copies {@code images}; it throws
 * {@link NullPointerException} if {@code id}, {@code status} or {@code visibility} is {@code null}, and
 * {@link IllegalArgumentException} if {@code score} is outside {@code [0, points]}.
 *
 * @param id             stable key of the test, see {@link TestKeys}
 * @param displayName    the name JUnit displays
 * @param className      fully qualified test class, or {@code ""}
 * @param methodName     test method (or field), or {@code ""}
 * @param task           task id from {@link Graded#task()}, or {@code ""} for an ungraded test
 * @param graded         whether a {@link Graded} annotation applies
 * @param points         the maximum score ({@code 0} when not graded)
 * @param score          the score earned, between 0 and {@code points}
 * @param status         how the test ended
 * @param message        student-facing explanation: the failure message, the reason the test did not run,
 *                       or the partial-credit reason; {@code ""} for a plain pass
 * @param output         the test's captured standard output and error, possibly capped; {@code ""} if none
 * @param visibility     when a student may see the test
 * @param durationMillis wall time of the test in milliseconds; {@code 0} if unknown
 * @param images         absolute paths of PNG images the test attached with {@link Attachments#image}
 */
public record TestOutcome(String id, String displayName, String className, String methodName, String task,
                          boolean graded, double points, double score, TestStatus status, String message,
                          String output, Visibility visibility, long durationMillis, List<Path> images) {

    /**
     * Checks the values, replaces {@code null} strings by {@code ""} and copies {@code images}.
     *
     * @param id the {@code id} component, as described above
     * @param displayName the {@code displayName} component, as described above
     * @param className the {@code className} component, as described above
     * @param methodName the {@code methodName} component, as described above
     * @param task the {@code task} component, as described above
     * @param graded the {@code graded} component, as described above
     * @param points the {@code points} component, as described above
     * @param score the {@code score} component, as described above
     * @param status the {@code status} component, as described above
     * @param message the {@code message} component, as described above
     * @param output the {@code output} component, as described above
     * @param visibility the {@code visibility} component, as described above
     * @param durationMillis the {@code durationMillis} component, as described above
     * @param images the {@code images} component, as described above
     */
    public TestOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visibility, "visibility");
        displayName = displayName == null ? id : displayName;
        className = className == null ? "" : className;
        methodName = methodName == null ? "" : methodName;
        task = task == null ? "" : task;
        message = message == null ? "" : message;
        output = output == null ? "" : output;
        images = images == null ? List.of() : List.copyOf(images);
        if (!(score >= 0.0 && score <= points)) {
            throw new IllegalArgumentException("Test " + id + ": score " + score + " is outside [0, " + points + "]");
        }
        durationMillis = Math.max(0L, durationMillis);
    }

    /**
     * Whether the test passed.
     *
     * @return {@code status() == PASSED}
     */
    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    /**
     * Whether the test earned all its points.
     *
     * @return {@code true} if {@code score == points}; also for an ungraded test that passed
     */
    public boolean fullMarks() {
        return passed() && score == points;
    }

    /**
     * This outcome with another duration; reports compared byte for byte use {@code 0}.
     *
     * @param millis the new duration in milliseconds
     * @return a copy with {@code durationMillis == millis}
     */
    public TestOutcome withDurationMillis(long millis) {
        return new TestOutcome(id, displayName, className, methodName, task, graded, points, score, status, message,
                output, visibility, millis, images);
    }
}
