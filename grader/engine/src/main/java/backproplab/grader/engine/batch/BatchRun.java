package backproplab.grader.engine.batch;

import java.util.List;
import java.util.Locale;

/**
 * What a batch run did.
 *
 * @param records        one per submission of the plan, sorted by id (kept ones included)
 * @param graded         how many were graded in this run
 * @param kept           how many were unchanged and kept
 * @param wallMillis     wall time of the run
 * @param jvmCpuMillis   CPU time of the grader's JVM during the run ({@code -1} if unknown)
 * @param childCpuMillis CPU time of the processes it started (javac's JVM, test JVMs)
 * @param jobs           how many submissions were graded at once
 */
public record BatchRun(List<SubmissionRecord> records, int graded, int kept, long wallMillis, long jvmCpuMillis,
                       long childCpuMillis, int jobs) {

    /** Copies the records. */
    public BatchRun {
        records = List.copyOf(records);
    }

    /** The benchmark line: submissions per minute and CPU-seconds per submission, over the graded ones. */
    public String benchmarkLine() {
        if (graded == 0) {
            return "Benchmark: nothing graded in this run (" + kept + " unchanged submission" + (kept == 1 ? "" : "s") + " kept).";
        }
        double minutes = wallMillis / 60_000.0;
        double cpu = (Math.max(0, jvmCpuMillis) + childCpuMillis) / 1000.0;
        return String.format(Locale.ROOT,
                "Benchmark: %d submission%s in %.1f s with %d job%s: %.2f submissions/minute, %.1f CPU-s/submission "
                        + "(grader JVM %.1f s + child processes %.1f s)%s",
                graded, graded == 1 ? "" : "s", wallMillis / 1000.0, jobs, jobs == 1 ? "" : "s",
                minutes > 0 ? graded / minutes : 0.0, cpu / graded, Math.max(0, jvmCpuMillis) / 1000.0,
                childCpuMillis / 1000.0, kept == 0 ? "" : "; " + kept + " unchanged kept");
    }
}
