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

    /**
     * The labels (1 × 5) of the NetworkGradientCheck tests: (1, 0, 0, 1, 1) under the course seed, else drawn for the
     * student (purpose {@code gradcheck.labels}) with both classes present.
     */
    public static double[][] checkerLabels() {
        if (HiddenSeeds.isCourseSeed()) {
            return new double[][] {{1, 0, 0, 1, 1}};
        }
        java.util.SplittableRandom rng = HiddenSeeds.random("gradcheck.labels");
        while (true) {
            double[] y = new double[5];
            double ones = 0;
            for (int i = 0; i < y.length; i++) {
                y[i] = rng.nextBoolean() ? 1 : 0;
                ones += y[i];
            }
            if (ones >= 1 && ones <= 4) {
                return new double[][] {y};
            }
        }
    }

    /**
     * How far a one-sided difference at the probe steps must be from the central one, at the tiny checker point, for every
     * parameter (5000 times the probe tolerance {@code gradcheck.numericalTolerance} of 1e-8; the course point has 9.1e-5).
     */
    public static final double TINY_ONE_SIDED_GAP = 5e-5;

    /**
     * w1, b1, w2, b2, x, y of the TinyGradientCheck tests: (0.8, 0.3, −1.4, 0.6, 1.2, 1) under the course seed, else drawn
     * for the student ({@link HiddenSeeds}, purpose {@code gradcheck.tiny}) with two decimals, and drawn again until
     * {@link #usableTinyPoint} holds (the ReLU on, far from its kink; every gradient clearly non-zero; the loss clearly
     * curved in every parameter at both probe steps).
     */
    public static double[] tinyCheckerPoint() {
        if (HiddenSeeds.isCourseSeed()) {
            return new double[] {0.8, 0.3, -1.4, 0.6, 1.2, 1};
        }
        Thresholds t = Thresholds.get();
        double[] steps = {t.number("gradcheck.probeEpsilon"), t.number("gradcheck.secondProbeEpsilon")};
        java.util.SplittableRandom rng = HiddenSeeds.random("gradcheck.tiny");
        for (int attempt = 0; attempt < 1_000; attempt++) {
            double[] p = {two(HiddenSeeds.uniform(rng, 0.4, 1.5)), two(HiddenSeeds.uniform(rng, -0.5, 0.5)),
                (rng.nextBoolean() ? 1 : -1) * two(HiddenSeeds.uniform(rng, 0.6, 2)), two(HiddenSeeds.uniform(rng, -0.8, 0.8)),
                two(HiddenSeeds.uniform(rng, 0.5, 2)), rng.nextBoolean() ? 1 : 0};
            if (usableTinyPoint(p, steps)) {
                return p;
            }
        }
        throw new IllegalStateException("suite bug: no usable TinyGradientCheck point in 1000 draws");
    }

    /**
     * Whether a tiny checker point grades the checker: z1 = w1·x + b1 ≥ 0.3 (no step crosses ReLU's kink), every
     * |dL/dθ| ≥ 1e-3 (a flipped sign, a factor 3 and a 1 % error are all visible), and at each step ε a one-sided
     * difference is at least {@link #TINY_ONE_SIDED_GAP} from the central one for every parameter, and the central
     * differences at the two steps differ by at least 100 times the probe tolerance (a checker that ignores ε shows).
     */
    public static boolean usableTinyPoint(double[] p, double[] steps) {
        if (p[0] * p[4] + p[1] < 0.3) {
            return false;
        }
        backproplab.tinynet.TinyGradients g = PlainTinyNetwork.gradientsOf(p[0], p[1], p[2], p[3], p[4], p[5]);
        double[] q = {p[0], p[1], p[2], p[3]};
        for (String name : backproplab.tinynet.TinyNetwork.PARAMETER_NAMES) {
            if (Math.abs(g.get(name)) < 1e-3) {
                return false;
            }
            int i = PlainTinyNetwork.index(name);
            double[] central = new double[steps.length];
            for (int k = 0; k < steps.length; k++) {
                double plus = PlainTinyNetwork.loss(q, name, q[i] + steps[k], p[4], p[5]);
                double minus = PlainTinyNetwork.loss(q, name, q[i] - steps[k], p[4], p[5]);
                double base = PlainTinyNetwork.loss(q, name, q[i], p[4], p[5]);
                central[k] = (plus - minus) / (2 * steps[k]);
                if (Math.abs((plus - base) / steps[k] - central[k]) < TINY_ONE_SIDED_GAP
                        || Math.abs((base - minus) / steps[k] - central[k]) < TINY_ONE_SIDED_GAP) {
                    return false;
                }
            }
            if (Math.abs(central[0] - central[steps.length - 1]) < 100 * Thresholds.get().number("gradcheck.numericalTolerance")) {
                return false;
            }
        }
        return true;
    }

    private static double two(double v) {
        return Math.round(v * 100) / 100.0;
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
