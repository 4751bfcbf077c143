package backproplab.grader.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Wall time of each phase of a grading run, in the order they ran, for the console and the benchmark. */
public final class PhaseTimings {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private long phaseStartNanos = startNanos;

    /** Ends the current phase under {@code name} and starts the next one. */
    public synchronized void lap(String name) {
        long now = System.nanoTime();
        add(name, (now - phaseStartNanos) / 1_000_000L);
        phaseStartNanos = now;
    }

    /** Records a phase measured elsewhere (for example inside the child JVM). */
    public synchronized void add(String name, long phaseMillis) {
        millis.merge(name, phaseMillis, Long::sum);
    }

    /** Milliseconds since this object was made. */
    public long totalMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** The phases and their milliseconds, in order. */
    public synchronized Map<String, Long> phases() {
        return new LinkedHashMap<>(millis);
    }

    /** One line, for example {@code load 3 ms | compile 812 ms | ... | total 4.21 s}. */
    public synchronized String line() {
        StringJoiner line = new StringJoiner(" | ");
        millis.forEach((name, ms) -> line.add(name + " " + format(ms)));
        line.add("total " + format(totalMillis()));
        return line.toString();
    }

    private static String format(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
