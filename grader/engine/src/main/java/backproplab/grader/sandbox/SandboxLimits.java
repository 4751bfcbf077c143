package backproplab.grader.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of a forked test run. Defaults fit a 2-core machine and stay inside Gradescope's default
 * container (768 MB of memory, half a CPU): parent and child together stay well under 768 MB.
 *
 * @param heap               the child's Java heap cap ({@code -Xmx}), for example {@code "384m"}
 * @param threadStack        the child's thread stack size ({@code -Xss}), for example {@code "4m"}
 * @param offHeap            JavaCPP's cap on ND4J's off-heap memory ({@code org.bytedeco.javacpp.maxbytes})
 * @param physical           JavaCPP's cap on the child's whole resident memory ({@code org.bytedeco.javacpp.maxphysicalbytes})
 * @param testTimeout        preemptive time limit per test (and per lifecycle method)
 * @param runTimeout         time limit for the whole forked run, enforced by the parent
 * @param grace              how long a timed-out test's thread may take to stop before the child is halted
 * @param outputCapBytes     captured standard output plus error kept per test; the rest is counted and dropped
 * @param maxRestarts        how many times a child that died is replaced to run the tests still pending
 * @param isolation          what the child may reach of the machine ({@link Isolation#choose})
 */
public record SandboxLimits(String heap, String threadStack, String offHeap, String physical,
                            Duration testTimeout, Duration runTimeout, Duration grace,
                            int outputCapBytes, int maxRestarts, Isolation isolation) {

    /**
     * Heap 384m, stack 4m, off-heap 256m, physical 768m, 20 s per test, 300 s per run, 2 s grace, 8 KB output,
     * 6 restarts, no isolation (the grader's CLI chooses one per grade).
     */
    public static final SandboxLimits DEFAULT = new SandboxLimits("384m", "4m", "256m", "768m",
            Duration.ofSeconds(20), Duration.ofSeconds(300), Duration.ofSeconds(2), 8 * 1024, 6);

    /** The limits with {@link Isolation#NONE}. */
    public SandboxLimits(String heap, String threadStack, String offHeap, String physical, Duration testTimeout,
                         Duration runTimeout, Duration grace, int outputCapBytes, int maxRestarts) {
        this(heap, threadStack, offHeap, physical, testTimeout, runTimeout, grace, outputCapBytes, maxRestarts,
                Isolation.NONE);
    }

    /** Checks values are present and positive. */
    public SandboxLimits {
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(threadStack, "threadStack");
        Objects.requireNonNull(offHeap, "offHeap");
        Objects.requireNonNull(physical, "physical");
        for (Duration d : new Duration[] {testTimeout, runTimeout, grace}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("time limits must be positive");
            }
        }
        if (outputCapBytes < 0 || maxRestarts < 0) {
            throw new IllegalArgumentException("output cap and restarts must be >= 0");
        }
    }

    /** A copy with another isolation. */
    public SandboxLimits withIsolation(Isolation other) {
        return new SandboxLimits(heap, threadStack, offHeap, physical, testTimeout, runTimeout, grace, outputCapBytes,
                maxRestarts, other);
    }

    /** Human form of the per-test limit, for example {@code "20 s"} or {@code "1.5 s"}. */
    public String testTimeoutText() {
        return seconds(testTimeout);
    }

    /** Human form of the per-run limit. */
    public String runTimeoutText() {
        return seconds(runTimeout);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
