package backproplab.grader.suites;

import backproplab.gradcheck.GradientCheckResult.Row;
import backproplab.gradcheck.GradientCheckResult;
import backproplab.gradcheck.NetworkGradientCheck;
import backproplab.gradcheck.RelativeError;
import backproplab.gradcheck.TinyGradientCheck;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.GradedCases;
import backproplab.grader.suites.support.GradientComparison;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.PlainNetwork;
import backproplab.grader.suites.support.PlainTinyNetwork;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 4 (and the matrix check of exercise 6): the relative error, and the student's own
 * gradient checkers, which must pass a correct backward pass, flag a wrong one, and really use central
 * differences. The tiny checks run on the suite's own {@link PlainTinyNetwork}, so they grade the checker and
 * nothing else. 9 points.
 */
@DisplayName("Hidden: gradient checking (exercises 4 and 6)")
class GradientCheckHiddenTest {

    private static final String DOC = "docs/04-gradient-check.md";
    private static final String NETWORK_DOC = "docs/06-neural-network.md#gradient-check";
    private static final double PROBE_EPSILON = Thresholds.get().number("gradcheck.probeEpsilon");
    private static final double SECOND_EPSILON = Thresholds.get().number("gradcheck.secondProbeEpsilon");
    private static final double PROBE_TOLERANCE = Thresholds.get().number("gradcheck.numericalTolerance");
    /** The two steps the checkers are probed with: a checker must use the ε it is given. */
    private static final double[] PROBE_EPSILONS = {PROBE_EPSILON, SECOND_EPSILON};

    /** w1, b1, w2, b2, x, y: a point where the loss is clearly curved in every parameter. */
    private static final double[] TINY = GradedCases.tinyCheckerPoint();

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    private static PlainTinyNetwork tiny(UnaryOperator<TinyGradients> distortion) {
        return new PlainTinyNetwork(TINY[0], TINY[1], TINY[2], TINY[3], distortion);
    }

    @Test
    @Graded(points = 1.5, task = "gradcheck.relativeError", visibility = Visibility.HIDDEN)
    @DisplayName("RelativeError.of is |a − n| / (|a| + |n|): symmetric, 0 for 0 and 0, 1 for opposite signs, no absolute floor, NaN for NaN")
    void relativeErrorValues() {
        double[][] cases = {{2.5, 2.4999}, {-0.003, -0.0031}, {1e-9, -1e-9}, {3, 0}, {0, -7}, {-4, 4}, {1e-300, 2e-300}, {123.0, 123.0}, {0, 0}};
        if (!HiddenSeeds.isCourseSeed()) {
            // The two near-equal pairs are drawn for the student (the edges — zeros, opposite signs, 1e-300 — stay).
            java.util.SplittableRandom rng = HiddenSeeds.random("gradcheck.relativeError");
            double a = Math.round(HiddenSeeds.uniform(rng, 1, 10) * 1e4) / 1e4;
            double small = -Math.round(HiddenSeeds.uniform(rng, 1e-3, 1e-2) * 1e5) / 1e5;
            cases[0] = new double[] {a, a - 1e-4};
            cases[1] = new double[] {small, small - 1e-4};
        }
        for (double[] c : cases) {
            double expected = GradientComparison.relativeError(c[0], c[1]);
            for (double[] args : new double[][] {c, {c[1], c[0]}}) {
                double actual = RelativeError.of(args[0], args[1]);
                Verify.closeRelative(actual, expected, 1e-12, "RelativeError.of", "relative error of a = " + Feedback.num(args[0])
                        + " and n = " + Feedback.num(args[1]),
                        "Check |a − n| / (|a| + |n|), and 0 when both are 0 (" + DOC + "#relative-error).");
            }
        }
        double nan = RelativeError.of(Double.NaN, 1.0);
        Verify.that(Double.isNaN(nan), () -> "RelativeError.of — relative error of a = NaN and n = 1: expected NaN, got " + nan
                + ".\n  A NaN gradient must never look like a match (" + DOC + "#relative-error).");
    }

    @Test
    @Graded(points = 1, task = "gradcheck.tinyCheck", visibility = Visibility.HIDDEN)
    @DisplayName("TinyGradientCheck passes a correct backward pass, with rows w1, b1, w2, b2 holding backward's gradients")
    void tinyCheckPassesCorrectBackward() {
        PlainTinyNetwork net = tiny(UnaryOperator.identity());
        GradientCheckResult result = TinyGradientCheck.check(net, TINY[4], TINY[5]);
        TinyGradients exact = PlainTinyNetwork.gradientsOf(TINY[0], TINY[1], TINY[2], TINY[3], TINY[4], TINY[5]);
        List<String> names = result.rows().stream().map(Row::parameter).toList();
        Verify.that(names.equals(TinyNetwork.PARAMETER_NAMES), () -> "TinyGradientCheck.check — expected one row per parameter,"
                + " in the order " + TinyNetwork.PARAMETER_NAMES + ", got rows " + names + " (" + DOC + "#checking-the-tiny-network).");
        for (String name : TinyNetwork.PARAMETER_NAMES) {
            Verify.close(result.row(name).analytical(), exact.get(name), 1e-12, "TinyGradientCheck.check",
                    "the analytical column of " + name, "It must hold what net.backward(y) returned, after net.forward(x) ("
                            + DOC + "#checking-the-tiny-network).");
        }
        Verify.that(result.passed(), () -> "TinyGradientCheck.check — a correct backward pass: expected passed() = true, got false:\n" + result
                + "\n  Check the numerical column: (L(θ + ε) − L(θ − ε)) / 2ε with L = binaryCrossEntropy(y, net.forward(x)) ("
                + DOC + "#checking-the-tiny-network).");
    }

    @Test
    @Graded(points = 1.5, task = "gradcheck.tinyCheck", visibility = Visibility.HIDDEN)
    @DisplayName("TinyGradientCheck flags planted wrong gradients (a flipped sign, a factor 3, a 1 % error) and only those")
    void tinyCheckFlagsWrongBackward() {
        record Plant(String wrong, UnaryOperator<TinyGradients> distortion) {
        }
        List<Plant> plants = List.of(
                new Plant("w2", g -> new TinyGradients(g.w1(), g.b1(), -g.w2(), g.b2())),
                new Plant("b1", g -> new TinyGradients(g.w1(), 3 * g.b1(), g.w2(), g.b2())),
                new Plant("w1", g -> new TinyGradients(1.01 * g.w1(), g.b1(), g.w2(), g.b2())));
        for (Plant plant : plants) {
            GradientCheckResult result = TinyGradientCheck.check(tiny(plant.distortion), TINY[4], TINY[5]);
            List<String> failing = result.failures().stream().map(Row::parameter).toList();
            Verify.that(!result.passed() && failing.equals(List.of(plant.wrong)), () -> "TinyGradientCheck.check — a backward pass"
                    + " whose dL/d" + plant.wrong + " is wrong: expected exactly the failing row [" + plant.wrong + "], got failing rows " + failing + ":\n"
                    + result + "\n  The analytical column must come from net.backward(y) and the numerical one from central differences"
                    + " of the loss; RelativeError.of decides (" + DOC + "#checking-the-tiny-network).");
        }
    }

    @Test
    @Graded(points = 1.5, task = "gradcheck.tinyCheck", visibility = Visibility.HIDDEN)
    @DisplayName("TinyGradientCheck's numerical column is the CENTRAL difference with the given ε (two steps), and the parameters are restored exactly")
    void tinyCheckUsesCentralDifferences() {
        double[] p = {TINY[0], TINY[1], TINY[2], TINY[3]};
        for (double epsilon : PROBE_EPSILONS) {
            PlainTinyNetwork net = new PlainTinyNetwork(p[0], p[1], p[2], p[3]);
            GradientCheckResult result = TinyGradientCheck.check(net, TINY[4], TINY[5], epsilon);
            for (String name : TinyNetwork.PARAMETER_NAMES) {
                int i = PlainTinyNetwork.index(name);
                double plus = PlainTinyNetwork.loss(p, name, p[i] + epsilon, TINY[4], TINY[5]);
                double minus = PlainTinyNetwork.loss(p, name, p[i] - epsilon, TINY[4], TINY[5]);
                double base = PlainTinyNetwork.loss(p, name, p[i], TINY[4], TINY[5]);
                double central = (plus - minus) / (2 * epsilon);
                double oneSided = (plus - base) / epsilon;
                double actual = result.row(name).numerical();
                String hint = Math.abs(actual - oneSided) < PROBE_TOLERANCE ? "That is the one-sided difference (L(θ + ε) − L(θ)) / ε. "
                        : Math.abs(actual - (base - minus) / epsilon) < PROBE_TOLERANCE ? "That is the one-sided difference (L(θ) − L(θ − ε)) / ε. "
                        : "";
                Verify.close(actual, central, PROBE_TOLERANCE, "TinyGradientCheck.check", "numerical gradient of " + name + " with ε = "
                        + Feedback.num(epsilon), hint + "Use the central difference (L(θ + ε) − L(θ − ε)) / 2ε with the ε passed in"
                                + " (the tests call check with two different steps) (" + DOC + "#checking-the-tiny-network).");
            }
        }
        // A second point where (θ − ε) + ε ≠ θ for b2 at both steps: restoring by adding ε back shows there.
        double[] q = {TINY[0], TINY[1], TINY[2], GradedCases.offRoundTrip(-0.4999, PROBE_EPSILONS)};
        for (double epsilon : PROBE_EPSILONS) {
            PlainTinyNetwork net = new PlainTinyNetwork(q[0], q[1], q[2], q[3]);
            TinyGradientCheck.check(net, TINY[4], TINY[5], epsilon);
            for (String name : TinyNetwork.PARAMETER_NAMES) {
                double original = q[PlainTinyNetwork.index(name)];
                Verify.that(net.parameter(name) == original, () -> "TinyGradientCheck.check — after the check with ε = " + Feedback.num(epsilon)
                        + ", " + name + " is expected to be " + original + " again, got " + net.parameter(name)
                        + ": put back the value you saved (adding ε back after subtracting it does not give θ exactly) ("
                        + DOC + "#checking-the-tiny-network).");
            }
        }
    }

    /** A 2-3-2-1 ReLU network, planted, kink-free on its batch of 5. */
    private static PlainNetwork plantedNetwork() {
        PlainNetwork plain = GradedCases.checkerNetwork();
        if (plain.smallestHiddenMagnitude(batch()) < GradedCases.KINK_MARGIN) {
            throw new IllegalStateException("suite bug: the planted checker network is too close to ReLU's kink");
        }
        return plain;
    }

    private static double[][] batch() {
        return GradedCases.checkerBatch();
    }

    private static final double[][] LABELS = GradedCases.checkerLabels();

    /** One check with the probe step on the planted network, shared by the two tests that read it. */
    private record ProbeRun(GradientCheckResult result, Map<String, double[][]> parametersAfter, INDArray x, INDArray y) {
    }

    private static final Map<String, ProbeRun> PROBE_RUNS = new LinkedHashMap<>();

    private static synchronized ProbeRun probeRun(double epsilon) {
        return probeRun("planted", plantedNetwork(), epsilon);
    }

    private static synchronized ProbeRun probeRun(String which, PlainNetwork plain, double epsilon) {
        String key = which + " at " + epsilon;
        ProbeRun probeRun = PROBE_RUNS.get(key);
        if (probeRun == null) {
            NeuralNetwork net = NeuralNetwork.withParameters(plain.parameters(), HiddenActivation.RELU);
            INDArray x = Arrays2D.array(batch());
            INDArray y = Arrays2D.array(LABELS);
            GradientCheckResult result = NetworkGradientCheck.check(net, x, y, epsilon);
            Map<String, double[][]> after = new LinkedHashMap<>();
            for (String name : plain.names()) {
                after.put(name, Arrays2D.of(net.parameter(name)));
            }
            probeRun = new ProbeRun(result, after, x, y);
            PROBE_RUNS.put(key, probeRun);
        }
        return probeRun;
    }

    @Test
    @Graded(points = 1.5, task = "gradcheck.networkCheck", visibility = Visibility.HIDDEN)
    @DisplayName("NetworkGradientCheck has a row W1[r,c] … for every element, and its numerical column is the central difference with the given ε (two steps)")
    void networkCheckUsesCentralDifferences() {
        PlainNetwork plain = plantedNetwork();
        for (double epsilon : PROBE_EPSILONS) {
            checkNumericalColumn(plain, probeRun(epsilon).result(), epsilon);
        }
    }

    private static void checkNumericalColumn(PlainNetwork plain, GradientCheckResult result, double epsilon) {
        int expectedRows = 3 * 2 + 3 + 2 * 3 + 2 + 2 + 1;
        Verify.that(result.rows().size() == expectedRows, () -> "NetworkGradientCheck.check — a 2-3-2-1 network has " + expectedRows
                + " parameter elements (W1 3×2, b1 3×1, W2 2×3, b2 2×1, W3 1×2, b3 1×1), so " + expectedRows + " rows; got "
                + result.rows().size() + " (" + NETWORK_DOC + ").");
        for (String name : plain.names()) {
            double[][] central = plain.numericalGradient(name, batch(), LABELS, epsilon);
            for (int r = 0; r < central.length; r++) {
                for (int c = 0; c < central[r].length; c++) {
                    String rowName = name + "[" + r + "," + c + "]";
                    Row row = rowOrFail(result, rowName);
                    Verify.close(row.numerical(), central[r][c], PROBE_TOLERANCE, "NetworkGradientCheck.check",
                            "numerical gradient of " + rowName + " with ε = " + Feedback.num(epsilon),
                            "Use the central difference (L(θ + ε) − L(θ − ε)) / 2ε with the ε passed in (the tests call check with two steps) of L = binaryCrossEntropy(Y, net.forward(X)), nudging"
                                    + " one element at a time and putting it back (a one-sided difference is off by about ε/2 · L''). If"
                                    + " the tests of NeuralNetwork.forward or Activations.binaryCrossEntropy fail too, fix those first ("
                                    + NETWORK_DOC + ").");
                }
            }
        }
    }

    private static Row rowOrFail(GradientCheckResult result, String name) {
        return result.rows().stream().filter(row -> row.parameter().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("NetworkGradientCheck.check — expected a row named '" + name + "', got none. Rows are named like"
                        + " \"W1[0,1]\" (row 0, column 1 of W1) and \"b1[2,0]\"; first rows were "
                        + result.rows().stream().limit(5).map(Row::parameter).toList() + " (" + NETWORK_DOC + ")."));
    }

    @Test
    @Graded(points = 1, task = "gradcheck.networkCheck", visibility = Visibility.HIDDEN)
    @DisplayName("NetworkGradientCheck's verdict agrees with the suite's own check of the same backward pass, and flags a ReLU kink")
    void networkCheckVerdicts() {
        PlainNetwork plain = plantedNetwork();
        NeuralNetwork net = NeuralNetwork.withParameters(plain.parameters(), HiddenActivation.RELU);
        GradientCheckResult result = NetworkGradientCheck.check(net, Arrays2D.array(batch()), Arrays2D.array(LABELS));
        GradientComparison.Limits limits = new GradientComparison.Limits(GradientCheckResult.EPSILON,
                GradientCheckResult.MAX_RELATIVE_ERROR, GradientCheckResult.MIN_ABSOLUTE_ERROR);
        Map<String, double[][]> analytical = new LinkedHashMap<>();
        for (String name : plain.names()) {
            analytical.put(name, Arrays2D.of(net.gradient(name)));
        }
        boolean suiteVerdict = GradientComparison.ofMatrices(analytical, plain.numericalGradients(batch(), LABELS, limits.epsilon()),
                5, limits).passed();
        Verify.that(result.passed() == suiteVerdict, () -> "NetworkGradientCheck.check — on a planted 2-3-2-1 network: expected passed() = "
                + suiteVerdict + " (the same backward pass " + (suiteVerdict ? "passes" : "fails") + " an independent central-difference"
                + " check), got " + result.passed() + ":\n" + result.summaryTable() + "\n  (" + NETWORK_DOC + ")");

        // Z1[0] is exactly 0 for this one sample: backward uses ReLU'(0) = 0, central differences see half the slope.
        Map<String, INDArray> kinked = new LinkedHashMap<>();
        kinked.put("W1", Arrays2D.array(new double[][] {{0.5, -0.25}, {0.7, 0.2}, {-0.3, 0.9}}));
        kinked.put("b1", Arrays2D.array(new double[][] {{0}, {0.1}, {-0.2}}));
        kinked.put("W2", Arrays2D.array(new double[][] {{1.5, -0.8, 0.6}}));
        kinked.put("b2", Arrays2D.array(new double[][] {{0.05}}));
        NeuralNetwork kink = NeuralNetwork.withParameters(kinked, HiddenActivation.RELU);
        GradientCheckResult kinkResult = NetworkGradientCheck.check(kink, Arrays2D.array(new double[][] {{1}, {2}}),
                Arrays2D.array(new double[][] {{0}}));
        List<String> failing = new ArrayList<>(kinkResult.failures().stream().map(Row::parameter).toList());
        Verify.that(failing.containsAll(List.of("W1[0,0]", "W1[0,1]", "b1[0,0]")), () -> "NetworkGradientCheck.check — with z = 0"
                + " exactly at hidden unit 0 (on ReLU's kink) the analytical and central-difference gradients of W1[0,·] and b1[0]"
                + " disagree: expected failing rows to include [W1[0,0], W1[0,1], b1[0,0]], got failing rows " + failing + ":\n" + kinkResult.table()
                + "\n  (" + NETWORK_DOC + ")");
    }

    @Test
    @Graded(points = 1, task = "gradcheck.networkCheck", visibility = Visibility.HIDDEN)
    @DisplayName("NetworkGradientCheck puts every element back exactly (at two steps ε) and leaves X and Y alone")
    void networkCheckRestores() {
        // The planted network with one value per parameter array for which (θ − ε) + ε ≠ θ at both steps.
        PlainNetwork plain = plantedNetwork().withTraceValues(PROBE_EPSILONS);
        for (double epsilon : PROBE_EPSILONS) {
            checkRestored(plain, probeRun("with trace values", plain, epsilon), epsilon);
        }
    }

    private static void checkRestored(PlainNetwork plain, ProbeRun run, double epsilon) {
        for (String name : plain.names()) {
            double[][] expected = plain.parameter(name);
            double[][] actual = run.parametersAfter().get(name);
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < expected[r].length; c++) {
                    int rr = r;
                    int cc = c;
                    Verify.that(Double.compare(actual[r][c], expected[r][c]) == 0, () -> "NetworkGradientCheck.check — after the check with ε = "
                            + Feedback.num(epsilon) + ", " + name + "[" + rr + "," + cc + "] is expected to be " + expected[rr][cc]
                            + " again, got " + actual[rr][cc] + ": save each element before nudging it and put that exact value back"
                            + " (adding ε back after subtracting it does not give θ exactly) (" + NETWORK_DOC + ").");
                }
            }
        }
        Verify.unchanged(run.x(), batch(), "NetworkGradientCheck.check", "X");
        Verify.unchanged(run.y(), LABELS, "NetworkGradientCheck.check", "Y");
    }
}
