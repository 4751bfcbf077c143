package backproplab.grader.cli;

import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.GradingOutcome;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.engine.PhaseTimings;
import backproplab.grader.engine.ReportOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grader grade <submission> --out <dir>}: grades one submission and writes the platform reports. */
@Command(name = "grade",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Grades one submission: compiles it (javac, Java 17) against the course runtime, checks its API "
                    + "against the skeleton, runs the hidden suites in a forked JVM with memory, time and output "
                    + "limits, and writes the reports into --out.",
            "",
            "A submission is a source folder (the folder of packages, like exercises/src/main/java), a module "
                    + "folder containing src/main/java, or a .zip of either (it may hold one top-level folder).",
            "",
            "Files written to --out: results.json (Gradescope), prairielearn.json, exercism.json (v3), "
                    + "classroom-result.json (GitHub Classroom), junit.xml, report.html, console.txt, and "
                    + "timings.json (the run's status and the time of each phase). They are always written and valid: "
                    + "a submission that does not compile, breaks a structure rule, crashes, exits, hangs or floods "
                    + "its output gets a report that says so. The console shows one line per test, the score, the "
                    + "ND4J backend, the status (GRADED, API_MISMATCH, COMPILE_ERROR, REFUSED, INVALID_SUBMISSION or "
                    + "GRADER_ERROR, with the reason) and the time of each phase.",
            "",
            "Limits: each test (and each @BeforeAll/@AfterAll) is stopped after --test-timeout; a test whose "
                    + "thread will not stop, System.exit, a crash or running out of memory ends that test JVM, the "
                    + "test is charged with the reason and a fresh JVM runs the remaining tests (up to "
                    + "--max-restarts times); --run-timeout bounds the whole forked run. The score is computed "
                    + "by this process from the test JVM's event stream, never by the test JVM.",
            "",
            "Isolation (--isolation): full runs the test JVM in a bubblewrap sandbox (Linux: uid 65534, no network, "
                    + "read-only file system but its scratch folder, own PID namespace) with only the JDK modules the "
                    + "suites need; modules only limits the JDK modules; none runs it with the grader's own rights. "
                    + "auto, the default, picks full when bubblewrap works here, else modules; every report says "
                    + "which level ran and why."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The reports were written, whatever the score (a failing, crashing or non-compiling submission too).",
            "1:The grader could not write its reports, or --isolation full cannot be given here; a minimal "
                    + "results.json saying so was attempted.",
            "2:Invalid command line."
        })
public final class GradeCommand implements Callable<Integer> {

    /** Exit code: the reports were written. */
    public static final int REPORTS_WRITTEN = 0;
    /** Exit code: the reports could not be written. */
    public static final int REPORTS_FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<submission>", description = "Source folder, module folder, or .zip of either.")
    private Path submission;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Folder for the reports; created if missing.")
    private Path out;

    @Mixin
    private GradingOptions grading;

    @Option(names = "--work-dir", paramLabel = "<dir>",
            description = "Folder for unpacked sources, class files and the test JVM's files. Default: a temporary folder.")
    private Path workDir;

    @Option(names = "--keep-work", description = "Keep the work folder after grading (for debugging).")
    private boolean keepWork;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PhaseTimings timings = new PhaseTimings(GraderCommand.launchedFromMain);
        GradingOutcome outcome;
        Path work = null;
        GradingSession session = null;
        try {
            if (grading.thresholds() != null && !Files.isRegularFile(grading.thresholds())) {
                return writeMinimal(console, "The thresholds file " + grading.thresholds() + " does not exist.");
            }
            work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("backproplab-grade-");
            // The engine copies the pictures to <out>/images after each test JVM; an unwritable --out only loses them.
            GradingSession.Settings settings = grading.settings(out.resolve("images"));
            try {
                session = GradingSession.forBundledCourse(settings, grading.structureRules(), grading.suitePath(),
                        grading.isolation());
            } catch (GradingSession.CannotIsolate e) {
                return writeMinimal(console, e.getMessage());
            }
            timings.lap("setup");
            outcome = session.grade(submission, work, timings);
        } catch (IOException | RuntimeException | LinkageError e) {
            return writeMinimal(console, "The grader could not start: " + e);
        } finally {
            if (work != null && !keepWork && workDir == null) {
                deleteQuietly(work);
            }
        }
        String table;
        try {
            table = ReportOutput.writeAllOfThisJvm(outcome, out);
        } catch (IOException | RuntimeException | LinkageError e) {
            ReportOutput.printFallbackConsole(outcome, console);
            return writeMinimal(console, "Writing the reports failed: " + e);
        }
        ReportOutput.printConsole(outcome, table, console);
        buildMissingArchives(session);
        return REPORTS_WRITTEN;
    }

    /** With {@code --cds auto}: builds the class-data archives this run went without, for the next runs. */
    private void buildMissingArchives(GradingSession session) {
        if (session == null || session.settings().cds() != ClassDataSharing.Mode.AUTO || !ClassDataSharing.missing(session)) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Building the test JVM's runtime image and the class-data archives of the test JVM, the javac JVM"
                + " and the grader's own JVM for the next runs (once per JDK and grader build; --cds use skips this) ...");
        err.flush();
        ClassDataSharing.buildMissing(session).forEach(err::println);
        err.flush();
    }

    private int writeMinimal(PrintWriter console, String problem) {
        boolean written = ReportOutput.writeMinimalResults(out, problem);
        spec.commandLine().getErr().println(problem + (written ? " A minimal results.json was written to " + out + "."
                : " Not even a minimal results.json could be written to " + out + "."));
        console.flush();
        return REPORTS_FAILED;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Same.
        }
    }
}
