package backproplab.grader.suites.support;

import backproplab.network.HiddenActivation;
import java.util.List;

/**
 * The planted cases of the numerical-gradient tests, in one place so that the calibration measures exactly what
 * the suites grade.
 */
public final class GradedCases {

    /** How far every hidden Z of a ReLU case must stay from the kink at 0 (central differences step 1e-6). */
    public static final double KINK_MARGIN = 1e-3;

    private GradedCases() {
    }

    /** NeuralNetwork.backward cases: deep and shallow, ReLU and sigmoid, batches of 7, 5, 1 and 6. */
    public static List<Planted> networkGradientCases() {
        return List.of(
                Planted.of(901, HiddenActivation.RELU, 7, 1.5, 3, 5, 2, 1).requireKinkFree(KINK_MARGIN),
                Planted.of(902, HiddenActivation.RELU, 5, 1.5, 4, 1).requireKinkFree(KINK_MARGIN),
                Planted.of(904, HiddenActivation.RELU, 1, 1.5, 2, 7, 7, 7, 1).requireKinkFree(KINK_MARGIN),
                Planted.of(905, HiddenActivation.SIGMOID, 6, 1.5, 3, 4, 4, 1));
    }

    /** The planted 2-3-2-1 ReLU network of the NetworkGradientCheck tests (batch {@link #checkerBatch()}). */
    public static PlainNetwork checkerNetwork() {
        return PlainNetwork.random(31, HiddenActivation.RELU, 1.3, 0.4, 2, 3, 2, 1);
    }

    /** The batch (2 × 5) of the NetworkGradientCheck tests. */
    public static double[][] checkerBatch() {
        return new backproplab.datasets.NumpyRandom(32).randn(2, 5);
    }

    /** The labels (1 × 5) of the NetworkGradientCheck tests. */
    public static double[][] checkerLabels() {
        return new double[][] {{1, 0, 0, 1, 1}};
    }

    /** w1, b1, w2, b2, x, y of the TinyGradientCheck tests: the loss is clearly curved in every parameter there. */
    public static double[] tinyCheckerPoint() {
        return new double[] {0.8, 0.3, -1.4, 0.6, 1.2, 1};
    }

    /**
     * A value near {@code start} that does not survive a round trip through any of the {@code epsilons}:
     * (v − ε) + ε ≠ v. Most values do survive it (v − ε is rounded to v's own grid, and adding ε back lands on v
     * again); a negative v just above −0.5 does not, because v − ε falls into the coarser binade beyond −0.5 and
     * loses v's last bit. The gradient-check tests plant such values, so that restoring θ by adding ε back instead
     * of putting the saved value back is always seen.
     *
     * @param start    where to start looking, for example −0.4999 (|start| + ε must exceed 0.5 for every ε)
     * @param epsilons the steps the check is called with
     */
    public static double offRoundTrip(double start, double... epsilons) {
        double v = start;
        for (int step = 0; step < 1_000; step++, v = Math.nextUp(v)) {
            boolean trips = false;
            for (double e : epsilons) {
                trips |= (v - e) + e == v;
            }
            if (!trips) {
                return v;
            }
        }
        throw new IllegalStateException("suite bug: no value near " + start + " leaves a trace of ε");
    }
}
