package backproplab.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Collects the events of a test run and turns them into a {@link GradeReport}; the small mutable builder
 * behind the immutable report.
 *
 * <p>It is fed either by {@link JUnitEventForwarder} in the JVM that runs the tests, or by hand from a
 * stream of plain events: the grader's parent JVM replays the child's events into a collector, and calls
 * {@link #timedOut}, {@link #notRun} or {@link #endRun} itself when the child hangs or dies. A test's
 * first end wins: events that arrive for a test after it ended are ignored, so the parent's verdict
 * stands.
 *
 * <pre>{@code
 * GradeCollector collector = new GradeCollector();
 * collector.planned(PlannedTest.graded("p.BackwardHiddenTest#shapes", "gradient shapes",
 *         "p.BackwardHiddenTest", "shapes", graded));
 * collector.started("p.BackwardHiddenTest#shapes");
 * collector.reportEntry("p.BackwardHiddenTest#shapes", PartialCredit.FRACTION_KEY, "0.5");
 * collector.finished("p.BackwardHiddenTest#shapes", TestStatus.FAILED, "dW2 has the wrong shape", 12);
 * collector.endRun(TestStatus.NOT_RUN, "the test JVM exited with code 1 during this test",
 *         "the test JVM exited with code 1 before this test started");
 * GradeReport report = collector.report(Backend.describe());
 * }</pre>
 *
 * <p>Scoring rules (see {@link PartialCredit}): a pass scores the points, or the awarded fraction of them;
 * a failure or abort scores the awarded fraction, if any, else 0; skipped, not-run and timed-out tests
 * score 0. Ungraded tests score 0 of 0. Captured output is capped at {@value #MAX_OUTPUT_CHARS} characters
 * per test, messages as {@link FailureMessages#trim(String)} says.
 *
 * <p>All methods are thread-safe. Events for a key that was never planned create an ungraded test.
 */
public final class GradeCollector implements TestEventSink {

    /** Longest captured output kept per test, in characters. */
    public static final int MAX_OUTPUT_CHARS = 16_000;

    /** Message of a test that started but never ended, when nothing better is known. */
    public static final String DEFAULT_RUNNING_REASON = "This test started but never reported a result.";

    /** Message of a test that never started, when nothing better is known. */
    public static final String DEFAULT_PENDING_REASON = "This test did not run: the test run ended before it started.";

    private enum Phase { PENDING, RUNNING, DONE }

    private final LongSupplier clockMillis;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A collector that measures durations with {@link System#nanoTime()}. */
    public GradeCollector() {
        this(() -> System.nanoTime() / 1_000_000L);
    }

    /**
     * A collector that measures durations with the given clock, for {@link #finished(String, TestStatus, String)}.
     *
     * @param clockMillis a monotonic clock in milliseconds
     */
    public GradeCollector(LongSupplier clockMillis) {
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * Adds a test to the plan. Planning a key again starts a new attempt: its earlier result is forgotten.
     *
     * @param test the planned test
     */
    @Override
    public synchronized void planned(PlannedTest test) {
        entries.put(test.id(), new Entry(test));
    }

    /**
     * Marks a test as running and starts its clock.
     *
     * @param id the test's stable key
     */
    @Override
    public synchronized void started(String id) {
        Entry entry = entry(id);
        if (entry.phase == Phase.PENDING) {
            entry.phase = Phase.RUNNING;
            entry.startMillis = clockMillis.getAsLong();
        }
    }

    /**
     * Records a report entry: a partial-credit fraction or reason, an attached image, or captured
     * {@code stdout}/{@code stderr}. Other keys are ignored.
     *
     * @param id    the test's stable key
     * @param key   the entry key
     * @param value the entry value
     */
    @Override
    public synchronized void reportEntry(String id, String key, String value) {
        Entry entry = entry(id);
        if (entry.phase == Phase.DONE || key == null || value == null) {
            return;
        }
        switch (key) {
            case PartialCredit.FRACTION_KEY -> entry.award = PartialCredit.parseFraction(value);
            case PartialCredit.REASON_KEY -> entry.awardReason = value.strip();
            case Attachments.IMAGE_KEY -> entry.images.add(Path.of(value));
            case "stdout", "stderr" -> entry.appendOutput(value);
            default -> { }
        }
    }

    /**
     * Appends captured output of a test.
     *
     * @param id   the test's stable key
     * @param text the text written
     */
    @Override
    public synchronized void output(String id, String text) {
        Entry entry = entry(id);
        if (entry.phase != Phase.DONE && text != null) {
            entry.appendOutput(text);
        }
    }

    /**
     * Ends a test with a known duration. Ignored if the test already ended.
     *
     * @param id             the test's stable key
     * @param status         how it ended
     * @param message        the student-facing message, or {@code ""}
     * @param durationMillis wall time in milliseconds
     */
    @Override
    public synchronized void finished(String id, TestStatus status, String message, long durationMillis) {
        Objects.requireNonNull(status, "status");
        Entry entry = entry(id);
        if (entry.phase == Phase.DONE) {
            return;
        }
        entry.phase = Phase.DONE;
        entry.status = status;
        entry.message = FailureMessages.trim(message);
        entry.durationMillis = durationMillis;
    }

    /**
     * Ends a test, measuring its duration from {@link #started(String)} with this collector's clock.
     *
     * @param id      the test's stable key
     * @param status  how it ended
     * @param message the student-facing message, or {@code ""}
     */
    public synchronized void finished(String id, TestStatus status, String message) {
        Entry entry = entry(id);
        long duration = entry.phase == Phase.RUNNING ? clockMillis.getAsLong() - entry.startMillis : 0L;
        finished(id, status, message, duration);
    }

    /**
     * Marks a test as not run (score 0), for example because the child JVM died first.
     *
     * @param id     the test's stable key
     * @param reason what the student reads, for example {@code "the test JVM ran out of memory"}
     */
    public synchronized void notRun(String id, String reason) {
        finished(id, TestStatus.NOT_RUN, reason);
    }

    /**
     * Marks a test as timed out (score 0).
     *
     * @param id     the test's stable key
     * @param reason what the student reads, for example {@code "stopped after 10 s (the limit per test)"}
     */
    public synchronized void timedOut(String id, String reason) {
        finished(id, TestStatus.TIMED_OUT, reason);
    }

    /**
     * The tests that started and have not ended, in plan order; when a run hangs, these are the culprits.
     *
     * @return their keys
     */
    public synchronized List<String> running() {
        return keysIn(Phase.RUNNING);
    }

    /**
     * The planned tests that have not started, in plan order.
     *
     * @return their keys
     */
    public synchronized List<String> pending() {
        return keysIn(Phase.PENDING);
    }

    /**
     * Ends every test that has not ended: running ones with {@code runningStatus} and {@code runningReason},
     * pending ones with {@link TestStatus#NOT_RUN} and {@code pendingReason}. All score 0.
     *
     * @param runningStatus status for tests that started, usually {@link TestStatus#TIMED_OUT} or
     *                      {@link TestStatus#NOT_RUN}
     * @param runningReason message for tests that started
     * @param pendingReason message for tests that never started
     */
    public synchronized void endRun(TestStatus runningStatus, String runningReason, String pendingReason) {
        for (String id : running()) {
            finished(id, runningStatus, runningReason);
        }
        for (String id : pending()) {
            finished(id, TestStatus.NOT_RUN, pendingReason, 0L);
        }
    }

    /**
     * The report so far. Tests that have not ended appear as {@link TestStatus#NOT_RUN} with
     * {@link #DEFAULT_RUNNING_REASON} or {@link #DEFAULT_PENDING_REASON}; the collector itself is not changed.
     *
     * @param backend the backend line for the report, or {@code ""}
     * @return an immutable report, tests in plan order
     */
    public synchronized GradeReport report(String backend) {
        List<TestOutcome> outcomes = new ArrayList<>(entries.size());
        for (Entry entry : entries.values()) {
            outcomes.add(entry.outcome());
        }
        return new GradeReport(outcomes, backend);
    }

    private List<String> keysIn(Phase phase) {
        List<String> keys = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry.phase == phase) {
                keys.add(key);
            }
        });
        return keys;
    }

    private Entry entry(String id) {
        Objects.requireNonNull(id, "id");
        return entries.computeIfAbsent(id, key -> new Entry(PlannedTest.ungraded(key, key, "", "")));
    }

    /** The mutable state of one test. */
    private static final class Entry {
        private final PlannedTest plan;
        private Phase phase = Phase.PENDING;
        private long startMillis;
        private long durationMillis;
        private TestStatus status;
        private String message = "";
        private final StringBuilder output = new StringBuilder();
        private long outputDropped;
        private Double award;
        private String awardReason = "";
        private final Set<Path> images = new LinkedHashSet<>();

        Entry(PlannedTest plan) {
            this.plan = plan;
        }

        void appendOutput(String text) {
            int room = MAX_OUTPUT_CHARS - output.length();
            if (text.length() <= room) {
                output.append(text);
            } else {
                output.append(text, 0, Math.max(0, room));
                outputDropped += text.length() - Math.max(0, room);
            }
        }

        TestOutcome outcome() {
            TestStatus finalStatus = status;
            String finalMessage = message;
            if (phase != Phase.DONE) {
                finalStatus = TestStatus.NOT_RUN;
                finalMessage = phase == Phase.RUNNING ? DEFAULT_RUNNING_REASON : DEFAULT_PENDING_REASON;
            }
            double fraction = creditedFraction(finalStatus);
            double score = Points.round(Math.min(plan.points(), plan.points() * fraction));
            return new TestOutcome(plan.id(), plan.displayName(), plan.className(), plan.methodName(), plan.task(),
                    plan.graded(), plan.points(), score, finalStatus, withCreditNote(finalStatus, finalMessage),
                    capturedOutput(), plan.visibility(), phase == Phase.DONE ? durationMillis : 0L,
                    List.copyOf(images));
        }

        private double creditedFraction(TestStatus finalStatus) {
            return switch (finalStatus) {
                case PASSED -> award == null ? 1.0 : award;
                case FAILED, ABORTED -> award == null ? 0.0 : award;
                case SKIPPED, NOT_RUN, TIMED_OUT -> 0.0;
            };
        }

        private String withCreditNote(TestStatus finalStatus, String text) {
            if (award == null || !plan.graded()
                    || !(finalStatus == TestStatus.PASSED || finalStatus == TestStatus.FAILED
                         || finalStatus == TestStatus.ABORTED)) {
                return text;
            }
            String note = "Partial credit: " + percent(award) + " of " + Points.format(plan.points()) + " points"
                    + (awardReason.isEmpty() ? "." : " (" + awardReason + ").");
            if (finalStatus == TestStatus.PASSED) {
                return text.isEmpty() ? note : note + "\n" + text;
            }
            return text + "\n" + note.replace("Partial credit:", "Partial credit kept:");
        }

        private String capturedOutput() {
            return outputDropped == 0 ? output.toString()
                    : output + "\n... (output cut: " + outputDropped + " more characters)";
        }

        private static String percent(double fraction) {
            return Points.format(fraction * 100.0).replaceAll("\\.0$", "") + " %";
        }
    }
}
