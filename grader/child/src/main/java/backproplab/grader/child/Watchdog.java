package backproplab.grader.child;

import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.ChildRequest;
import backproplab.scoring.FailureMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Halts the child JVM when JUnit's own timeout cannot stop a test, after telling the parent why.
 *
 * <p>JUnit runs each test in a separate thread and fails it when it exceeds its limit, but it cannot kill
 * that thread: an endless loop that ignores interruption keeps running and would slow every later test.
 * So after a test ends, any test thread of JUnit's ({@code junit-timeout-thread-*}) still alive after the
 * grace period, checked before the next test starts, is a runaway; and if no test event at all arrives for the
 * time limit plus the grace period plus {@link ChildRequest#STALL_MARGIN_MILLIS} ms (a loop in a static initialiser, a
 * deadlock, a timeout JUnit could not enforce), the run is stuck. In both cases the watchdog sends
 * {@link ChildEvent.Hung}, with the line of student code that was running when it can find one, and
 * halts the JVM; the parent starts a fresh child for the tests still pending.
 */
final class Watchdog {

    /** Exit code of a child that halted itself because a test would not stop. */
    static final int HUNG_EXIT_CODE = 86;

    private static final String JUNIT_TIMEOUT_THREAD = "junit-timeout-thread-";

    /**
     * Extra time JUnit's own timeout gets to report before the watchdog declares the run stuck: on a loaded
     * machine, failing a test (capturing the stuck thread's stack, formatting the message) takes a moment.
     */

    private final EventWriter events;
    private final long limitMillis;
    private final long graceMillis;
    private volatile String currentTest;
    private volatile String lastTest;
    private volatile long lastEventNanos = System.nanoTime();
    private volatile List<Thread> leftovers = List.of();
    private volatile long leftoversSinceNanos;

    Watchdog(EventWriter events, long limitMillis, long graceMillis) {
        this.events = events;
        this.limitMillis = limitMillis;
        this.graceMillis = graceMillis;
    }

    void start() {
        lastEventNanos = System.nanoTime();
        Thread thread = new Thread(this::watch, "backproplab-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /**
     * Called before a test starts: if the thread of a test that timed out is still running after the grace
     * period, the child halts now, before the next test could be blamed for it.
     */
    void beforeTest() {
        List<Thread> previous = leftovers;
        if (previous.isEmpty()) {
            return;
        }
        long deadline = leftoversSinceNanos + graceMillis * 1_000_000L;
        for (Thread thread : previous) {
            long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            try {
                thread.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (previous.stream().anyMatch(Thread::isAlive)) {
            halt(lastTest, "The test ran past its time limit of " + seconds(limitMillis)
                    + " and its thread did not stop (an endless loop?). The remaining tests run in a fresh JVM.");
        }
        leftovers = List.of();
    }

    void started(String id) {
        currentTest = id;
        lastEventNanos = System.nanoTime();
    }

    void finished() {
        lastTest = currentTest;
        currentTest = null;
        lastEventNanos = System.nanoTime();
        leftovers = liveTestThreads();
        leftoversSinceNanos = System.nanoTime();
    }

    private void watch() {
        while (true) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long stallMillis = limitMillis + graceMillis + ChildRequest.STALL_MARGIN_MILLIS;
            if (millisSince(lastEventNanos, now) > stallMillis) {
                String test = currentTest;
                String stalled = seconds(stallMillis);
                halt(test, (test == null
                        ? "The test run made no progress for " + stalled
                                + " between tests (an endless loop in a static initialiser or a @BeforeAll method?)."
                        : "Stopped after " + stalled + ": the test ran past its time limit of "
                                + seconds(limitMillis)
                                + " and could not be interrupted (an endless loop?).") + stuckFrame());
            }
        }
    }

    /**
     * Where student code is stuck: the first student frame of a test thread (or the main thread), as
     * {@code "\n  at Class.method(File.java:line)"}, or {@code ""} if none is found.
     */
    private static String stuckFrame() {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            String name = entry.getKey().getName();
            if (!name.startsWith(JUNIT_TIMEOUT_THREAD) && !name.equals("main")) {
                continue;
            }
            Throwable where = new Throwable("stuck");
            where.setStackTrace(entry.getValue());
            for (String line : FailureMessages.describe(where).split("\n")) {
                if (line.strip().startsWith("at ")) {
                    return "\n  " + line.strip();
                }
            }
        }
        return "";
    }

    private void halt(String testId, String reason) {
        try {
            events.send(new ChildEvent.Hung(testId, reason));
        } finally {
            Runtime.getRuntime().halt(HUNG_EXIT_CODE);
        }
    }

    /** {@code 20 s} or {@code 1.5 s}, as the limits are written elsewhere in the reports. */
    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static long millisSince(long startNanos, long nowNanos) {
        return (nowNanos - startNanos) / 1_000_000L;
    }

    private static List<Thread> liveTestThreads() {
        List<Thread> threads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(JUNIT_TIMEOUT_THREAD) && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
