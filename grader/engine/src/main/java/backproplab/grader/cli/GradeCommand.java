package backproplab.grader.cli;

import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.GradingOutcome;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.engine.PhaseTimings;
import backproplab.grader.engine.ReportOutput;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.sandbox.IsolationLevel;
import backproplab.grader.sandbox.SandboxLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
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
            "Grades one submission: compiles it (javac --release 17) against the course runtime, checks its API "
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

    @Option(names = "--suites", split = ",", paramLabel = "<name>",
            description = "Packages or classes of hidden suites to run (comma-separated). Default: ${DEFAULT-VALUE}.")
    private List<String> suites = List.of("backproplab.grader.suites");

    @Option(names = "--suite-path", split = ",", paramLabel = "<path>",
            description = "Class folders or jars holding suites of your own, put on the test JVM's class path beside "
                    + "the bundled suites (name them with --suites), for example while writing a new suite.")
    private List<Path> suitePath = List.of();

    @Option(names = "--heap", paramLabel = "<size>", description = "Heap cap of the test JVM (-Xmx). Default: ${DEFAULT-VALUE}.")
    private String heap = SandboxLimits.DEFAULT.heap();

    @Option(names = "--stack", paramLabel = "<size>", description = "Thread stack size of the test JVM (-Xss). Default: ${DEFAULT-VALUE}.")
    private String stack = SandboxLimits.DEFAULT.threadStack();

    @Option(names = "--off-heap", paramLabel = "<size>",
            description = "Cap on ND4J's off-heap memory (org.bytedeco.javacpp.maxbytes). Default: ${DEFAULT-VALUE}.")
    private String offHeap = SandboxLimits.DEFAULT.offHeap();

    @Option(names = "--max-physical", paramLabel = "<size>",
            description = "Cap on the test JVM's whole memory (org.bytedeco.javacpp.maxphysicalbytes). Default: ${DEFAULT-VALUE}.")
    private String physical = SandboxLimits.DEFAULT.physical();

    @Option(names = "--test-timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Preemptive time limit per test (20s, 1500ms, 2m). Default: 20s.")
    private Duration testTimeout = SandboxLimits.DEFAULT.testTimeout();

    @Option(names = "--run-timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Time limit of the whole forked run; the test JVM is killed after it. Default: 300s.")
    private Duration runTimeout = SandboxLimits.DEFAULT.runTimeout();

    @Option(names = "--grace", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "How long a timed-out test may take to stop before its JVM is replaced. Default: 2s.")
    private Duration grace = SandboxLimits.DEFAULT.grace();

    @Option(names = "--output-cap", paramLabel = "<bytes>",
            description = "Captured stdout+stderr kept per test; the rest is dropped with a note. Default: ${DEFAULT-VALUE}.")
    private int outputCap = SandboxLimits.DEFAULT.outputCapBytes();

    @Option(names = "--max-restarts", paramLabel = "<n>",
            description = "How often a test JVM that died (System.exit, crash, out of memory, endless loop) is "
                    + "replaced to run the remaining tests. Default: ${DEFAULT-VALUE}.")
    private int maxRestarts = SandboxLimits.DEFAULT.maxRestarts();

    @Option(names = "--backend-info", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start ND4J before the tests and report its backend line (--no-backend-info skips it). Default: true.")
    private boolean backendInfo;

    @Option(names = "--structure-rules", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check the structure rules (only the APIs on the course's allowlist: no reflection, files, "
                    + "network, threads, System.exit, ...; no finalizers) "
                    + "and refuse code that breaks one: it is not run and scores 0. --no-structure-rules skips them "
                    + "(for example to test the sandbox itself). Default: true.")
    private boolean structureRules;

    @Option(names = "--fork-compiler", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run javac in a JVM of its own with the C1 compiler only, which halves its CPU time "
                    + "(--no-fork-compiler compiles inside the grader's JVM). Default: true.")
    private boolean forkCompiler;

    @Option(names = "--cds", paramLabel = "auto|use|off",
            description = "Class-data archives of the test JVM and the javac JVM (AppCDS, in the folder cds next to "
                    + "grader.jar): auto uses them and, when one is missing for this JDK and build, builds it after the "
                    + "reports are written (once, about 15 s); use only uses them; off neither. The archives hold the "
                    + "grader's and the libraries' classes, never a submission's. Default: auto.")
    private ClassDataSharing.Mode cds = ClassDataSharing.Mode.AUTO;

    @Option(names = "--java", paramLabel = "<path>",
            description = "The java executable for the test JVM. Default: the one running the grader.")
    private Path java;

    @Option(names = "--work-dir", paramLabel = "<dir>",
            description = "Folder for unpacked sources, class files and the test JVM's files. Default: a temporary folder.")
    private Path workDir;

    @Option(names = "--keep-work", description = "Keep the work folder after grading (for debugging).")
    private boolean keepWork;

    @Option(names = "--thresholds", paramLabel = "<file>",
            description = "A properties file whose entries replace the hidden suites' default thresholds "
                    + "(see grader/suites/src/main/resources/backproplab/grader/thresholds.properties).")
    private Path thresholds;

    @Option(names = "--isolation", paramLabel = "<level>", converter = IsolationConverter.class,
            description = "How the test JVM is shut off from the machine: auto, full, modules or none. With full, "
                    + "grading fails (exit code 1) where bubblewrap does not work. Default: auto (full when "
                    + "bubblewrap works here, else modules).")
    private IsolationLevel isolation;

    @Option(names = "--pictures", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the training pictures (loss curve, decision boundary) into <out>/images and the HTML "
                    + "report. Default: ${DEFAULT-VALUE}.")
    private boolean pictures;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PhaseTimings timings = new PhaseTimings(GraderCommand.launchedFromMain);
        GradingOutcome outcome;
        Path work = null;
        GradingSession session = null;
        try {
            if (thresholds != null && !Files.isRegularFile(thresholds)) {
                return writeMinimal(console, "The thresholds file " + thresholds + " does not exist.");
            }
            work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("backproplab-grade-");
            GradingSession.Settings settings = new GradingSession.Settings(suites,
                    new SandboxLimits(heap, stack, offHeap, physical, testTimeout, runTimeout, grace, outputCap, maxRestarts),
                    SubmissionLimits.DEFAULT, java, backendInfo, forkCompiler,
                    thresholds,
                    // The engine copies the pictures there after each test JVM; an unwritable --out only loses them.
                    pictures ? out.resolve("images") : null, cds);
            try {
                session = GradingSession.forBundledCourse(settings, structureRules, suitePath, isolation);
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
        err.println("Building the test JVM's runtime image and the class-data archives of the test JVM and the javac JVM"
                + " for the next runs (once per JDK and grader build; --cds use skips this) ...");
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
