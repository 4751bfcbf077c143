package backproplab.grader.engine.batch;

import backproplab.grader.compile.CompileServers;
import backproplab.grader.compile.CompilerJvmTuning;
import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.sandbox.IsolationLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code grader batch}: plans the run, grades the selected submissions with one session, writes the class files and
 * prints the benchmark line.
 */
public final class ClassBatch {

    /**
     * What to grade and how.
     *
     * @param submissions    the folder of submissions, one entry per student
     * @param outDir         the output folder: one folder per student and the class files
     * @param shard          the share of the entries to grade
     * @param jobs           submissions graded at once
     * @param regrade        whether unchanged submissions are graded again
     * @param settings       the session's settings (their pictures folder is replaced per submission)
     * @param structureRules whether the structure rules are checked
     * @param moreSuites     an instructor's own suite folders or jars
     * @param isolation      the isolation asked for, or {@code null} for the best this machine can do
     * @param repositories   a list of student repositories to clone into {@code submissions} first
     *                       ({@link RepositoryList}), or {@code null} to grade the entries already there
     */
    public record Request(Path submissions, Path outDir, ShardSpec shard, int jobs, boolean regrade,
                          GradingSession.Settings settings, boolean structureRules, List<Path> moreSuites,
                          IsolationLevel isolation, Path repositories) {

        /** Copies the suites. */
        public Request {
            moreSuites = List.copyOf(moreSuites);
        }
    }

    private ClassBatch() {
    }

    /**
     * Warm compile servers for the batch's workers when the session forks its compiler, else {@code null}: the same
     * JVM flags as the one-shot javac JVM, its archive included ({@link CompilerJvmTuning#flags}).
     */
    private static CompileServers compileServers(GradingSession session) throws IOException {
        GradingSession.Settings settings = session.settings();
        if (!settings.forkCompiler()) {
            return null;
        }
        List<Path> classpath = session.classpath().engine();
        return new CompileServers(classpath, settings.java(), CompilerJvmTuning.flags(
                ClassDataSharing.folder(session.classpath()), classpath, settings.java(),
                settings.cds() != ClassDataSharing.Mode.OFF));
    }

    /** Clones the shard's share of the listed repositories into the submissions folder; the plan of the clones. */
    private static BatchPlan cloned(Request request, PrintWriter console) throws IOException {
        List<RepositoryList.Repository> repositories = RepositoryList.read(request.repositories());
        Map<String, String> urls = new HashMap<>();
        repositories.forEach(r -> urls.put(r.id(), r.url()));
        List<BatchEntry> listed = RepositoryClones.entries(repositories, request.submissions());
        BatchPlan uncloned = BatchPlan.of(listed, request.shard());
        console.println("Cloning " + uncloned.selected().size() + " repositories (git clone --depth 1) into "
                + request.submissions() + " ...");
        console.flush();
        Map<String, BatchEntry> clones = new HashMap<>();
        RepositoryClones.cloneAll(uncloned.selected(), urls).forEach(e -> clones.put(e.id(), e));
        long failed = clones.values().stream().filter(e -> !e.problem().isEmpty()).count();
        console.println("Cloned " + (clones.size() - failed) + " of " + clones.size() + " repositories"
                + (failed == 0 ? "." : "; " + failed + " could not be cloned and are recorded as not gradable."));
        return BatchPlan.of(listed.stream().map(e -> clones.getOrDefault(e.id(), e)).toList(), request.shard());
    }

    /**
     * Runs a batch.
     *
     * @param request  what to grade
     * @param progress told of each finished submission
     * @param console  where the closing lines go
     * @return the run
     * @throws IOException if the submissions cannot be listed or the class files written
     * @throws GradingSession.CannotIsolate if the isolation asked for cannot be had on this machine
     */
    public static BatchRun run(Request request, BatchProgress progress, PrintWriter console)
            throws IOException, GradingSession.CannotIsolate {
        BatchPlan plan = request.repositories() == null ? BatchPlan.of(request.submissions(), request.shard())
                : cloned(request, console);
        Files.createDirectories(request.outDir());
        GradingSession session = GradingSession.forBundledCourse(request.settings(), request.structureRules(),
                request.moreSuites(), request.isolation());
        // The session's settings, not the request's: they carry the isolation level that this machine gives.
        String version = GraderFingerprint.of(session.settings(), request.moreSuites(), request.structureRules());
        boolean pictures = request.settings().pictures() != null;
        if (!request.shard().equals(ShardSpec.ALL)) {
            console.println("Shard " + request.shard() + ": " + plan.selected().size() + " of " + plan.all().size() + " submissions.");
        }
        BatchRun run;
        try (CompileServers servers = compileServers(session)) {
            SubmissionGrader grader = new SubmissionGrader(session.withCompileServers(servers), version, pictures,
                    request.outDir());
            run = new BatchRunner(grader, version, request.outDir(), request.jobs(), request.regrade()).run(plan, progress);
        }
        ClassOutput.writeAll(run.records(), request.outDir());
        long notGradable = run.records().stream().filter(r -> !r.gradable()).count();
        console.println("Wrote " + run.records().size() + " submission folders, " + Gradebook.FILE_NAME + ", "
                + ClassSummary.FILE_NAME + " and " + ClassReport.FILE_NAME + " to " + request.outDir()
                + (notGradable == 0 ? "." : " (" + notGradable + " not gradable: see " + ClassReport.FILE_NAME + ")."));
        console.println(run.benchmarkLine());
        console.flush();
        return run;
    }
}
