package backproplab.grader.cli;

import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.engine.StudentSeed;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.sandbox.IsolationLevel;
import backproplab.grader.sandbox.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that say how a submission is graded, shared by {@code grade} and {@code batch} (a picocli mixin): the
 * suites, the limits, the checks, the isolation and the pictures. Every submission of a batch is graded within the
 * same limits as {@code grade} would grade it.
 */
final class GradingOptions {

    @Option(names = "--suites", split = ",", paramLabel = "<name>",
            description = "Packages or classes of hidden suites to run (comma-separated). Default: ${DEFAULT-VALUE}.")
    private List<String> suites = List.of("backproplab.grader.suites");

    @Option(names = "--suite-path", split = ",", paramLabel = "<path>",
            description = "Class folders or jars holding suites of your own (name them with --suites), for example while "
                    + "writing a new suite. Like the bundled suites, they reach the test JVM over its event socket and "
                    + "are kept in memory there, never on its class path or in its file system, so student code "
                    + "cannot read them.")
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

    @Option(names = "--java", paramLabel = "<path>",
            description = "The java executable for the test JVM. Default: the one running the grader.")
    private Path java;

    @Option(names = "--thresholds", paramLabel = "<file>",
            description = "A properties file whose entries replace the hidden suites' default thresholds "
                    + "(see grader/suites/src/main/resources/backproplab/grader/thresholds.properties).")
    private Path thresholds;

    @Option(names = "--isolation", paramLabel = "<level>", converter = IsolationConverter.class,
            description = "How the test JVM is shut off from the machine: auto, full, modules or none. With full, "
                    + "grading fails (exit code 1) where bubblewrap does not work. Default: auto (full when "
                    + "bubblewrap works here, else modules).")
    private IsolationLevel isolation;

    @Option(names = "--cds", paramLabel = "auto|use|off",
            description = "Class-data archives of the test JVM and the javac JVM (AppCDS, in the folder cds next to "
                    + "grader.jar): auto uses them and, when one is missing for this JDK and build, builds it after the "
                    + "reports are written (once, about 15 s; a batch only uses them); use only uses them; off neither. "
                    + "The archives hold the grader's and the libraries' classes, never a submission's. Default: auto.")
    private ClassDataSharing.Mode cds = ClassDataSharing.Mode.AUTO;

    @Option(names = "--student-id", paramLabel = "<id>",
            description = "The student's (or submission's) id: the hidden suites draw their data, seeds and sizes from "
                    + "the seed of this id (the first 8 bytes of its SHA-256), the same on every run for this id, other "
                    + "for another id. The report gives the seed. Without --student-id and --seed every submission gets "
                    + "the course's fixed hidden inputs, and the report says so. batch uses each entry's own id instead.")
    private String studentId;

    @Option(names = "--student-id-from", paramLabel = "<file>",
            description = "Read the student id from a platform's file: Gradescope's submission_metadata.json "
                    + "(users[0].id) or PrairieLearn's data.json. The platform scripts pass it; a file without an id "
                    + "gives the course's fixed seed, and the report says so.")
    private Path studentIdFile;

    @Option(names = "--seed", paramLabel = "<n>",
            description = "The seed of the hidden inputs, as a report gave it (\"grade --seed N reproduces this grade\"): "
                    + "regrades exactly what that run graded. Wins over --student-id. batch uses each entry's own id instead.")
    private Long seed;

    @Option(names = "--pictures", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the training pictures (loss curve, decision boundary) into <out>/images (in a batch, "
                    + "each submission's own images folder) and the HTML report. Default: ${DEFAULT-VALUE}.")
    private boolean pictures;

    /**
     * The session's settings.
     *
     * @param picturesFolder where the pictures go when they are drawn: {@code <out>/images} for {@code grade}; for a
     *                       batch a marker, each submission's own images folder replacing it
     * @return the settings, with no pictures folder under {@code --no-pictures}
     */
    GradingSession.Settings settings(Path picturesFolder) {
        return new GradingSession.Settings(suites,
                new SandboxLimits(heap, stack, offHeap, physical, testTimeout, runTimeout, grace, outputCap, maxRestarts),
                SubmissionLimits.DEFAULT, java, backendInfo, forkCompiler, thresholds,
                pictures ? picturesFolder : null, cds, seed());
    }

    /** The hidden inputs' seed: {@code --seed}, else that of {@code --student-id}, else the course's fixed seed. */
    StudentSeed seed() {
        if (seed != null) {
            return StudentSeed.given(seed);
        }
        if (studentId != null && !studentId.isBlank()) {
            return StudentSeed.ofStudentId(studentId);
        }
        if (studentIdFile != null) {
            return StudentSeed.fromPlatformFile(studentIdFile);
        }
        return StudentSeed.course();
    }

    /**
     * The settings of a batch: each submission draws its pictures into its own images folder, and the class-data
     * archives are used but never built in the middle of a batch ({@code --cds auto} acts as {@code use}).
     */
    GradingSession.Settings settings() {
        GradingSession.Settings settings = settings(Path.of("images"));
        return cds == ClassDataSharing.Mode.AUTO ? settings.withCds(ClassDataSharing.Mode.USE) : settings;
    }

    /** The isolation asked for, or {@code null} for auto (the best this machine can do). */
    IsolationLevel isolation() {
        return isolation;
    }

    List<Path> suitePath() {
        return suitePath;
    }

    boolean structureRules() {
        return structureRules;
    }

    Path thresholds() {
        return thresholds;
    }
}
