package backproplab.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable result of a graded test run: one {@link TestOutcome} per test, in plan order, and the line
 * that says which ND4J backend ran.
 *
 * <p>A report holds no timestamps. Apart from the tests' durations (see {@link #withoutTimings()}), the
 * same submission yields an equal report on every run, so reports written from it can be compared byte
 * for byte.
 *
 * @param tests   every test of the run, graded or not, in the order they were planned
 * @param backend the backend line, for example {@code "ND4J backend CPU (linux-x86_64), BLAS OPENBLAS, ..."};
 *                {@code ""} if unknown
 */
public record GradeReport(List<TestOutcome> tests, String backend) {

    /**
     * Copies {@code tests}; a {@code null} backend becomes {@code ""}.
     *
     * @param tests the {@code tests} component, as described above
     * @param backend the {@code backend} component, as described above
     */
    public GradeReport {
        tests = List.copyOf(Objects.requireNonNull(tests, "tests"));
        backend = backend == null ? "" : backend;
    }

    /**
     * A report with no tests, for example when the submission did not compile.
     *
     * @param backend the backend line, or {@code ""}
     * @return an empty report, score 0 of 0
     */
    public static GradeReport empty(String backend) {
        return new GradeReport(List.of(), backend);
    }

    /**
     * The total score: the sum of every test's score, rounded to 6 decimals.
     *
     * @return the points earned
     */
    public double score() {
        return Points.round(tests.stream().mapToDouble(TestOutcome::score).sum());
    }

    /**
     * The maximum score: the sum of every test's points, rounded to 6 decimals.
     *
     * @return the points available
     */
    public double maxScore() {
        return Points.round(tests.stream().mapToDouble(TestOutcome::points).sum());
    }

    /**
     * The score as a share of the maximum.
     *
     * @return {@code score() / maxScore()}, or {@code 0} when nothing is graded
     */
    public double fraction() {
        double max = maxScore();
        return max == 0.0 ? 0.0 : Math.min(1.0, score() / max);
    }

    /**
     * The graded tests only.
     *
     * @return the tests with {@link TestOutcome#graded()} true, in plan order
     */
    public List<TestOutcome> gradedTests() {
        return tests.stream().filter(TestOutcome::graded).toList();
    }

    /**
     * The task ids of the graded tests, in the order they first appear.
     *
     * @return distinct task ids; empty when nothing is graded
     */
    public List<String> tasks() {
        Set<String> tasks = new LinkedHashSet<>();
        for (TestOutcome test : tests) {
            if (test.graded()) {
                tasks.add(test.task());
            }
        }
        return List.copyOf(tasks);
    }

    /**
     * The tests of one task.
     *
     * @param task a task id, or {@code ""} for the ungraded tests
     * @return the tests whose {@link TestOutcome#task()} equals {@code task}, in plan order
     */
    public List<TestOutcome> testsOf(String task) {
        return tests.stream().filter(t -> t.task().equals(task)).toList();
    }

    /**
     * The score of one task.
     *
     * @param task a task id
     * @return the sum of its tests' scores, rounded to 6 decimals
     */
    public double score(String task) {
        return Points.round(testsOf(task).stream().mapToDouble(TestOutcome::score).sum());
    }

    /**
     * The maximum score of one task.
     *
     * @param task a task id
     * @return the sum of its tests' points, rounded to 6 decimals
     */
    public double maxScore(String task) {
        return Points.round(testsOf(task).stream().mapToDouble(TestOutcome::points).sum());
    }

    /**
     * How many tests ended with the given status.
     *
     * @param status a status
     * @return the number of tests, graded or not, with that status
     */
    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    /**
     * This report with every test duration set to 0, for comparisons that must not depend on timing.
     *
     * @return a copy without timing information
     */
    public GradeReport withoutTimings() {
        List<TestOutcome> copies = new ArrayList<>(tests.size());
        for (TestOutcome test : tests) {
            copies.add(test.withDurationMillis(0));
        }
        return new GradeReport(copies, backend);
    }
}
