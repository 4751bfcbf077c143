package backproplab.grader.child;

import java.time.Duration;

/**
 * CPU time used by this JVM so far, for the phase timings (wall time alone misleads on a busy machine).
 *
 * <p>It asks {@link ProcessHandle}, which is in {@code java.base}: the test JVM runs without {@code java.management}
 * (see the engine's module limits).
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * @return CPU time of this process in milliseconds (user and system, all threads), or {@code -1} if unknown
     */
    public static long millis() {
        try {
            return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
