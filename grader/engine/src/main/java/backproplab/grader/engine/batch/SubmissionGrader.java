package backproplab.grader.engine.batch;

import backproplab.grader.engine.GradingOutcome;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.engine.StudentSeed;
import backproplab.grader.engine.PhaseTimings;
import backproplab.grader.engine.ReportOutput;
import backproplab.grader.engine.StatusLine;
import backproplab.grader.report.Verdict;
import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import backproplab.scoring.TestStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades one entry of a batch exactly as {@code grade --out <dir>/<id>} would (the same session, so the same limits
 * and scores; a fresh test JVM and work folder), writes its reports and its {@link SubmissionRecord} into a staging
 * folder and then moves that into place, so the submission's folder is complete or absent. It never throws: whatever
 * goes wrong is recorded as {@code GRADER_ERROR}.
 */
public final class SubmissionGrader {

    /** The folder in the batch's output where submissions are written before they are moved into place. */
    public static final String STAGING = ".batch-staging";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GradingSession session;
    private final String graderVersion;
    private final boolean pictures;
    private final Path outDir;

    /**
     * @param session       the session every submission is graded with
     * @param graderVersion the {@link GraderFingerprint} recorded with each grade
     * @param pictures      whether the suites draw training pictures into each submission's {@code images}
     * @param outDir        the batch's output folder; submission {@code id} goes to {@code outDir/id}
     */
    public SubmissionGrader(GradingSession session, String graderVersion, boolean pictures, Path outDir) {
        this.session = session;
        this.graderVersion = graderVersion;
        this.pictures = pictures;
        this.outDir = outDir;
    }

    /**
     * What grading one submission produced.
     *
     * @param record        what the class files need
     * @param childCpuMillis CPU time of the processes it started (javac's JVM, the test JVMs)
     */
    public record Graded(SubmissionRecord record, long childCpuMillis) {
    }

    /**
     * Grades one entry into {@code outDir/id}.
     *
     * @param entry       the submission
     * @param contentHash its {@link ContentHash}
     * @return its record and the CPU time of its child processes
     */
    public Graded grade(BatchEntry entry, String contentHash) {
        PhaseTimings timings = new PhaseTimings();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long threadCpuStart = threadCpuNanos(threads);
        Path staging = null;
        Path work = null;
        GradingOutcome outcome;
        try {
            staging = Files.createDirectories(outDir.resolve(STAGING)).resolve(entry.id() + "-" + System.nanoTime());
            Files.createDirectories(staging);
            if (!entry.problem().isEmpty()) {
                outcome = new GradingOutcome(GradeReport.empty(""), new Verdict.InvalidSubmission(List.of(entry.problem())),
                        entry.path().toString(), timings, List.of());
            } else {
                work = Files.createTempDirectory("backproplab-batch-");
                // Each student's hidden inputs come from their own id, as grade --student-id <id> would draw them.
                outcome = session.withPictures(pictures ? staging.resolve("images") : null)
                        .withSeed(StudentSeed.ofStudentId(entry.id())).grade(entry.path(), work, timings);
            }
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            outcome = failed(entry, timings, "The grader could not start on this submission: " + e);
        } finally {
            Folders.deleteQuietly(work);
        }
        long threadCpu = threadCpuNanos(threads) - threadCpuStart;
        long childCpu = outcome.timings().cpu().values().stream().mapToLong(Long::longValue).sum();
        if (threadCpuStart >= 0 && threadCpu >= 0) {
            outcome.timings().cpu("grader thread", threadCpu / 1_000_000L);
        }
        SubmissionRecord record = recordOf(entry.id(), outcome, contentHash);
        try {
            if (staging == null) {
                throw new IOException("no staging folder");
            }
            try {
                ReportOutput.writeAll(outcome, staging);
            } catch (IOException | RuntimeException | LinkageError e) {
                outcome = failed(entry, timings, "Writing the reports failed: " + e);
                record = recordOf(entry.id(), outcome, contentHash);
                ReportOutput.writeMinimalResults(staging, "Writing the reports failed: " + e);
            }
            record = withWall(record, outcome.timings().totalMillis());
            Files.writeString(staging.resolve(SubmissionRecord.FILE_NAME),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record) + "\n");
            Folders.replace(staging, outDir.resolve(entry.id()));
        } catch (IOException | RuntimeException e) {
            Folders.deleteQuietly(staging);
            record = recordOf(entry.id(), failed(entry, timings, "The submission's folder could not be written: " + e), contentHash);
            record = withWall(record, timings.totalMillis());
        }
        return new Graded(record, childCpu);
    }

    private static GradingOutcome failed(BatchEntry entry, PhaseTimings timings, String problem) {
        return new GradingOutcome(GradeReport.empty(""), new Verdict.GraderFailed(problem), entry.path().toString(),
                timings, List.of());
    }

    private SubmissionRecord withWall(SubmissionRecord r, long wallMillis) {
        return new SubmissionRecord(r.id(), r.status(), r.reason(), r.score(), r.max(), r.exercises(), wallMillis / 1000.0,
                r.cpuSeconds(), r.timedOut(), r.failures(), r.contentHash(), r.graderVersion());
    }

    /** The record of an outcome (wall time as measured so far). */
    SubmissionRecord recordOf(String id, GradingOutcome outcome, String contentHash) {
        GradeReport report = outcome.report();
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<SubmissionRecord.Failure> failures = new ArrayList<>();
        boolean timedOut = !outcome.notes().isEmpty() && outcome.notes().get(0).startsWith("Not every test could run");
        for (TestOutcome test : report.gradedTests()) {
            if (test.points() <= 0) {
                // The API check's entries carry no points: they are in the reports, not in the class's columns.
                continue;
            }
            String exercise = TaskOrder.exerciseOf(test.task());
            double[] sum = sums.computeIfAbsent(exercise, e -> new double[2]);
            sum[0] += test.score();
            sum[1] += test.points();
            if (!test.passed()) {
                failures.add(new SubmissionRecord.Failure(test.id(), test.displayName(), exercise, test.status().name(),
                        test.message()));
            }
            timedOut |= test.status() == TestStatus.TIMED_OUT;
        }
        Map<String, SubmissionRecord.ExerciseScore> exercises = new LinkedHashMap<>();
        sums.forEach((exercise, sum) -> exercises.put(exercise,
                new SubmissionRecord.ExerciseScore(round(sum[0]), round(sum[1]))));
        double cpuSeconds = outcome.timings().cpu().values().stream().mapToLong(Long::longValue).sum() / 1000.0;
        return new SubmissionRecord(id, outcome.verdict().status(), reason(outcome.verdict()), report.score(),
                report.maxScore(), exercises, outcome.timings().totalMillis() / 1000.0, cpuSeconds, timedOut, failures,
                contentHash, graderVersion);
    }

    /** The status line's reason, without {@code "Status: CODE"} and the parentheses. */
    private static String reason(Verdict verdict) {
        String line = StatusLine.of(verdict);
        int open = line.indexOf(" (");
        return open < 0 ? "" : line.substring(open + 2, line.length() - (line.endsWith(")") ? 1 : 0));
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static long threadCpuNanos(ThreadMXBean threads) {
        try {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
