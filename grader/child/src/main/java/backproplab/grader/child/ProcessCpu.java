package backproplab.grader.child;

import java.lang.management.ManagementFactory;

/** CPU time used by this JVM so far, for the phase timings (wall time alone misleads on a busy machine). */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * @return CPU time of this process in milliseconds (user and system, all threads), or {@code -1} if unknown
     */
    public static long millis() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                long nanos = os.getProcessCpuTime();
                return nanos < 0 ? -1 : nanos / 1_000_000L;
            }
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
        return -1;
    }
}
