package backproplab.grader.engine.batch;

import backproplab.grader.child.ProcessCpu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grades the entries of a {@link BatchPlan} with {@code jobs} worker threads of this JVM, each submission with
 * {@link SubmissionGrader}, skipping those whose recorded content hash and grader fingerprint are unchanged (unless
 * re-grading is forced). One submission's failure never stops the others.
 */
public final class BatchRunner {

    private final SubmissionGrader grader;
    private final String graderVersion;
    private final Path outDir;
    private final int jobs;
    private final boolean regrade;

    /**
     * @param grader        grades one submission
     * @param graderVersion the fingerprint a kept record must have
     * @param outDir        the batch's output folder
     * @param jobs          how many submissions to grade at once, at least 1
     * @param regrade       whether to grade unchanged submissions again
     */
    public BatchRunner(SubmissionGrader grader, String graderVersion, Path outDir, int jobs, boolean regrade) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        this.grader = grader;
        this.graderVersion = graderVersion;
        this.outDir = outDir;
        this.jobs = jobs;
        this.regrade = regrade;
    }

    /**
     * Grades the plan's selected entries.
     *
     * @param plan     what to grade
     * @param progress told of each finished submission
     * @return the records, sorted by id, and the run's figures
     */
    public BatchRun run(BatchPlan plan, BatchProgress progress) {
        long start = System.nanoTime();
        long jvmCpuStart = ProcessCpu.millis();
        AtomicLong childCpu = new AtomicLong();
        AtomicInteger graded = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        List<BatchEntry> entries = plan.selected();
        Folders.deleteQuietly(outDir.resolve(SubmissionGrader.STAGING));
        progress.started(entries.size());
        Thread cleanup = new Thread(() -> Folders.deleteQuietly(outDir.resolve(SubmissionGrader.STAGING)),
                "batch staging cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, entries.size())), runnable -> {
            Thread thread = new Thread(runnable, "batch-worker");
            thread.setDaemon(true);
            return thread;
        });
        List<SubmissionRecord> records = new ArrayList<>();
        try {
            List<Future<SubmissionRecord>> futures = new ArrayList<>();
            for (BatchEntry entry : entries) {
                futures.add(pool.submit(() -> {
                    SubmissionRecord record;
                    boolean skipped = false;
                    String hash = hash(entry);
                    Optional<SubmissionRecord> earlier = regrade ? Optional.empty() : RecordFiles.read(outDir.resolve(entry.id()));
                    if (earlier.isPresent() && earlier.get().contentHash().equals(hash)
                            && graderVersion.equals(earlier.get().graderVersion())) {
                        record = earlier.get();
                        skipped = true;
                        kept.incrementAndGet();
                    } else {
                        SubmissionGrader.Graded result = grader.grade(entry, hash);
                        record = result.record();
                        childCpu.addAndGet(result.childCpuMillis());
                        graded.incrementAndGet();
                    }
                    progress.finished(record, skipped);
                    return record;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                records.add(await(futures.get(i), entries.get(i)));
            }
        } finally {
            pool.shutdownNow();
            Folders.deleteQuietly(outDir.resolve(SubmissionGrader.STAGING));
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
        progress.ended();
        long jvmCpuEnd = ProcessCpu.millis();
        return new BatchRun(records, graded.get(), kept.get(), (System.nanoTime() - start) / 1_000_000L,
                jvmCpuStart < 0 || jvmCpuEnd < 0 ? -1 : jvmCpuEnd - jvmCpuStart, childCpu.get(), jobs);
    }

    private static String hash(BatchEntry entry) {
        if (!entry.problem().isEmpty()) {
            return "not gradable: " + entry.problem();
        }
        try {
            return ContentHash.of(entry.path());
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e;
        }
    }

    /** The worker's record; a worker that died (it should not) is recorded as a grader error. */
    private static SubmissionRecord await(Future<SubmissionRecord> future, BatchEntry entry) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(entry, "the batch was interrupted");
        } catch (ExecutionException e) {
            return failed(entry, "the grader failed: " + e.getCause());
        }
    }

    private static SubmissionRecord failed(BatchEntry entry, String reason) {
        return new SubmissionRecord(entry.id(), "GRADER_ERROR", reason, 0, 0, null, 0, 0, false, null, "", "");
    }
}
