package backproplab.scoring;

/**
 * Receives the events of a test run as plain values, with tests named by their stable key.
 *
 * <p>This is the seam between running tests and scoring them. {@link JUnitEventForwarder} turns JUnit
 * Platform callbacks into these calls. In a Surefire run the sink is a {@link GradeCollector} in the same
 * JVM. In the grader, the child JVM's sink writes each call to its event stream and the parent replays the
 * stream into its own {@link GradeCollector}, so the score is computed where the student's code cannot
 * reach it.
 *
 * <p>For every test the order is {@code planned}, then {@code started}, then any number of
 * {@code reportEntry} and {@code output}, then {@code finished}. A skipped test gets {@code finished}
 * with {@link TestStatus#SKIPPED} and no {@code started}.
 */
public interface TestEventSink {

    /**
     * A test is part of the plan. Called for every test before the first one starts, and later for
     * dynamic tests as they are registered.
     *
     * @param test the planned test, with its points
     */
    void planned(PlannedTest test);

    /**
     * A test started.
     *
     * @param id the test's stable key
     */
    void started(String id);

    /**
     * A test published a report entry, for example a partial-credit award or an attached image.
     *
     * @param id    the test's stable key
     * @param key   the entry's key, for example {@link PartialCredit#FRACTION_KEY}
     * @param value the entry's value
     */
    void reportEntry(String id, String key, String value);

    /**
     * A test wrote to standard output or standard error.
     *
     * @param id   the test's stable key
     * @param text the text written, possibly already capped
     */
    void output(String id, String text);

    /**
     * A test ended.
     *
     * @param id             the test's stable key
     * @param status         how it ended
     * @param message        the student-facing message ({@link FailureMessages#describe(Throwable)} for a
     *                       failure, the reason for a skip), or {@code ""}
     * @param durationMillis its wall time in milliseconds
     */
    void finished(String id, TestStatus status, String message, long durationMillis);

    /** The whole test plan finished. The default does nothing. */
    default void runFinished() {
    }
}
