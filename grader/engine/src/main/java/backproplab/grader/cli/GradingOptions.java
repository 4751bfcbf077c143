package backproplab.grader.cli;

import backproplab.grader.engine.ClassDataSharing;
import backproplab.grader.engine.GradingSession;
import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.sandbox.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The grade command's suite and limit options, for {@code batch}: every submission of a batch is graded within the
 * same limits as {@code grade} would grade it.
 */
final class GradingOptions {

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
            description = "Check the structure rules (no reflection, file or network I/O, threads, System.exit, ...) "
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

    @Option(names = "--pictures", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the training pictures (loss curve, decision boundary) into each submission's images folder "
                    + "and HTML report. Default: ${DEFAULT-VALUE}.")
    private boolean pictures;

    /** The session's settings; the pictures folder is set per submission by the batch. */
    GradingSession.Settings settings() {
        return new GradingSession.Settings(suites,
                new SandboxLimits(heap, stack, offHeap, physical, testTimeout, runTimeout, grace, outputCap, maxRestarts),
                SubmissionLimits.DEFAULT, java, backendInfo, forkCompiler, thresholds,
                // A marker: the batch draws each submission's pictures into its own images folder.
                pictures ? Path.of("images") : null, ClassDataSharing.Mode.USE);
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
