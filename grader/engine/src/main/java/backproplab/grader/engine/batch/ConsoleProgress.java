package backproplab.grader.engine.batch;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The batch's progress on the console. On a terminal, one live line (done/total, rate, ETA, the last verdict) that
 * rewrites itself; elsewhere (CI logs, a pipe) one plain line per finished submission.
 */
public final class ConsoleProgress implements BatchProgress {

    private final PrintWriter out;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private int total;
    private int done;
    private int graded;
    private int lastWidth;

    /**
     * @param out  where to write
     * @param live whether to draw a live line (a terminal) rather than one line per submission
     */
    public ConsoleProgress(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /** A progress that draws a live line when this JVM has a terminal. */
    public static ConsoleProgress detect(PrintWriter out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    @Override
    public synchronized void started(int total) {
        this.total = total;
        if (!live) {
            out.println("Grading " + total + " submission" + (total == 1 ? "" : "s") + ".");
            out.flush();
        }
    }

    @Override
    public synchronized void finished(SubmissionRecord record, boolean skipped) {
        done++;
        if (!skipped) {
            graded++;
        }
        String verdict = String.format(Locale.ROOT, "%s %s %.2f/%.2f%s", record.id(), record.status(), record.score(),
                record.max(), skipped ? " (unchanged, kept)" : String.format(Locale.ROOT, " in %.1f s", record.wallSeconds()));
        if (live) {
            String line = String.format(Locale.ROOT, "[%d/%d] %s, ETA %s | last: %s", done, total, rate(), eta(), verdict);
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.printf(Locale.ROOT, "[%d/%d] %s%s%n", done, total, verdict,
                    record.reason().isEmpty() ? "" : " (" + record.reason() + ")");
        }
        out.flush();
    }

    @Override
    public synchronized void ended() {
        if (live && lastWidth > 0) {
            out.println();
        }
        out.flush();
    }

    private String rate() {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        return graded == 0 || minutes <= 0 ? "-/min" : String.format(Locale.ROOT, "%.1f/min", graded / minutes);
    }

    private String eta() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (graded == 0) {
            return "?";
        }
        long left = Math.round(seconds / graded * (total - done));
        return left >= 60 ? (left / 60) + "m" + String.format(Locale.ROOT, "%02ds", left % 60) : left + "s";
    }
}
