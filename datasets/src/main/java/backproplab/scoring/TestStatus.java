package backproplab.scoring;

/**
 * How a graded test ended.
 *
 * <p>The first four come straight from the JUnit Platform ({@code SUCCESSFUL}, {@code FAILED},
 * {@code ABORTED}, skipped). The last two are decided by whoever ran the tests when a test never reported
 * an end: the grader's parent JVM marks a test {@link #TIMED_OUT} when it killed the child for running too
 * long, and {@link #NOT_RUN} when the child ended (crashed, exited, was killed) before the test started or
 * finished.
 */
public enum TestStatus {

    /** The test ran to the end without an exception. */
    PASSED,

    /** The test threw: an assertion failed or the code under test threw an exception. */
    FAILED,

    /** The test stopped itself because an assumption did not hold (JUnit's {@code ABORTED}). */
    ABORTED,

    /** JUnit skipped the test, for example a {@code @Disabled} test or a failed execution condition. */
    SKIPPED,

    /** The test never reported a result: the run ended before it started or before it finished. */
    NOT_RUN,

    /** The test was stopped because it ran longer than its time limit. */
    TIMED_OUT;

    /**
     * Whether this status counts as a pass on platforms that know only pass and fail.
     *
     * @return {@code true} only for {@link #PASSED}
     */
    public boolean isPass() {
        return this == PASSED;
    }
}
