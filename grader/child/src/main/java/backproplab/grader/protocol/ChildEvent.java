package backproplab.grader.protocol;

import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestStatus;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One message of the test JVM's event stream to the engine (JSON, one object per line, its kind in {@code type}).
 *
 * <p>The order: {@link Hello}, then {@link BackendStarted} (if asked for), {@link Discovered}, the {@link Planned}
 * tests, and per test {@link Started}, any {@link ReportEntry} and {@link Output}, {@link Finished}; the last is
 * {@link RunFinished}, or {@link Hung} / {@link Fatal} when the test JVM stops itself.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChildEvent.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ChildEvent.BackendStarted.class, name = "backend"),
    @JsonSubTypes.Type(value = ChildEvent.Discovered.class, name = "discovered"),
    @JsonSubTypes.Type(value = ChildEvent.Planned.class, name = "planned"),
    @JsonSubTypes.Type(value = ChildEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = ChildEvent.ReportEntry.class, name = "reportEntry"),
    @JsonSubTypes.Type(value = ChildEvent.Output.class, name = "output"),
    @JsonSubTypes.Type(value = ChildEvent.Finished.class, name = "finished"),
    @JsonSubTypes.Type(value = ChildEvent.RunFinished.class, name = "runFinished"),
    @JsonSubTypes.Type(value = ChildEvent.Hung.class, name = "hung"),
    @JsonSubTypes.Type(value = ChildEvent.Fatal.class, name = "fatal")
})
public sealed interface ChildEvent {

    /**
     * First message: the test JVM connected.
     *
     * @param token        the secret of the request, so the engine hears only the JVM it started
     * @param uptimeMillis how long after its launch the test JVM connected, which is its start-up time
     */
    record Hello(String token, long uptimeMillis) implements ChildEvent {
    }

    /**
     * ND4J started.
     *
     * @param line   {@code Backend.describe()}
     * @param millis how long ND4J took to start
     */
    record BackendStarted(String line, long millis) implements ChildEvent {
    }

    /**
     * Discovery ended; the plan follows.
     *
     * @param millis how long discovery took
     */
    record Discovered(long millis) implements ChildEvent {
    }

    /**
     * A test of the plan, with its points.
     *
     * @param test the planned test
     */
    record Planned(PlannedTest test) implements ChildEvent {
    }

    /**
     * A test started.
     *
     * @param id the test's stable key
     */
    record Started(String id) implements ChildEvent {
    }

    /**
     * A test published a report entry (partial credit, an attached picture).
     *
     * @param id    the test's stable key
     * @param key   the entry's key
     * @param value the entry's value
     */
    record ReportEntry(String id, String key, String value) implements ChildEvent {
    }

    /**
     * What a test printed, already capped.
     *
     * @param id   the test's stable key
     * @param text the text
     */
    record Output(String id, String text) implements ChildEvent {
    }

    /**
     * A test ended.
     *
     * @param id      the test's stable key
     * @param status  how it ended ({@link TestStatus#TIMED_OUT} when JUnit stopped it at its time limit)
     * @param message the student-facing message, or {@code ""}
     * @param millis  its wall time
     */
    record Finished(String id, TestStatus status, String message, long millis) implements ChildEvent {
    }

    /**
     * Every selected test ran.
     *
     * @param cpuMillis the test JVM's CPU time, or {@code -1} if unknown
     */
    record RunFinished(long cpuMillis) implements ChildEvent {
    }

    /**
     * The test JVM halts itself because a test would not stop.
     *
     * @param id     that test's stable key, or {@code null} when it ran between tests
     * @param reason the student-facing reason
     */
    record Hung(String id, String reason) implements ChildEvent {
    }

    /**
     * The test JVM halts itself after an error outside any test.
     *
     * @param reason what went wrong
     */
    record Fatal(String reason) implements ChildEvent {
    }
}
