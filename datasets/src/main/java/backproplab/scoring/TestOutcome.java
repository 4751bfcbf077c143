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
     * @throws NullPointerException     if {@code id}, {@code status} or {@code visibility} is {@code null}
     * @throws IllegalArgumentException if {@code score} is outside {@code [0, points]}
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
