package backproplab.grader.sandbox;

import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestStatus;

/**
 * One line of the child's event stream (JSON, one object per line). The first event is {@link #HELLO},
 * then {@link #BACKEND}, the {@link #PLANNED} tests, and per test {@link #STARTED}, {@link #REPORT_ENTRY},
 * {@link #OUTPUT}, {@link #FINISHED}; the last is {@link #RUN_FINISHED}, or {@link #HUNG} / {@link #FATAL}
 * when the child stops itself. Only the fields of the event's type are set.
 *
 * @param type           one of the constants below
 * @param id             the test's stable key
 * @param test           the planned test ({@link #PLANNED})
 * @param key            report entry key, or the token ({@link #HELLO})
 * @param value          report entry value
 * @param text           captured output, backend line, or the reason ({@link #HUNG}, {@link #FATAL})
 * @param status         how a test ended ({@link #FINISHED})
 * @param millis         duration of a test, or of a phase
 */
public record SandboxEvent(String type, String id, PlannedTest test, String key, String value, String text,
                           TestStatus status, Long millis) {

    /** First event: the child connected; {@code key} is the token, {@code millis} the child JVM's uptime (its start-up). */
    public static final String HELLO = "hello";
    /** ND4J started: {@code text} is {@code Backend.describe()}, {@code millis} the start-up time. */
    public static final String BACKEND = "backend";
    /** A test of the plan. */
    public static final String PLANNED = "planned";
    /** A test started. */
    public static final String STARTED = "started";
    /** A test published a report entry. */
    public static final String REPORT_ENTRY = "reportEntry";
    /** What a test printed, capped. */
    public static final String OUTPUT = "output";
    /** A test ended. */
    public static final String FINISHED = "finished";
    /** Discovery took {@code millis}; the plan has been sent. */
    public static final String DISCOVERED = "discovered";
    /** Every selected test ran; {@code millis} is the child's CPU time. */
    public static final String RUN_FINISHED = "runFinished";
    /** The child halts itself because a test would not stop; {@code id} is that test, if known. */
    public static final String HUNG = "hung";
    /** The child halts itself after an error outside any test. */
    public static final String FATAL = "fatal";

    static SandboxEvent of(String type) {
        return new SandboxEvent(type, null, null, null, null, null, null, null);
    }

    static SandboxEvent forTest(String type, String id) {
        return new SandboxEvent(type, id, null, null, null, null, null, null);
    }
}
