package backproplab.grader.checks;

import java.util.Objects;

/**
 * The result of a check made on the submission before its tests run (API signatures, structure rules).
 * The grade report lists each one as a test of its own.
 *
 * @param name    what was checked, in student words, for example {@code "API: NeuralNetwork.backward(INDArray)"}
 * @param task    the task id it belongs to, for example {@code "api"}
 * @param points  what it is worth; API checks are worth 0 (the tests that need the member lose the points)
 * @param passed  whether the submission passed it
 * @param message what was expected, what was found and what to do; {@code ""} when passed
 */
public record CheckResult(String name, String task, double points, boolean passed, String message) {

    /** Checks for nulls and a finite, non-negative number of points. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        message = message == null ? "" : message;
        if (!(points >= 0) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("points must be finite and >= 0, got " + points);
        }
    }

    /** A passed check. */
    public static CheckResult pass(String name, String task, double points) {
        return new CheckResult(name, task, points, true, "");
    }

    /** A failed check. */
    public static CheckResult fail(String name, String task, double points, String message) {
        return new CheckResult(name, task, points, false, message);
    }
}
