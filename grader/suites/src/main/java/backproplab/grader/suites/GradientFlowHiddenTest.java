package backproplab.grader.suites;

import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.Planted;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.gradientflow.GradientFlow;
import backproplab.gradientflow.GradientFlowReport;
import backproplab.gradientflow.Verdict;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 7: the per-layer gradient norms (against an independent Frobenius norm of the
 * network's own gradients), the verdict rule at and around its thresholds, and the experiment: a deep sigmoid
 * network vanishes, a ReLU network with He initialisation does not. 6 points.
 */
@DisplayName("Hidden: gradient flow (exercise 7)")
class GradientFlowHiddenTest {

    private static final String DOC = "docs/07-gradient-flow.md";

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    @Test
    @Graded(points = 2, task = "gradientflow.gradientNorms", visibility = Visibility.HIDDEN)
    @DisplayName("gradientNorms gives ‖dW_L‖ … ‖dW_1‖ (Frobenius, weights only, output layer first) for a 4-layer network, leaving the gradients unchanged")
    void gradientNorms() {
        Planted p = Planted.drawn("GradientFlow.1201", HiddenActivation.SIGMOID, 6, 1.5, 3, 5, 4, 3, 1);
        NeuralNetwork net = p.network();
        net.forward(p.xArray());
        net.backward(p.yArray());
        int layers = 4;
        double[] expected = new double[layers];
        for (int i = layers; i >= 1; i--) {
            double sum = 0;
            for (double[] row : Arrays2D.of(net.gradient("W" + i))) {
                for (double v : row) {
                    sum += v * v;
                }
            }
            expected[layers - i] = Math.sqrt(sum);
        }
        Map<String, INDArray> stored = new LinkedHashMap<>(net.gradients());
        Map<String, double[][]> storedBefore = new LinkedHashMap<>();
        stored.forEach((name, g) -> storedBefore.put(name, Arrays2D.of(g)));
        double[] actual = GradientFlow.gradientNorms(net);
        stored.forEach((name, g) -> Verify.untouched(g, storedBefore.get(name), "GradientFlow.gradientNorms", "the network's gradient d" + name,
                "gradientNorms only reads the gradients of the last backward pass; squaring them in place (g.muli(g)) destroys them"
                        + " for the update that follows. norm2Number() computes the norm without changing the array (" + DOC + "#gradient-norms)."));
        Verify.that(actual != null && actual.length == layers, () -> "GradientFlow.gradientNorms — expected " + layers
                + " norms (one per weight matrix, no biases) for layers [3, 5, 4, 3, 1], got "
                + (actual == null ? "null" : actual.length + ": " + Arrays.toString(actual)) + " (" + DOC + "#gradient-norms).");
        for (int k = 0; k < layers; k++) {
            int index = k;
            boolean reversed = Math.abs(actual[k] - expected[layers - 1 - k]) <= 1e-12 * Math.max(1, expected[layers - 1 - k]);
            Verify.close(actual[k], expected[k], 1e-10, "GradientFlow.gradientNorms", "entry " + index + " (‖dW" + (layers - index) + "‖)",
                    "expected " + Feedback.vector(expected) + "\n  got      " + Feedback.vector(actual) + "\n  "
                            + (reversed ? "The order is reversed: index 0 is the OUTPUT layer L, the last index is layer 1. " : "")
                            + "‖dW_i‖ = √(Σ dW_i[r,c]²), the Frobenius norm of the weight gradient (" + DOC + "#gradient-norms).");
        }
    }

    @Test
    @Graded(points = 2, task = "gradientflow.verdict", visibility = Visibility.HIDDEN)
    @DisplayName("verdict judges the LAST (earliest-layer) norm: below 1e-4 vanishing, above 100 exploding, else healthy (boundaries included)")
    void verdictRule() {
        Object[][] cases = {
            {new double[] {5, 3, 2e-5}, Verdict.VANISHING},
            {new double[] {0.1, 150}, Verdict.EXPLODING},
            {new double[] {1e-4}, Verdict.HEALTHY},
            {new double[] {100}, Verdict.HEALTHY},
            {new double[] {9.99e-5}, Verdict.VANISHING},
            {new double[] {100.01}, Verdict.EXPLODING},
            {new double[] {1e-6, 0.5}, Verdict.HEALTHY},
            {new double[] {500, 0.3}, Verdict.HEALTHY},
            {new double[] {0.02, 0.01, 3e-9}, Verdict.VANISHING},
        };
        for (Object[] c : cases) {
            double[] norms = (double[]) c[0];
            Verdict expected = (Verdict) c[1];
            Verdict actual = GradientFlow.verdict(norms.clone());
            Verify.that(actual == expected, () -> "GradientFlow.verdict — for norms (output layer first) " + Arrays.toString(norms)
                    + " expected " + expected + ", got " + actual + ".\n  Judge the earliest layer, the LAST entry: < 1e-4 is"
                    + " VANISHING, > 100 is EXPLODING, anything else (1e-4 and 100 included) is HEALTHY (" + DOC + "#verdict).");
        }
    }

    @Test
    @Graded(points = 2, task = "gradientflow.verdict", visibility = Visibility.HIDDEN)
    @DisplayName("a 9-hidden-layer sigmoid network vanishes and the same ReLU network with He initialisation stays healthy")
    void sigmoidVanishesReluDoesNot() {
        Thresholds t = Thresholds.get();
        int[] layers = t.integers("gradientflow.layers");
        for (long seed : HiddenSeeds.distinct("gradientflow.seeds", t.seeds("gradientflow.seedPool"), t.integer("gradientflow.seedCount"))) {
            GradientFlowReport sigmoid = GradientFlow.measure(seed, HiddenActivation.SIGMOID, layers);
            GradientFlowReport relu = GradientFlow.measure(seed, HiddenActivation.RELU, layers);
            Verify.that(sigmoid.verdict() == Verdict.VANISHING, () -> "GradientFlow.verdict / NeuralNetwork.backward — a "
                    + sigmoid.architecture() + " SIGMOID network (seed " + seed + "): expected VANISHING gradients, got "
                    + sigmoid.verdict() + " with norms (output first) " + Feedback.vector(sigmoid.normsOutputFirst())
                    + ".\n  σ'(z) ≤ 0.25 shrinks the gradient at every layer; check σ'(Z) = A(1 − A) in backward and the verdict rule ("
                    + DOC + "#the-experiment).");
            Verify.that(relu.verdict() == Verdict.HEALTHY, () -> "GradientFlow.verdict / NeuralNetwork.backward — the same network with"
                    + " ReLU hidden layers and He initialisation (seed " + seed + "): expected HEALTHY, got " + relu.verdict()
                    + " with norms (output first) " + Feedback.vector(relu.normsOutputFirst()) + " (" + DOC + "#the-experiment).");
        }
    }
}
