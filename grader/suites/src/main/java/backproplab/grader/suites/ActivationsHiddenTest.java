package backproplab.grader.suites;

import backproplab.activations.Activations;
import backproplab.grader.suites.support.Arrays2D;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.PlainNetwork;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hidden tests of exercise 2: sigmoid, ReLU, ReLU' and binary cross-entropy, scalar and INDArray forms, with
 * their clipping at |z| = 1000 and ŷ ∈ {0, 1}, and no change to the caller's arrays. 12 points.
 */
@DisplayName("Hidden: activations and loss (exercise 2)")
class ActivationsHiddenTest {

    private static final String DOC = "docs/02-activations.md";
    private static final double TOL = Thresholds.get().number("values.tolerance");

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    private static double sigmoidOf(double z) {
        return PlainNetwork.sigmoid(z);
    }

    /** A drawn value with four decimals, so that a message shows it exactly. */
    private static double four(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Test
    @Graded(points = 1, task = "activations.sigmoid", visibility = Visibility.HIDDEN)
    @DisplayName("sigmoid matches 1/(1 + e^−z) from −36 to 36")
    void sigmoidValues() {
        java.util.SplittableRandom rng = HiddenSeeds.random("activations.sigmoid");
        double[] zs = {-36, four(HiddenSeeds.uniform(rng, -10, -3)), four(HiddenSeeds.uniform(rng, -3, -0.5)),
            four(HiddenSeeds.uniform(rng, -0.5, -0.01)), 0, four(HiddenSeeds.uniform(rng, 0.01, 1)),
            four(HiddenSeeds.uniform(rng, 1, 5)), four(HiddenSeeds.uniform(rng, 5, 20)), 36};
        for (double z : zs) {
            Verify.close(Activations.sigmoid(z), 1 / (1 + Math.exp(-z)), 1e-12, "Activations.sigmoid", "sigmoid(" + Feedback.num(z) + ")",
                    "Check σ(z) = 1 / (1 + e^(−z)) (" + DOC + "#sigmoid).");
        }
    }

    @Test
    @Graded(points = 1, task = "activations.sigmoid", visibility = Visibility.HIDDEN)
    @DisplayName("sigmoid clips z to [−500, 500]: finite at ±1000 and ±∞, σ(−1000) = σ(−500) > 0, σ(1000) = 1")
    void sigmoidClips() {
        for (double z : new double[] {1000, -1000, 1e308, -1e308, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 600, -600}) {
            double expected = sigmoidOf(z);
            double actual = Activations.sigmoid(z);
            Verify.that(Double.isFinite(actual) && actual >= 0 && actual <= 1, () -> "Activations.sigmoid — sigmoid("
                    + Feedback.num(z) + "): expected a number in [0, 1], got " + actual + ".\n  e^1000 overflows to Infinity and"
                    + " Infinity/Infinity is NaN: clip z to [−500, 500] before exponentiating (" + DOC + "#sigmoid).");
            Verify.closeRelative(actual, expected, 1e-12, "Activations.sigmoid", "sigmoid(" + Feedback.num(z) + ")",
                    "With z clipped to [−500, 500], σ(" + Feedback.num(z) + ") = σ(" + (z > 0 ? "500" : "−500") + ") = "
                            + Feedback.num(expected) + " (not 0: e^500 is still finite) (" + DOC + "#sigmoid).");
        }
    }

    @Test
    @Graded(points = 1.5, task = "activations.sigmoidArray", visibility = Visibility.HIDDEN)
    @DisplayName("sigmoid(INDArray) works element-wise on a 3×4 matrix with ±1000 in it, returns DOUBLE, keeps the input")
    void sigmoidArray() {
        double[][] z = {{-1000, -4.5, -0.5, 0}, {0.25, 1, 3.5, 1000}, {-600, 7, -36, 36}};
        if (!HiddenSeeds.isCourseSeed()) {
            // The six ordinary entries are drawn for the student (the clipping edges, 0 and ±36 stay).
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.sigmoidArray");
            z[0][1] = four(HiddenSeeds.uniform(rng, -8, -2));
            z[0][2] = four(HiddenSeeds.uniform(rng, -2, -0.05));
            z[1][0] = four(HiddenSeeds.uniform(rng, 0.05, 0.8));
            z[1][1] = four(HiddenSeeds.uniform(rng, 0.8, 2));
            z[1][2] = four(HiddenSeeds.uniform(rng, 2, 5));
            z[2][1] = four(HiddenSeeds.uniform(rng, 5, 12));
        }
        INDArray input = Arrays2D.array(z);
        INDArray result = Activations.sigmoid(input);
        double[][] expected = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                expected[r][c] = sigmoidOf(z[r][c]);
            }
        }
        Verify.notDouble(result, "Activations.sigmoid(INDArray)", "σ of a 3×4 matrix", "(" + DOC + "#sigmoid)");
        Verify.matrix(result, expected, 1e-12, "Activations.sigmoid(INDArray)", "σ of a 3×4 matrix",
                "Check σ(z) = 1/(1 + e^(−z)) element by element, with z clipped to [−500, 500] (" + DOC + "#sigmoid).");
        for (int[] at : new int[][] {{0, 0}, {2, 0}}) {
            Verify.closeRelative(result.getDouble(at[0], at[1]), expected[at[0]][at[1]], 1e-12, "Activations.sigmoid(INDArray)",
                    "σ(" + Feedback.num(z[at[0]][at[1]]) + ") at [" + at[0] + "," + at[1] + "]",
                    "With z clipped to [−500, 500] this is σ(−500) ≈ 7.1e-218, not 0 (" + DOC + "#sigmoid).");
        }
        Verify.unchanged(input, z, "Activations.sigmoid(INDArray)", "its input z");
        INDArray single = Activations.sigmoid(Arrays2D.row(0.75));
        Verify.matrix(single, new double[][] {{sigmoidOf(0.75)}}, 1e-12, "Activations.sigmoid(INDArray)", "σ of a 1×1 array",
                "A batch of one must work too (" + DOC + "#sigmoid).");
    }

    @Test
    @Graded(points = 0.5, task = "activations.relu", visibility = Visibility.HIDDEN)
    @DisplayName("relu is max(0, z), including 0 and tiny positive numbers")
    void reluValues() {
        for (double z : new double[] {-3.2, -1e-300, 0, 1e-300, 7.5, 1000}) {
            Verify.close(Activations.relu(z), Math.max(0, z), 0, "Activations.relu", "relu(" + Feedback.num(z) + ")",
                    "Check ReLU(z) = max(0, z) (" + DOC + "#relu).");
        }
    }

    @Test
    @Graded(points = 1, task = "activations.reluArray", visibility = Visibility.HIDDEN)
    @DisplayName("relu(INDArray) is max(0, z) element-wise on 2×3 and 1×5 arrays and keeps the input")
    void reluArray() {
        double[][][] inputs = {{{-2, 0, 3.5}, {1e-9, -1e-9, -1000}}, {{4, -4, 0.5, -0.5, 0}}};
        if (!HiddenSeeds.isCourseSeed()) {
            // The ordinary entries are drawn for the student, with random signs (0, ±1e-9 and −1000 stay).
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.reluArray");
            for (int[] at : new int[][] {{0, 0, 0}, {0, 0, 2}, {1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {1, 0, 3}}) {
                inputs[at[0]][at[1]][at[2]] = (rng.nextBoolean() ? 1 : -1) * four(HiddenSeeds.uniform(rng, 0.05, 6));
            }
        }
        for (double[][] z : inputs) {
            INDArray input = Arrays2D.array(z);
            INDArray result = Activations.relu(input);
            double[][] expected = new double[z.length][z[0].length];
            for (int r = 0; r < z.length; r++) {
                for (int c = 0; c < z[0].length; c++) {
                    expected[r][c] = Math.max(0, z[r][c]);
                }
            }
            Verify.matrix(result, expected, 0, "Activations.relu(INDArray)", "ReLU of a " + z.length + "×" + z[0].length + " array",
                    "Check ReLU(z) = max(0, z) element by element (" + DOC + "#relu).");
            Verify.unchanged(input, z, "Activations.relu(INDArray)", "its input z");
        }
    }

    @Test
    @Graded(points = 1, task = "activations.reluDerivative", visibility = Visibility.HIDDEN)
    @DisplayName("reluDerivative is 1 for z > 0 and exactly 0 for z ≤ 0, also at z = 0")
    void reluDerivativeValues() {
        double[] zs = {-5, -1e-300, -0.0, 0.0, 1e-300, 0.3, 42};
        for (double z : zs) {
            double expected = z > 0 ? 1 : 0;
            Verify.close(Activations.reluDerivative(z), expected, 0, "Activations.reluDerivative", "ReLU'(" + Feedback.num(z) + ")",
                    "ReLU'(z) is 1 where z > 0 and 0 elsewhere; at z = 0 exactly it is 0 (the notebook's (z > 0)), so use >, not >= ("
                            + DOC + "#relu-derivative).");
        }
    }

    @Test
    @Graded(points = 1, task = "activations.reluDerivativeArray", visibility = Visibility.HIDDEN)
    @DisplayName("reluDerivative(INDArray) is a DOUBLE array of 1.0 where z > 0 and 0.0 elsewhere (0 at z = 0), input kept")
    void reluDerivativeArray() {
        double[][] z = {{-2, 0, 3.5, 1e-12}, {0, -1e-12, 8, -0.0}};
        if (!HiddenSeeds.isCourseSeed()) {
            // The three ordinary entries are drawn for the student, with random signs (0, −0.0 and ±1e-12 stay).
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.reluDerivativeArray");
            for (int[] at : new int[][] {{0, 0}, {0, 2}, {1, 2}}) {
                z[at[0]][at[1]] = (rng.nextBoolean() ? 1 : -1) * four(HiddenSeeds.uniform(rng, 0.05, 10));
            }
        }
        double[][] expectedDerivative = new double[z.length][z[0].length];
        for (int r = 0; r < z.length; r++) {
            for (int c = 0; c < z[r].length; c++) {
                expectedDerivative[r][c] = z[r][c] > 0 ? 1 : 0;
            }
        }
        INDArray input = Arrays2D.array(z);
        INDArray result = Activations.reluDerivative(input);
        Verify.that(result != null && result.dataType() == DataType.DOUBLE, () -> "Activations.reluDerivative(INDArray) — expected a DOUBLE array, got "
                + (result == null ? "null" : result.dataType()) + ". A comparison such as z.gt(0) gives BOOL; cast it to DOUBLE ("
                + DOC + "#relu-derivative).");
        Verify.matrix(result, expectedDerivative, 0, "Activations.reluDerivative(INDArray)",
                "ReLU' of a 2×4 array", "1 where z > 0, else 0; exactly 0 at z = 0 (" + DOC + "#relu-derivative).");
        Verify.unchanged(input, z, "Activations.reluDerivative(INDArray)", "its input z");
    }

    @Test
    @Graded(points = 1, task = "activations.binaryCrossEntropy", visibility = Visibility.HIDDEN)
    @DisplayName("binaryCrossEntropy is −(y·log ŷ + (1 − y)·log(1 − ŷ)) for y ∈ {0, 1} and ŷ inside (0, 1)")
    void bceValues() {
        for (double y : new double[] {0, 1}) {
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.bce.y" + (int) y);
            for (double p : new double[] {0.001, four(HiddenSeeds.uniform(rng, 0.01, 0.45)), 0.5,
                four(HiddenSeeds.uniform(rng, 0.55, 0.99)), 0.999}) {
                double expected = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
                Verify.close(Activations.binaryCrossEntropy(y, p), expected, 1e-12, "Activations.binaryCrossEntropy",
                        "BCE(y = " + Feedback.num(y) + ", ŷ = " + Feedback.num(p) + ")",
                        "Check L = −(y·log ŷ + (1 − y)·log(1 − ŷ)), natural log, minus sign in front (" + DOC + "#binary-cross-entropy).");
            }
        }
    }

    @Test
    @Graded(points = 1.5, task = "activations.binaryCrossEntropy", visibility = Visibility.HIDDEN)
    @DisplayName("binaryCrossEntropy clips ŷ to [1e-7, 1 − 1e-7]: finite at ŷ = 0 and ŷ = 1, equal to the clipped value")
    void bceClips() {
        for (double y : new double[] {0, 1}) {
            for (double p : new double[] {0, 1, 1e-12, 1 - 1e-12, -0.0}) {
                double expected = PlainNetwork.bce(y, p);
                double actual = Activations.binaryCrossEntropy(y, p);
                Verify.close(actual, expected, 1e-9, "Activations.binaryCrossEntropy",
                        "BCE(y = " + Feedback.num(y) + ", ŷ = " + Feedback.num(p) + ")",
                        (Double.isFinite(actual) ? "" : "log(0) = −Infinity, and 0 · −Infinity = NaN. ")
                                + "Clip ŷ to [1e-7, 1 − 1e-7] first: then BCE(1, 0) = −log(1e-7) ≈ 16.118 (" + DOC + "#binary-cross-entropy).");
            }
        }
    }

    @Test
    @Graded(points = 1.5, task = "activations.binaryCrossEntropyArray", visibility = Visibility.HIDDEN)
    @DisplayName("binaryCrossEntropy(INDArray, INDArray) is the MEAN over samples, clipped at ŷ ∈ {0, 1}, inputs kept")
    void bceArray() {
        double[][] y = {{1, 0, 1, 0, 1, 0, 1}};
        double[][] p = {{0.9, 0.2, 0.35, 0.6, 1.0, 0.0, 0.0}};
        if (!HiddenSeeds.isCourseSeed()) {
            // The four predictions inside (0, 1) are drawn for the student; the exact 0s and 1 stay (clipping).
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.bceArray");
            for (int i = 0; i < 4; i++) {
                p[0][i] = four(HiddenSeeds.uniform(rng, 0.05, 0.95));
            }
        }
        INDArray labels = Arrays2D.array(y);
        INDArray predictions = Arrays2D.array(p);
        double expected = PlainNetwork.meanBce(y, p);
        double actual = Activations.binaryCrossEntropy(labels, predictions);
        double sum = expected * 7;
        String hint = Verify.isClose(actual, sum, 1e-9) ? "That is the SUM over the 7 samples; the loss is their mean. "
                : Double.isFinite(actual) ? "" : "ŷ holds exact 0s and 1s: clip a copy of ŷ to [1e-7, 1 − 1e-7] before the logs. ";
        Verify.close(actual, expected, 1e-9, "Activations.binaryCrossEntropy(INDArray, INDArray)",
                "mean loss of 7 samples, two of them with ŷ = 0 and one with ŷ = 1",
                hint + "Check L = −mean(y·log ŷ + (1 − y)·log(1 − ŷ)) with ŷ clipped to [1e-7, 1 − 1e-7] (" + DOC + "#binary-cross-entropy).");
        Verify.unchanged(labels, y, "Activations.binaryCrossEntropy(INDArray, INDArray)", "its argument y");
        Verify.unchanged(predictions, p, "Activations.binaryCrossEntropy(INDArray, INDArray)", "its argument yPred (clip a copy)");
        double single = Activations.binaryCrossEntropy(Arrays2D.row(1), Arrays2D.row(0.25));
        Verify.close(single, -Math.log(0.25), 1e-12, "Activations.binaryCrossEntropy(INDArray, INDArray)", "loss of a single sample y = 1, ŷ = 0.25",
                "A batch of one must work too: −log(0.25) (" + DOC + "#binary-cross-entropy).");
    }

    @Test
    @Graded(points = 1, task = "activations.binaryCrossEntropyArray", visibility = Visibility.HIDDEN)
    @DisplayName("binaryCrossEntropy(INDArray, INDArray) averages over every element of a 2×3 batch")
    void bceArrayMeanOverAllElements() {
        double[][] y = {{0, 1, 1}, {1, 0, 0}};
        double[][] p = {{0.1, 0.8, 0.55}, {0.3, 0.45, 0.05}};
        if (!HiddenSeeds.isCourseSeed()) {
            // Labels and predictions drawn for the student.
            java.util.SplittableRandom rng = HiddenSeeds.random("activations.bceArray2x3");
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    y[r][c] = rng.nextBoolean() ? 1 : 0;
                    p[r][c] = four(HiddenSeeds.uniform(rng, 0.05, 0.95));
                }
            }
        }
        double expected = PlainNetwork.meanBce(y, p);
        double actual = Activations.binaryCrossEntropy(Arrays2D.array(y), Arrays2D.array(p));
        Verify.close(actual, expected, TOL, "Activations.binaryCrossEntropy(INDArray, INDArray)", "mean loss of a 2×3 batch",
                "The mean runs over every element (6 here), not over one axis (" + DOC + "#binary-cross-entropy).");
    }
}
