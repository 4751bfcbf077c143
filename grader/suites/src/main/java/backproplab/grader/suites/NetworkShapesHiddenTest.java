package backproplab.grader.suites;

import backproplab.datasets.NumpyRandom;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.Planted;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.UpdateGradients;
import backproplab.grader.suites.support.Verify;
import backproplab.network.HiddenActivation;
import backproplab.network.Initializers;
import backproplab.network.NeuralNetwork;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 6, part 1: He initialisation, and the shapes of outputs, caches and gradients of
 * NeuralNetwork for several layer sizes and batch sizes (a batch of 1 included); the update step. 8 points.
 */
@DisplayName("Hidden: NeuralNetwork initialisation, shapes and update (exercise 6)")
class NetworkShapesHiddenTest {

    private static final String DOC = "docs/06-neural-network.md";
    private static final double TOL = Thresholds.get().number("values.tolerance");

    /**
     * Four architectures: deep and shallow, wide and one-unit. Under the course seed [3, 5, 2, 1], [4, 1], [2, 7, 7, 7, 1]
     * and [1, 3, 1]; under a student seed the same kinds with their sizes drawn ({@link HiddenSeeds}, purpose
     * {@code network.shapes.sizes}): [2..5, 4..7, 2..3, 1], [2..6, 1], [2..3, 5..8, 5..8, 5..8, 1] and [1, 2..5, 1].
     */
    private static final List<int[]> SIZES = sizes();
    /** The batch sizes (the test names show them, so they are the same for every student). */
    private static final int[] BATCHES = {1, 6, 13};

    private static List<int[]> sizes() {
        if (HiddenSeeds.isCourseSeed()) {
            return List.of(new int[] {3, 5, 2, 1}, new int[] {4, 1}, new int[] {2, 7, 7, 7, 1}, new int[] {1, 3, 1});
        }
        java.util.SplittableRandom rng = HiddenSeeds.random("network.shapes.sizes");
        return List.of(new int[] {rng.nextInt(2, 6), rng.nextInt(4, 8), rng.nextInt(2, 4), 1}, new int[] {rng.nextInt(2, 7), 1},
                new int[] {rng.nextInt(2, 4), rng.nextInt(5, 9), rng.nextInt(5, 9), rng.nextInt(5, 9), 1},
                new int[] {1, rng.nextInt(2, 6), 1});
    }

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    @Test
    @Graded(points = 1.5, task = "network.he", visibility = Visibility.HIDDEN)
    @DisplayName("new NeuralNetwork(seed, 3, 5, 2, 1) draws W_i = randn(n_i, n_{i−1}) · √(2 / n_{i−1}) layer by layer, biases 0")
    void heInitialisationThroughTheConstructor() {
        int[] sizes = {3, 5, 2, 1};
        long seed = HiddenSeeds.seed("network.he");
        NeuralNetwork net = new NeuralNetwork(seed, sizes);
        NumpyRandom rng = new NumpyRandom(seed);
        for (int i = 1; i < sizes.length; i++) {
            double[][] expected = rng.randn(sizes[i], sizes[i - 1]);
            double scale = Math.sqrt(2.0 / sizes[i - 1]);
            for (double[] row : expected) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= scale;
                }
            }
            Verify.matrix(net.parameter("W" + i), expected, 1e-12, "Initializers.he", "W" + i + " of new NeuralNetwork(" + seed + ", 3, 5, 2, 1)",
                    "W = randn(fanOut, fanIn) · √(2 / fanIn), fanIn = " + sizes[i - 1] + ", the numbers drawn from the network's random"
                            + " stream in order (W1 first); do not re-seed or draw anything else (" + DOC + "#he-initialisation).");
            Verify.matrix(net.parameter("b" + i), new double[sizes[i]][1], 0, "NeuralNetwork(seed, sizes)", "b" + i,
                    "Biases start at zero, shape (n_i, 1).");
        }
    }

    @Test
    @Graded(points = 0.5, task = "network.he", visibility = Visibility.HIDDEN)
    @DisplayName("Initializers.he(4, 6, rng) is randn(4, 6) · √(2/6) from that rng")
    void heDirect() {
        // The rng's seed: 99 under the course seed, else drawn for the student.
        long seed = HiddenSeeds.isCourseSeed() ? 99 : HiddenSeeds.seed("network.he.direct");
        INDArray w = Initializers.he(4, 6, new NumpyRandom(seed));
        double[][] expected = new NumpyRandom(seed).randn(4, 6);
        for (double[] row : expected) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= Math.sqrt(2.0 / 6);
            }
        }
        Verify.matrix(w, expected, 1e-12, "Initializers.he", "he(4, 6, new NumpyRandom(" + seed + "))",
                "Shape (fanOut, fanIn) = (4, 6), scale √(2 / fanIn) = √(2/6) (" + DOC + "#he-initialisation).");
    }

    @Test
    @Graded(points = 2, task = "network.forward", visibility = Visibility.HIDDEN)
    @DisplayName("forward returns (1 × m) and caches A0 … A_L and Z1 … Z_L of shape (n_i × m) for four architectures and m = 1, 6, 13")
    void forwardShapes() {
        for (int[] sizes : SIZES) {
            for (int m : BATCHES) {
                Planted p = Planted.drawn("NetworkShapes.500+" + m, HiddenActivation.RELU, m, 1.0, sizes);
                NeuralNetwork net = p.network();
                INDArray out = net.forward(p.xArray());
                String where = "for layers " + Feedback.sizes(sizes) + " and a batch of " + m;
                Verify.shape(out, 1, m, "NeuralNetwork.forward", "the output ŷ " + where,
                        "ŷ = A_L has one row per output unit and one column per sample (" + DOC + "#forward).");
                for (int i = 0; i < sizes.length; i++) {
                    Verify.shape(cached(net, "A" + i), sizes[i], m, "NeuralNetwork.forward", "cached A" + i + " " + where,
                            "A_i = g(Z_i) is (n_i × m); A0 is X (" + DOC + "#forward).");
                    if (i > 0) {
                        Verify.shape(cached(net, "Z" + i), sizes[i], m, "NeuralNetwork.forward", "cached Z" + i + " " + where,
                                "Z_i = W_i · A_{i−1} + b_i is (n_i × m): b_i (n_i × 1) is added to every column (" + DOC + "#forward).");
                    }
                }
            }
        }
    }

    static INDArray cached(NeuralNetwork net, String name) {
        try {
            return net.cached(name);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("NeuralNetwork.forward — expected a cached '" + name + "' after forward, got none: " + e.getMessage()
                    + "\n  Cache A0 (a copy of X) and every Z_i and A_i under these names (" + DOC + "#forward).");
        }
    }

    static INDArray gradient(NeuralNetwork net, String name) {
        INDArray g = net.gradients().get(name);
        if (g == null) {
            throw new AssertionError("NeuralNetwork.backward — expected a gradient '" + name + "' after backward, got none; gradients() has "
                    + net.gradients().keySet() + ".\n  Store dW_i under \"W" + name.substring(1) + "\" and db_i under \"b"
                    + name.substring(1) + "\" (" + DOC + "#backward).");
        }
        return g;
    }

    @Test
    @Graded(points = 2, task = "network.backward", visibility = Visibility.HIDDEN)
    @DisplayName("backward gives every dW_i and db_i the shape of W_i and b_i, for four architectures and m = 1, 6, 13")
    void gradientShapes() {
        for (int[] sizes : SIZES) {
            for (int m : BATCHES) {
                Planted p = Planted.drawn("NetworkShapes.600+" + m, HiddenActivation.RELU, m, 1.0, sizes);
                NeuralNetwork net = p.network();
                net.forward(p.xArray());
                net.backward(p.yArray());
                String where = "for layers " + Feedback.sizes(sizes) + " and a batch of " + m;
                for (int i = 1; i < sizes.length; i++) {
                    INDArray dw = gradient(net, "W" + i);
                    String transposed = Arrays2D.hasShape(dw, sizes[i - 1], sizes[i]) ? " Which factor did you transpose?" : "";
                    Verify.shape(dw, sizes[i], sizes[i - 1], "NeuralNetwork.backward", "gradient dW" + i + " " + where,
                            "It must have the shape of W" + i + ". Check: dW_i = (1/m) · dZ_i · A_{i−1}ᵀ (" + DOC + "#backward)." + transposed);
                    INDArray db = gradient(net, "b" + i);
                    Verify.shape(db, sizes[i], 1, "NeuralNetwork.backward", "gradient db" + i + " " + where,
                            "It must have the shape of b" + i + ", a column: average dZ_i over the samples (axis 1) and keep that"
                                    + " dimension (" + DOC + "#backward).");
                }
            }
        }
    }

    @Test
    @Graded(points = 2, task = "network.update", visibility = Visibility.HIDDEN)
    @DisplayName("update(0.7) sets W_i ← W_i − 0.7·dW_i and b_i ← b_i − 0.7·db_i in the live arrays, leaving the gradients alone")
    void updateStep() {
        Planted p = Planted.drawn("NetworkShapes.707", HiddenActivation.RELU, 5, 1.0, 3, 4, 2, 1);
        NeuralNetwork net = p.network();
        // A forward or backward that leaves out a gradient costs their points, not update's: update then gets the reference's.
        Optional<String> planted = UpdateGradients.prepare(net, p);
        if (planted.isEmpty()) {
            return; // backward's gradients are incomplete and cannot be filled in: update is not graded here, and keeps its points
        }
        Map<String, INDArray> live = new LinkedHashMap<>(net.parameters());
        Map<String, double[][]> before = new LinkedHashMap<>();
        Map<String, double[][]> grads = new LinkedHashMap<>();
        for (String name : p.plain().names()) {
            before.put(name, Arrays2D.of(net.parameter(name)));
            grads.put(name, Arrays2D.of(gradient(net, name)));
        }
        net.update(0.7);
        for (String name : p.plain().names()) {
            double[][] expected = Arrays2D.copy(before.get(name));
            double[][] added = Arrays2D.copy(before.get(name));
            double[][] g = grads.get(name);
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < expected[r].length; c++) {
                    expected[r][c] -= 0.7 * g[r][c];
                    added[r][c] += 0.7 * g[r][c];
                }
            }
            INDArray now = net.parameter(name);
            String hint = planted.get() + (Arrays2D.maxAbsDifference(Arrays2D.of(now), added) < 1e-12
                    ? "That is θ + α·g: move AGAINST the gradient. " : "");
            Verify.matrix(now, expected, TOL, "NeuralNetwork.update", name + " after update(0.7)",
                    hint + "Check W_i ← W_i − α·dW_i and b_i ← b_i − α·db_i (" + DOC + "#update).");
            Verify.that(Arrays2D.maxAbsDifference(Arrays2D.of(live.get(name)), expected) <= TOL * 10, () -> "NeuralNetwork.update — the"
                    + " array that parameters() handed out for " + name + " before the update still holds the old values: change the"
                    + " parameter arrays in place (subi) instead of replacing them (" + DOC + "#update).");
            Verify.unchanged(gradient(net, name), g, "NeuralNetwork.update", "the gradient " + name + " (update reads it, never writes it)");
        }
    }
}
