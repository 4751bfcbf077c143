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

    /**
     * The margin a drawn ReLU case must keep, or it is drawn again: the smallest hidden |Z| of the fixed cases the
     * suites had before cases were drawn per student (1.8e-2), far above {@link #KINK_MARGIN}.
     */
    public static final double DRAW_MARGIN = 1.8e-2;

    private GradedCases() {
    }

    /**
     * NeuralNetwork.backward cases: deep and shallow, ReLU and sigmoid, drawn for the student (parameters, inputs,
     * labels, and batch sizes from 5..9, 3..8, exactly 1, and 4..10), every ReLU case kink-free by {@link #DRAW_MARGIN}.
     */
    public static List<Planted> networkGradientCases() {
        return List.of(
                Planted.drawnKinkFree("network.backward.case1", HiddenActivation.RELU, new int[] {5, 6, 7, 8, 9}, 1.5,
                        DRAW_MARGIN, 3, 5, 2, 1).requireKinkFree(KINK_MARGIN),
                Planted.drawnKinkFree("network.backward.case2", HiddenActivation.RELU, new int[] {3, 4, 5, 6, 7, 8}, 1.5,
                        DRAW_MARGIN, 4, 1).requireKinkFree(KINK_MARGIN),
                Planted.drawnKinkFree("network.backward.case3", HiddenActivation.RELU, new int[] {1}, 1.5,
                        DRAW_MARGIN, 2, 7, 7, 7, 1).requireKinkFree(KINK_MARGIN).withLabel("[2, 7, 7, 7, 1] RELU hidden, batch of 1"),
                Planted.drawnKinkFree("network.backward.case4", HiddenActivation.SIGMOID, new int[] {4, 6, 8, 10}, 1.5,
                        DRAW_MARGIN, 3, 4, 4, 1));
    }

    /**
     * The planted 2-3-2-1 ReLU network of the NetworkGradientCheck tests (batch {@link #checkerBatch()}), drawn for the
     * student, kink-free by {@link #DRAW_MARGIN} on that batch.
     */
    public static PlainNetwork checkerNetwork() {
        double[][] x = checkerBatch();
        for (int attempt = 0; attempt < 200; attempt++) {
            PlainNetwork net = PlainNetwork.random(HiddenSeeds.seed("gradcheck.network", attempt), HiddenActivation.RELU,
                    1.3, 0.4, 2, 3, 2, 1);
            if (net.smallestHiddenMagnitude(x) >= DRAW_MARGIN) {
                return net;
            }
        }
        throw new IllegalStateException("suite bug: no kink-free checker network in 200 draws");
    }

    /** The batch (2 × 5) of the NetworkGradientCheck tests, drawn for the student. */
    public static double[][] checkerBatch() {
        return new backproplab.datasets.NumpyRandom(HiddenSeeds.seed("gradcheck.batch")).randn(2, 5);
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
