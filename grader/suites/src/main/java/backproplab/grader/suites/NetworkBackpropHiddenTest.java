package backproplab.grader.suites;

import backproplab.activations.Activations;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.GradedCases;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.GradientComparison;
import backproplab.grader.suites.support.PlainNetwork;
import backproplab.grader.suites.support.Planted;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 6, part 2: forward values against the suite's plain-double network, backward against
 * central differences for every parameter element, ReLU'(0) = 0, no change to the caller's arrays, repeatable
 * forward passes, a backward that leaves the forward pass alone, and no NaN or Infinity at huge inputs. 13 points.
 */
@DisplayName("Hidden: NeuralNetwork forward and backward values (exercise 6)")
class NetworkBackpropHiddenTest {

    private static final String DOC = "docs/06-neural-network.md";
    private static final double TOL = Thresholds.get().number("values.tolerance");

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    @Test
    @Graded(points = 3, task = "network.forward", visibility = Visibility.HIDDEN)
    @DisplayName("forward matches an independent computation (output, every Z_i and A_i) for ReLU and sigmoid hidden layers, m = 6 and m = 1")
    void forwardValues() {
        List<Planted> cases = List.of(
                Planted.drawn("NetworkBackprop.801", HiddenActivation.RELU, 6, 1.4, 3, 5, 2, 1),
                Planted.drawn("NetworkBackprop.802", HiddenActivation.SIGMOID, 6, 1.4, 2, 4, 3, 1),
                Planted.drawn("NetworkBackprop.803", HiddenActivation.RELU, 1, 1.4, 4, 6, 1));
        for (Planted p : cases) {
            NeuralNetwork net = p.network();
            INDArray out = net.forward(p.xArray());
            PlainNetwork.Pass pass = p.plain().forward(p.x());
            String equations = "Z_i = W_i · A_{i−1} + b_i (b_i added to every column), A_i = " + (p.plain().hidden() == HiddenActivation.RELU
                    ? "ReLU(Z_i)" : "σ(Z_i)") + " for hidden layers, ŷ = A_L = σ(Z_L) (" + DOC + "#forward).";
            Verify.matrix(out, pass.output(), TOL, "NeuralNetwork.forward", "the output ŷ for " + p.name(), equations);
            int layers = p.plain().layers();
            Verify.matrix(NetworkShapesHiddenTest.cached(net, "A0"), p.x(), 0, "NeuralNetwork.forward", "cached A0 for " + p.name(),
                    "A0 is (a copy of) the input X.");
            for (int i = 1; i <= layers; i++) {
                Verify.matrix(NetworkShapesHiddenTest.cached(net, "Z" + i), pass.z().get(i), TOL, "NeuralNetwork.forward",
                        "cached Z" + i + " for " + p.name(), "Z_i is the value BEFORE the activation. " + equations);
                Verify.matrix(NetworkShapesHiddenTest.cached(net, "A" + i), pass.a().get(i), TOL, "NeuralNetwork.forward",
                        "cached A" + i + " for " + p.name(), "A_i is the value AFTER the activation. " + equations);
            }
        }
    }

    static Stream<Planted> gradientCases() {
        return GradedCases.networkGradientCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradientCases")
    @Graded(points = 1.25, task = "network.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward agrees with central differences for every element of every parameter")
    void backwardMatchesCentralDifferences(Planted p) {
        GradientComparison.Limits limits = GradientComparison.Limits.fromThresholds();
        NeuralNetwork net = p.network();
        net.forward(p.xArray());
        net.backward(p.yArray());
        Map<String, double[][]> analytical = new LinkedHashMap<>();
        int[] sizes = p.plain().sizes();
        for (int i = 1; i < sizes.length; i++) {
            INDArray dw = NetworkShapesHiddenTest.gradient(net, "W" + i);
            INDArray db = NetworkShapesHiddenTest.gradient(net, "b" + i);
            Verify.shape(dw, sizes[i], sizes[i - 1], "NeuralNetwork.backward", "gradient dW" + i + " for " + p.name(),
                    "It must have the shape of W" + i + ". Check: dW_i = (1/m) · dZ_i · A_{i−1}ᵀ (" + DOC + "#backward).");
            Verify.shape(db, sizes[i], 1, "NeuralNetwork.backward", "gradient db" + i + " for " + p.name(),
                    "It must have the shape of b" + i + ": the mean of dZ_i over the samples, kept as a column (" + DOC + "#backward).");
            analytical.put("W" + i, Arrays2D.of(dw));
            analytical.put("b" + i, Arrays2D.of(db));
        }
        Map<String, double[][]> numerical = p.plain().numericalGradients(p.x(), p.y(), limits.epsilon());
        GradientComparison comparison = GradientComparison.ofMatrices(analytical, numerical, p.batch(), limits);
        Verify.that(comparison.passed(), () -> comparison.report(
                "NeuralNetwork.backward — gradients disagree with the numerical check for " + p.name() + ":",
                advice(comparison.failingParameters(), p.plain().layers(), p.plain().hidden())));
    }

    private static String advice(List<String> failing, int layers, HiddenActivation hidden) {
        boolean lastLayerWrong = failing.contains("W" + layers) || failing.contains("b" + layers);
        String where = lastLayerWrong
                ? "  The output layer is already wrong: start at dZ_L = A_L − Y, dW_L = (1/m)·dZ_L·A_{L−1}ᵀ, db_L = mean of dZ_L over samples."
                : "  The output layer is right, earlier layers are not: look at how dZ goes back, dA_{i−1} = W_iᵀ·dZ_i and dZ_{i−1} = dA_{i−1} ∘ g'(Z_{i−1})"
                        + (hidden == HiddenActivation.RELU ? " with ReLU'(Z) = 1 where Z > 0, taken at the cached Z (not A)."
                                : " with σ'(Z) = σ(Z)(1 − σ(Z)), which is A(1 − A) for the cached A.");
        return where + "\n  Key equations: dW_i = (1/m)·dZ_i·A_{i−1}ᵀ, db_i = (1/m)·Σ_samples dZ_i (" + DOC + "#backward).";
    }

    @Test
    @Graded(points = 1, task = "network.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward leaves the caller's X and Y, forward's ŷ and every cached Z_i and A_i as they were, and a second backward gives the same gradients (ReLU and sigmoid)")
    void backwardLeavesTheForwardPassAlone() {
        for (Planted p : List.of(Planted.drawn("NetworkBackprop.831", HiddenActivation.RELU, 5, 1.4, 3, 4, 3, 1),
                Planted.drawn("NetworkBackprop.832", HiddenActivation.SIGMOID, 5, 1.4, 3, 4, 3, 1))) {
            NeuralNetwork net = p.network();
            INDArray x = p.xArray();
            INDArray y = p.yArray();
            INDArray yHat = net.forward(x);
            double[][] yHatBefore = Arrays2D.of(yHat);
            Map<String, INDArray> cache = new LinkedHashMap<>();
            Map<String, double[][]> cacheBefore = new LinkedHashMap<>();
            for (int i = 0; i <= p.plain().layers(); i++) {
                for (String name : i == 0 ? List.of("A0") : List.of("Z" + i, "A" + i)) {
                    INDArray array = NetworkShapesHiddenTest.cached(net, name);
                    cache.put(name, array);
                    cacheBefore.put(name, Arrays2D.of(array));
                }
            }
            net.backward(y);
            Verify.unchanged(x, p.x(), "NeuralNetwork.backward", "the input X");
            Verify.unchanged(y, p.y(), "NeuralNetwork.backward", "the labels Y (compute dZ_L = A_L − Y into a new array)");
            String why = "backward only reads the forward pass (" + p.name() + "): the cache and ŷ must stay as forward left them, so that"
                    + " a second backward, or the gradient check, sees the same values (" + DOC + "#backward).";
            Verify.untouched(yHat, yHatBefore, "NeuralNetwork.backward", "the ŷ that forward returned", why
                    + " dZ_L = A_L − Y is a new array (sub, not subi).");
            cache.forEach((name, array) -> Verify.untouched(array, cacheBefore.get(name), "NeuralNetwork.backward", "the cached " + name,
                    why + (name.startsWith("A") && p.plain().hidden() == HiddenActivation.SIGMOID
                            ? " σ'(Z) = A(1 − A) must be computed into a new array (A.rsub(1).mul(A)), not in the cached A." : "")));
            Map<String, double[][]> first = new LinkedHashMap<>();
            net.gradients().forEach((name, g) -> first.put(name, Arrays2D.of(g)));
            net.backward(p.yArray());
            for (Map.Entry<String, double[][]> g : first.entrySet()) {
                double[][] again = Arrays2D.of(NetworkShapesHiddenTest.gradient(net, g.getKey()));
                Verify.that(Arrays2D.maxAbsDifference(g.getValue(), again) == 0, () -> "NeuralNetwork.backward — a second backward on the"
                        + " same forward pass gave another d" + g.getKey() + " (" + p.name() + "):\n  expected (first backward) "
                        + Feedback.matrix(g.getValue()) + "\n  got (second backward)      " + Feedback.matrix(again)
                        + "\n  backward must not change the cache, ŷ or the parameters it reads (" + DOC + "#backward).");
            }
        }
    }

    @Test
    @Graded(points = 1, task = "network.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward uses ReLU'(0) = 0: for one all-zero sample and zero hidden biases (Z1 = 0 exactly) db1 is exactly 0")
    void reluDerivativeAtZero() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        double[][] w1 = {{0.8, -0.6}, {-0.4, 0.9}, {0.5, 0.3}};
        double[][] w2 = {{1.2, -0.7, 0.4}};
        double b2 = 0.1;
        if (!HiddenSeeds.isCourseSeed()) {
            // Drawn for the student; every |W2| >= 0.3, so that a derivative of 1 at 0 makes every db1 entry non-zero.
            java.util.SplittableRandom rng = HiddenSeeds.random("network.backward.reluAtZero");
            for (double[] row : w1) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = Math.round(HiddenSeeds.uniform(rng, -1.5, 1.5) * 100) / 100.0;
                }
            }
            for (int c = 0; c < w2[0].length; c++) {
                w2[0][c] = (rng.nextBoolean() ? 1 : -1) * Math.round(HiddenSeeds.uniform(rng, 0.3, 1.5) * 100) / 100.0;
            }
            b2 = Math.round(HiddenSeeds.uniform(rng, -0.5, 0.5) * 100) / 100.0;
        }
        params.put("W1", Arrays2D.array(w1));
        params.put("b1", Arrays2D.array(new double[3][1]));
        params.put("W2", Arrays2D.array(w2));
        params.put("b2", Arrays2D.array(new double[][] {{b2}}));
        NeuralNetwork net = NeuralNetwork.withParameters(params, HiddenActivation.RELU);
        net.forward(Arrays2D.array(new double[2][1]));
        net.backward(Arrays2D.array(new double[][] {{1}}));
        // dZ1 = dA1 ∘ ReLU'(Z1) with Z1 = 0: zero whatever dA1 is, so only the derivative at 0 can make db1 non-zero.
        Verify.matrix(NetworkShapesHiddenTest.gradient(net, "b1"), new double[3][1], 0, "NeuralNetwork.backward",
                "gradient db1 for one sample of zeros with b1 = 0 (so Z1 = 0 exactly)",
                "At Z = 0 the ReLU derivative is 0 (the notebook's (Z > 0)); a derivative of 1 there (≥ instead of >) lets the"
                        + " gradient through (" + DOC + "#backward).");
    }

    @Test
    @Graded(points = 1.5, task = "network.forward", visibility = Visibility.HIDDEN)
    @DisplayName("forward and update leave the caller's X and Y alone, and a repeated forward gives the same ŷ")
    void noMutationAndRepeatable() {
        Planted p = Planted.drawn("NetworkBackprop.811", HiddenActivation.RELU, 4, 1.2, 3, 4, 1);
        NeuralNetwork net = p.network();
        INDArray x = p.xArray();
        INDArray y = p.yArray();
        double[][] first = Arrays2D.of(net.forward(x));
        Verify.unchanged(x, p.x(), "NeuralNetwork.forward", "the input X (cache a copy: A0 = X.dup())");
        double[][] second = Arrays2D.of(net.forward(x));
        Verify.that(Arrays2D.maxAbsDifference(first, second) == 0, () -> "NeuralNetwork.forward — a second forward pass on the same X:"
                + " expected the output of the first,\n  expected " + Feedback.matrix(first) + "\n  got      " + Feedback.matrix(second)
                + "\n  forward must not change the parameters or its input (" + DOC + "#forward).");
        try {
            net.backward(y);
        } catch (RuntimeException e) {
            return; // backward threw, which backward's own tests report; this test grades forward and update
        }
        if (!net.gradients().keySet().equals(net.parameters().keySet())) {
            return; // backward is incomplete, which backward's own tests report; update cannot run without every gradient
        }
        double[][] xBefore = Arrays2D.of(x);
        double[][] yBefore = Arrays2D.of(y);
        net.update(0.1);
        Verify.unchanged(x, xBefore, "NeuralNetwork.update", "the input X");
        Verify.unchanged(y, yBefore, "NeuralNetwork.update", "the labels Y");
    }

    @Test
    @Graded(points = 1.5, task = "network.forward", visibility = Visibility.HIDDEN)
    @DisplayName("inputs of size 1000 drive |Z| far beyond 500, yet ŷ, the loss and every gradient stay finite")
    void robustAtHugeInputs() {
        for (HiddenActivation hidden : HiddenActivation.values()) {
            Planted p = Planted.drawn("NetworkBackprop.821", hidden, 5, 2.0, 2, 6, 6, 1);
            double[][] x = Arrays2D.copy(p.x());
            for (double[] row : x) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = row[c] >= 0 ? 1000 + 300 * row[c] : -1000 + 300 * row[c];
                }
            }
            NeuralNetwork net = p.network();
            double[][] out = Arrays2D.of(net.forward(Arrays2D.array(x)));
            double[][] expected = p.plain().forward(x).output();
            String where = "for " + hidden + " hidden layers and inputs of about ±1000";
            Verify.that(Arrays2D.allFinite(out), () -> "NeuralNetwork.forward — ŷ " + where + ": expected finite values, got "
                    + Feedback.matrix(out) + "\n  Use Activations.sigmoid, which clips z to [−500, 500] (" + DOC + "#forward).");
            Verify.that(Arrays2D.maxAbsDifference(out, expected) <= 1e-9, () -> "NeuralNetwork.forward — ŷ " + where + " is "
                    + Feedback.matrix(out) + ", expected " + Feedback.matrix(expected) + " (sigmoid with z clipped to ±500).");
            double loss = Activations.binaryCrossEntropy(p.yArray(), Arrays2D.array(out));
            Verify.that(Double.isFinite(loss), () -> "Activations.binaryCrossEntropy — the loss of saturated predictions " + where
                    + ": expected a finite number, got " + loss + "; clip ŷ to [1e-7, 1 − 1e-7].");
            try {
                net.backward(p.yArray());
            } catch (RuntimeException e) {
                continue; // backward threw, which backward's own tests report; this test grades forward at huge inputs
            }
            for (Map.Entry<String, INDArray> g : net.gradients().entrySet()) {
                double[][] values = Arrays2D.of(g.getValue());
                Verify.that(Arrays2D.allFinite(values), () -> "NeuralNetwork.backward — gradient d" + g.getKey() + " "
                        + where + ": expected finite values, got " + Feedback.matrix(values) + " (" + DOC + "#backward).");
            }
        }
    }
}
