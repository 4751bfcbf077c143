package backproplab.grader.protocol;

import java.util.List;

/**
 * What the parent asks a child JVM to run; written as JSON to a file whose path is the child's only argument.
 *
 * @param socket         the path of the parent's event socket (a Unix domain socket in the child's scratch folder),
 *                       as the child sees it
 * @param token          a random secret the child sends first, so only the child the parent started is heard
 * @param launchedAtEpochMillis when the parent started the child ({@link System#currentTimeMillis()}), so the child
 *                       can tell its start-up time without {@code java.management}
 * @param suites         packages or classes of hidden suites to run
 * @param skipKeys       stable keys of tests that already have a result (when the child replaces one that died)
 * @param testTimeoutMillis preemptive limit per test and lifecycle method
 * @param graceMillis    how long a timed-out test's thread may take to stop before the child halts itself
 * @param outputCapBytes captured output kept per test
 * @param backendInfo    whether to start ND4J before the tests and report {@code Backend.describe()}
 * @param waitForGo      whether to wait, after start-up, for the parent's go line before loading any test (the
 *                       parent starts the first child while it still compiles the submission)
 */
public record ChildRequest(String socket, String token, long launchedAtEpochMillis, List<String> suites, List<String> skipKeys,
                           long testTimeoutMillis, long graceMillis, int outputCapBytes, boolean backendInfo,
                           boolean waitForGo) {

    /**
     * How long past a test's time limit and grace the test JVM's watchdog waits for any sign of progress before it
     * halts the JVM itself (a loop that ignores interrupts); the engine's own stall guard waits longer.
     */
    public static final long STALL_MARGIN_MILLIS = 3_000;

    /** Copies the lists; {@code null} lists become empty. */
    public ChildRequest {
        suites = suites == null ? List.of() : List.copyOf(suites);
        skipKeys = skipKeys == null ? List.of() : List.copyOf(skipKeys);
    }
}
