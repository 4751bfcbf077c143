package backproplab.grader.suites.support;

import backproplab.runtime.Backend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J for the hidden suites: {@link Backend#init()} (DOUBLE by default), then one native thread.
 *
 * <p>Every array in the suites is tiny (at most a few hundred elements), so ND4J's OpenMP threads only add
 * synchronisation; on a busy 2-core machine a broadcast such as {@code addiColumnVector} took 4 ms with two
 * threads against 0.3 ms with one (measured while the grading JVM shared the cores with builds). One thread
 * keeps the suites' time predictable.
 */
public final class SuiteRuntime {

    private static volatile boolean started;

    private SuiteRuntime() {
    }

    /** Idempotent. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        Backend.init();
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        started = true;
    }
}
