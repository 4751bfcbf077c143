package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import backproplab.scoring.TestStatus;
import backproplab.scoring.Visibility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Fixed synthetic reports and run information for the reporter tests and the golden files. */
final class SampleReports {

    static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "golden");
    static final Path LOSS_CURVE = GOLDEN_DIR.resolve("images/loss-curve.png").toAbsolutePath();
    /** The loss curve with a caption in an iTXt chunk, as the suites write it. */
    static final Path CAPTIONED_LOSS_CURVE = GOLDEN_DIR.resolve("images/captioned-loss-curve.png").toAbsolutePath();
    static final Path DECISION_BOUNDARY = GOLDEN_DIR.resolve("images/decision-boundary.png").toAbsolutePath();
    static final String BACKEND = "ND4J backend CPU (linux-x86_64), BLAS OPENBLAS, 2 threads, data type DOUBLE";

    /** A message with markup characters, a bell, a terminal colour code and non-ASCII text. */
    static final String NASTY_MESSAGE = "[sigmoid(1000)] expected: 1.0 but was: NaN\n"
            + "  check <clip ±500> & \"stable\" form \u0007\u001B[31mred\u001B[0m\n"
            + "  at Activations.sigmoid(Activations.java:17)";

    private SampleReports() {
    }

    private static TestOutcome test(String className, String method, String name, String task, double points,
                                    double score, TestStatus status, String message, String output,
                                    Visibility visibility, long millis, List<Path> images) {
        return new TestOutcome(className + "#" + method, name, className, method, task, !task.isEmpty(), points,
                score, status, message, output, visibility, millis, images);
    }

    /** Every kind of outcome: pass, failure with message, partial credit both ways, timed out, not run, hidden, images. */
    static GradeReport mixed() {
        String act = "backproplab.grader.suites.ActivationsHiddenTest";
        String net = "backproplab.grader.suites.NetworkHiddenTest";
        String moons = "backproplab.grader.suites.MoonsHiddenTest";
        String visible = "backproplab.activations.ActivationsTest";
        return new GradeReport(List.of(
                test(net, "gradientsMatchCentralDifferences", "gradients match central differences", "network.backward",
                        3, 0, TestStatus.TIMED_OUT, "Stopped after 10 s, the time limit per test.", "",
                        Visibility.HIDDEN, 10_000, List.of()),
                test(act, "sigmoidFiniteAtLargeZ", "sigmoid stays finite at |z| = 1000", "activations.sigmoid",
                        1, 1, TestStatus.PASSED, "", "", Visibility.VISIBLE, 12, List.of()),
                test(act, "sigmoidMatchesReference", "sigmoid matches the reference", "activations.sigmoid",
                        2, 0, TestStatus.FAILED, NASTY_MESSAGE, "debug: z = 1000\n" + "x".repeat(600),
                        Visibility.VISIBLE, 40, List.of()),
                test(moons, "testAccuracyTiers", "moons test accuracy reaches the tiers", "moons.accuracy",
                        4, 2, TestStatus.PASSED,
                        "Partial credit: 50 % of 4.0 points (test accuracy 0.93 reached the 90 % tier).",
                        "epoch 2000 loss 0.0093\n", Visibility.VISIBLE, 1500, List.of(LOSS_CURVE, DECISION_BOUNDARY)),
                test(moons, "trainLossBelowThreshold", "training loss ends below 0.1", "moons.accuracy",
                        2, 1, TestStatus.FAILED,
                        "[final loss] expected < 0.1 but was 0.31\nPartial credit kept: 50 % of 2.0 points (loss went down).",
                        "", Visibility.AFTER_DUE_DATE, 900, List.of()),
                test(net, "dW2Shape", "dW2 has the shape of W2", "network.backward",
                        1, 0, TestStatus.NOT_RUN, "Not run: the test JVM was stopped after the previous test timed out.",
                        "", Visibility.VISIBLE, 0, List.of()),
                test(act, "reluNeedsNd4j", "relu on the GPU", "activations.sigmoid",
                        1, 0, TestStatus.ABORTED, "Assumption failed: no GPU on this machine", "",
                        Visibility.VISIBLE, 1, List.of()),
                test(act, "disabledBonus", "bonus: swish", "activations.sigmoid",
                        1, 0, TestStatus.SKIPPED, "not part of this assignment", "", Visibility.AFTER_PUBLISHED, 0,
                        List.of()),
                test(visible, "printsShapes", "printsShapes()", "", 0, 0, TestStatus.PASSED, "", "", Visibility.VISIBLE,
                        3, List.of())),
                BACKEND);
    }

    static final String SIGMOID_MESSAGE = "Activations.sigmoid — sigmoid(-1000) is not finite.\n"
            + "  expected 0.0 (within 1e-12), got NaN.\n"
            + "  Check: clip z to [-500, 500] before exp, as the notes do (docs/02-activations.md#sigmoid).";

    static final String BACKWARD_MESSAGE = "NeuralNetwork.backward — gradient dW2 has the wrong shape.\n"
            + "  expected (1, 8), the shape of W2; got (8, 1).\n"
            + "  Check: dW = dZ · A_prev^T / m (docs/06-neural-network.md#backward). Which factor did you transpose?";

    static final String MOONS_MESSAGE = "NeuralNetwork (forward, backward, update, He initialisation) — moons test "
            + "accuracy 91.25 %, below the 95 % tier.\n  Partial credit kept: 2 of 4 tiers reached.\n"
            + "  If the training loss is high, the network did not learn (docs/06-neural-network.md#training).";

    /**
     * A graded run of three exercises as a test engine may report it, the later exercises first: a pass, failures that
     * name their method and notes, and a partial credit with a captioned picture.
     */
    static GradeReport course() {
        String chain = "backproplab.grader.suites.ChainRuleHiddenTest";
        String act = "backproplab.grader.suites.ActivationsHiddenTest";
        String net = "backproplab.grader.suites.NetworkHiddenTest";
        String moons = "backproplab.grader.suites.MoonsHiddenTest";
        return new GradeReport(List.of(
                test(moons, "tiers", "moons test accuracy reaches the tiers", "network.moons", 4, 2, TestStatus.FAILED,
                        MOONS_MESSAGE, "", Visibility.HIDDEN, 2100, List.of(CAPTIONED_LOSS_CURVE)),
                test(net, "dW2Shape", "dW2 has the shape of W2", "network.backward", 1, 0, TestStatus.FAILED,
                        BACKWARD_MESSAGE, "", Visibility.HIDDEN, 20, List.of()),
                test(net, "forwardShapes", "forward returns a (1 × m) output", "network.forward", 2, 2,
                        TestStatus.PASSED, "", "", Visibility.HIDDEN, 15, List.of()),
                test(act, "reluAtZero", "relu(0) is 0", "activations.relu", 1, 1, TestStatus.PASSED, "", "",
                        Visibility.VISIBLE, 2, List.of()),
                test(act, "sigmoidFinite", "sigmoid stays finite at z = -1000", "activations.sigmoid", 2, 0,
                        TestStatus.FAILED, SIGMOID_MESSAGE, "", Visibility.VISIBLE, 3, List.of()),
                test(chain, "forward", "forward of y = (3x + 2)^2", "chainrule.forward", 1.5, 1.5, TestStatus.PASSED,
                        "", "", Visibility.HIDDEN, 1, List.of())),
                BACKEND);
    }

    static RunInfo courseRun() {
        return RunInfo.of("grace-hw3").withExecutionSeconds(12.5).withBackend(BACKEND);
    }

    /** Graded: some hidden tests passed, so the API difference is listed but is not the verdict. */
    static RunInfo mixedRun() {
        return RunInfo.of("alice-hw3.zip")
                .withExecutionSeconds(7.4)
                .withBackend(BACKEND)
                .withVerdict(new Verdict.Graded(List.of(
                        "NeuralNetwork.backward: expected public Gradients backward(INDArray X, INDArray Y, Cache cache)")))
                .withNotes(List.of("The test JVM was stopped once: a test ran past its 10 s limit."));
    }

    static GradeReport compileFailure() {
        return GradeReport.empty("");
    }

    static RunInfo compileFailureRun() {
        return RunInfo.of("bob-hw3")
                .withExecutionSeconds(1.2)
                .withVerdict(new Verdict.DidNotCompile(List.of(
                        "backproplab/network/NeuralNetwork.java:42: error: ';' expected",
                        "        double z = w * x + b",
                        "                            ^",
                        "1 error")));
    }

    static final String EXIT_RULE = "no System.exit, Runtime.halt or processes";

    /** The message the structure check gives for a System.exit in NeuralNetwork.backward. */
    static final String EXIT_RULE_MESSAGE = "Your code breaks the structure rule \"" + EXIT_RULE + "\" in 1 place:\n"
            + "  - Method <backproplab.network.NeuralNetwork.backward(org.nd4j.linalg.api.ndarray.INDArray)> calls method "
            + "<java.lang.System.exit(int)> in (NeuralNetwork.java:88)\n"
            + "The rule: no classes should call method where the target is System.exit, Runtime.exit, Runtime.halt, "
            + "Runtime.exec or a shutdown hook, or should depend on classes that start or control processes "
            + "(ProcessBuilder, Process, ProcessHandle), because stopping the JVM or starting programs ends or escapes "
            + "the grading run; report a problem by throwing an exception instead.\n"
            + "What to do: Throw an exception such as IllegalArgumentException when something is wrong; never stop the JVM.";

    /** A 0-point check as the grade session records it: keyed by task and name, without a test class. */
    private static TestOutcome check(String task, String name, String message) {
        return new TestOutcome(task + "#" + name, name, "", "", task, true, 0, 0,
                message.isEmpty() ? TestStatus.PASSED : TestStatus.FAILED, message, "", Visibility.VISIBLE, 0, List.of());
    }

    private static TestOutcome apiPassed() {
        return check("api", "API: every class and method of the skeleton is present (57 signatures)", "");
    }

    /** The checks of a submission that calls System.exit: none of it ran, so the report holds only the checks. */
    static GradeReport refusal() {
        return new GradeReport(List.of(
                apiPassed(),
                check("structure", "Structure rule: no reflection", ""),
                check("structure", "Structure rule: " + EXIT_RULE, EXIT_RULE_MESSAGE)), "");
    }

    static RunInfo refusalRun() {
        return RunInfo.of("carol-hw3.zip")
                .withExecutionSeconds(2.6)
                .withVerdict(new Verdict.Refused(List.of(new Verdict.BrokenRule(EXIT_RULE, EXIT_RULE_MESSAGE))))
                .withNotes(List.of("Submission: 30 source files, zip."));
    }

    static final String GRADER_ERROR = "java.io.IOException: Cannot run program \"/opt/java/bin/java\": error=13, "
            + "Permission denied";

    /** The checks passed, then the test JVM could not be started. */
    static GradeReport graderFailure() {
        return new GradeReport(List.of(apiPassed(), check("structure", "Structure rule: no reflection", "")), "");
    }

    static RunInfo graderFailureRun() {
        return RunInfo.of("dave-hw3")
                .withExecutionSeconds(3.1)
                .withVerdict(new Verdict.GraderFailed(GRADER_ERROR));
    }

    static final String API_DIFFERENCE = "NeuralNetwork.backward(INDArray, INDArray) has a different declaration: "
            + "expected public Gradients backward(INDArray, INDArray), found public void backward(INDArray, INDArray). "
            + "Keep the skeleton's signature; the graders call it exactly as declared there.";

    /** The API differs and every hidden test failed calling the changed method. */
    static GradeReport apiMismatch() {
        String net = "backproplab.grader.suites.NetworkHiddenTest";
        return new GradeReport(List.of(
                check("api", "API: NeuralNetwork.backward(INDArray, INDArray)", API_DIFFERENCE),
                test(net, "dW2Shape", "dW2 has the shape of W2", "network.backward", 1, 0, TestStatus.FAILED,
                        "NoSuchMethodError: 'backproplab.network.Gradients backproplab.network.NeuralNetwork"
                                + ".backward(org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray)'",
                        "", Visibility.VISIBLE, 30, List.of())), BACKEND);
    }

    static RunInfo apiMismatchRun() {
        return RunInfo.of("erin-hw3")
                .withExecutionSeconds(6.0)
                .withBackend(BACKEND)
                .withVerdict(new Verdict.ApiMismatch(List.of(API_DIFFERENCE)));
    }

    static final String PACKAGE_REASON = "Class Main is in package (the unnamed package), which is not an exercise "
            + "package. Keep your classes in the exercise packages (backproplab.activations, backproplab.network); "
            + "move or delete this one.";

    static RunInfo invalidSubmissionRun() {
        return RunInfo.of("frank-hw3.zip")
                .withExecutionSeconds(0.9)
                .withVerdict(new Verdict.InvalidSubmission(List.of(PACKAGE_REASON)));
    }

    static GradeReport empty() {
        return GradeReport.empty("");
    }

    static RunInfo emptyRun() {
        return RunInfo.of("");
    }

    /**
     * The report with its test classes in a shuffled order, as another machine's test engine might find
     * them; the order of the tests within a class (JUnit's deterministic method order) is kept.
     */
    static GradeReport shuffled(GradeReport report, long seed) {
        Map<String, List<TestOutcome>> byClass = new LinkedHashMap<>();
        report.tests().forEach(t -> byClass.computeIfAbsent(t.className(), c -> new ArrayList<>()).add(t));
        List<String> classes = new ArrayList<>(byClass.keySet());
        Collections.shuffle(classes, new Random(seed));
        List<TestOutcome> tests = new ArrayList<>();
        classes.forEach(c -> tests.addAll(byClass.get(c)));
        return new GradeReport(tests, report.backend());
    }

    /** One named case of report and run. */
    record Case(String name, GradeReport report, RunInfo run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> goldenCases() {
        return List.of(new Case("mixed", mixed(), mixedRun()),
                new Case("course", course(), courseRun()),
                new Case("compile-failure", compileFailure(), compileFailureRun()),
                new Case("refusal", refusal(), refusalRun()),
                new Case("grader-failure", graderFailure(), graderFailureRun()),
                new Case("api-mismatch", apiMismatch(), apiMismatchRun()),
                new Case("invalid-submission", empty(), invalidSubmissionRun()));
    }

    static List<Case> allCases() {
        List<Case> all = new ArrayList<>(goldenCases());
        all.add(new Case("empty", empty(), emptyRun()));
        return all;
    }

    /** The case with this name. */
    static Case named(String name) {
        return allCases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
