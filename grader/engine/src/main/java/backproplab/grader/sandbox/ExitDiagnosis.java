package backproplab.grader.sandbox;

import java.util.Arrays;

/**
 * Says, in one student-facing sentence, why a test JVM ended by itself: it ran every test, halted for a test that
 * would not stop, failed outside any test, could not start, ran out of memory, crashed, was killed by a signal, or
 * exited (System.exit).
 */
final class ExitDiagnosis {

    /**
     * What the engine knows of the JVM besides its exit code and console.
     *
     * @param ranEveryTest whether it reported the end of its run
     * @param connected    whether it connected and said hello
     * @param hungReason   the reason it gave for halting itself, or {@code null}
     * @param fatal        the error outside any test it reported, or {@code null}
     * @param runningTest  the display name of the test it was running, or {@code null}
     * @param hungTest     the display name of the test it halted for, or {@code null}
     */
    record Facts(boolean ranEveryTest, boolean connected, String hungReason, String fatal, String runningTest,
                 String hungTest) {
    }

    /** Signals that only another process sends (hang-up, interrupt, kill, terminate): the JVM's own faults are others. */
    private static final java.util.Set<Integer> OUTSIDE_SIGNALS = java.util.Set.of(1, 2, 9, 15);

    private final String heap;

    /** @param heap the test JVM's heap limit, as given to {@code -Xmx} */
    ExitDiagnosis(String heap) {
        this.heap = heap;
    }

    /**
     * The sentence.
     *
     * @param exitCode the JVM's exit code
     * @param console  what it wrote to its standard streams
     * @param facts    what else is known
     * @return the ending, starting in lower case and ending with a full stop
     */
    String describe(int exitCode, String console, Facts facts) {
        String during = facts.runningTest() != null ? " while running \"" + facts.runningTest() + "\""
                : facts.hungTest() != null ? " after \"" + facts.hungTest() + "\"" : "";
        if (facts.ranEveryTest()) {
            return "the test JVM ran every test.";
        }
        if (facts.hungReason() != null) {
            return facts.hungReason();
        }
        if (facts.fatal() != null) {
            return "the test JVM stopped on an error outside any test: " + facts.fatal();
        }
        if (!facts.connected()) {
            return "the test JVM could not start (exit code " + exitCode + "): " + firstLines(console, 5);
        }
        if (console.contains("OutOfMemoryError")) {
            return "the test JVM ran out of memory (heap limit " + heap + ")" + during
                    + ". Look for data that grows without bound, such as a list appended to in a loop.";
        }
        if (console.contains("A fatal error has been detected by the Java Runtime Environment")) {
            return "the test JVM crashed (a native error)" + during + ": " + firstLines(console, 3);
        }
        if (exitCode > 128) {
            return "the test JVM was killed by signal " + (exitCode - 128) + during
                    + " (the machine may have run out of memory).";
        }
        return "the test JVM exited with code " + exitCode + during
                + ". Does your code call System.exit or Runtime.halt? Return a value or throw an exception instead.";
    }

    /**
     * Whether a JVM that the engine did not stop ended by a signal that another process sent (a stray kill, a
     * machine-wide clean-up): a fault outside the student's control, unlike an exit, a crash or running out of heap.
     *
     * @param exitCode the JVM's exit code (128 + the signal when a signal ended it)
     * @param console  what it wrote to its standard streams
     */
    static boolean killedFromOutside(int exitCode, String console) {
        return exitCode > 128 && OUTSIDE_SIGNALS.contains(exitCode - 128) && !console.contains("OutOfMemoryError");
    }

    /** The sentence for a JVM {@linkplain #killedFromOutside killed from outside}. */
    static String outsideKill(int exitCode) {
        return "the test JVM was killed by signal " + (exitCode - 128) + " from outside the grader (not by a limit of "
                + "the run, nor by the code under test's own failure).";
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.strip().split("\n");
        return String.join(" / ", Arrays.copyOf(all, Math.min(lines, all.length))).strip();
    }
}
