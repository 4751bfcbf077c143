package backproplab.grader.suites;

import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.HiddenSeeds;
import backproplab.grader.suites.support.PlainTinyNetwork;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import backproplab.training.TinyTrainer;
import backproplab.training.TrainingHistory;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of exercise 5, the per-sample SGD loop. The semantics test trains the suite's own
 * {@link PlainTinyNetwork}, so it grades the loop and nothing else. 6 points.
 */
@DisplayName("Hidden: training loop (exercise 5)")
class TrainingHiddenTest {

    private static final String DOC = "docs/05-training-loop.md#the-loop";
    /**
     * The graded pattern and start, drawn for the student ({@link HiddenSeeds}, purpose {@code training.data}): five
     * inputs in [−2, 4) with two decimals, labels with both classes, and a start whose ReLU is on for at least three of
     * the inputs (so that w1 and b1 learn too), drawn again until both hold.
     */
    private static final double[][] DATA = data();
    private static final double[] XS = DATA[0];
    private static final double[] YS = DATA[1];
    private static final double[] START = DATA[2];

    private static double[][] data() {
        java.util.SplittableRandom rng = HiddenSeeds.random("training.data");
        for (int attempt = 0; attempt < 1_000; attempt++) {
            double[] xs = new double[5];
            double[] ys = new double[5];
            double ones = 0;
            for (int i = 0; i < 5; i++) {
                xs[i] = Math.round(HiddenSeeds.uniform(rng, -2, 4) * 100) / 100.0;
                ys[i] = rng.nextBoolean() ? 1 : 0;
                ones += ys[i];
            }
            double[] start = {round(HiddenSeeds.uniform(rng, 0.3, 1.5)), round(HiddenSeeds.uniform(rng, -0.5, 0.5)),
                round(HiddenSeeds.uniform(rng, -1.5, 1.5)), round(HiddenSeeds.uniform(rng, -0.5, 0.5))};
            int on = 0;
            for (double x : xs) {
                on += start[0] * x + start[1] > 0.1 ? 1 : 0;
            }
            if (ones >= 1 && ones <= 4 && on >= 3 && Math.abs(start[2]) >= 0.3) {
                return new double[][] {xs, ys, start};
            }
        }
        throw new IllegalStateException("suite bug: no usable training data in 1000 draws");
    }

    /**
     * The two samples of the one-epoch test, xs and ys: (0.75, −2.0) → (0, 1) under the course seed, else drawn for the
     * student (purpose {@code training.oneEpoch}): a positive x whose ReLU is on at the start (so w2 moves), a negative x,
     * and opposite labels in random order.
     */
    private static double[][] twoSamples() {
        if (HiddenSeeds.isCourseSeed()) {
            return new double[][] {{0.75, -2.0}, {0, 1}};
        }
        java.util.SplittableRandom rng = HiddenSeeds.random("training.oneEpoch");
        for (int attempt = 0; attempt < 1_000; attempt++) {
            double on = Math.round(HiddenSeeds.uniform(rng, 0.3, 2.5) * 100) / 100.0;
            double other = Math.round(HiddenSeeds.uniform(rng, -2.5, -0.3) * 100) / 100.0;
            double first = rng.nextBoolean() ? 1 : 0;
            if (START[0] * on + START[1] > 0.1) {
                return new double[][] {{on, other}, {first, 1 - first}};
            }
        }
        throw new IllegalStateException("suite bug: no usable one-epoch samples in 1000 draws");
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
    private static final double ALPHA = 0.35;
    private static final int EPOCHS = 7;

    /** The notebook's loop in plain doubles: per sample, loss before the update, mean per epoch. */
    static double[] perSampleHistory(double[] start, double[] xs, double[] ys, double alpha, int epochs, double[] end) {
        double[] p = start.clone();
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sum = 0;
            for (int i = 0; i < xs.length; i++) {
                sum += PlainTinyNetwork.loss(p[0], p[1], p[2], p[3], xs[i], ys[i]);
                TinyGradients g = PlainTinyNetwork.gradientsOf(p[0], p[1], p[2], p[3], xs[i], ys[i]);
                p[0] -= alpha * g.w1();
                p[1] -= alpha * g.b1();
                p[2] -= alpha * g.w2();
                p[3] -= alpha * g.b2();
            }
            losses[epoch] = sum / xs.length;
        }
        System.arraycopy(p, 0, end, 0, 4);
        return losses;
    }

    /** The common wrong loop: one averaged (full-batch) step per epoch. */
    static double[] fullBatchHistory(double[] start, double[] xs, double[] ys, double alpha, int epochs) {
        double[] p = start.clone();
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sum = 0;
            double[] g = new double[4];
            for (int i = 0; i < xs.length; i++) {
                sum += PlainTinyNetwork.loss(p[0], p[1], p[2], p[3], xs[i], ys[i]);
                TinyGradients gi = PlainTinyNetwork.gradientsOf(p[0], p[1], p[2], p[3], xs[i], ys[i]);
                g[0] += gi.w1() / xs.length;
                g[1] += gi.b1() / xs.length;
                g[2] += gi.w2() / xs.length;
                g[3] += gi.b2() / xs.length;
            }
            for (int k = 0; k < 4; k++) {
                p[k] -= alpha * g[k];
            }
            losses[epoch] = sum / xs.length;
        }
        return losses;
    }

    @Test
    @Graded(points = 3, task = "training.train", visibility = Visibility.HIDDEN)
    @DisplayName("train runs per-sample SGD: its loss history and final weights match an independent loop to 1e-12")
    void perSampleSgdSemantics() {
        double tolerance = Thresholds.get().number("training.historyTolerance");
        double[] xs = XS.clone();
        double[] ys = YS.clone();
        PlainTinyNetwork net = new PlainTinyNetwork(START[0], START[1], START[2], START[3]);
        TrainingHistory history = TinyTrainer.train(net, xs, ys, ALPHA, EPOCHS);
        double[] end = new double[4];
        double[] expected = perSampleHistory(START, XS, YS, ALPHA, EPOCHS, end);
        double[] actual = history.losses();
        Verify.that(actual.length == EPOCHS, () -> "TinyTrainer.train — expected one loss per epoch, " + EPOCHS + " in all, got "
                + actual.length + " (" + DOC + ").");
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            int e = epoch;
            Verify.that(Math.abs(actual[e] - expected[e]) <= tolerance, () -> "TinyTrainer.train — the loss of epoch " + (e + 1)
                    + " is " + Feedback.num(actual[e]) + ", expected " + Feedback.num(expected[e]) + ".\n  expected history "
                    + Feedback.vector(expected) + "\n  got              " + Feedback.vector(actual) + "\n  " + diagnose(actual, expected)
                    + "For each epoch, for each sample in order: ŷ = forward(x), loss = BCE(y, ŷ), backward(y), update(α); the epoch's"
                    + " loss is the mean of its per-sample losses, each taken before that sample's update (" + DOC + ").");
        }
        String[] names = {"w1", "b1", "w2", "b2"};
        for (int k = 0; k < 4; k++) {
            Verify.close(net.parameter(names[k]), end[k], tolerance, "TinyTrainer.train", names[k] + " after " + EPOCHS + " epochs",
                    "Update after every sample, with the learning rate passed in (" + DOC + ").");
        }
        Verify.that(Arrays.equals(xs, XS) && Arrays.equals(ys, YS), () -> "TinyTrainer.train — the caller's xs and ys: expected "
                + Arrays.toString(XS) + " and " + Arrays.toString(YS) + " unchanged, got " + Arrays.toString(xs) + " and " + Arrays.toString(ys)
                + "; they must be read only (" + DOC + ").");
    }

    private static String diagnose(double[] actual, double[] expected) {
        double[] fullBatch = fullBatchHistory(START, XS, YS, ALPHA, EPOCHS);
        if (matches(actual, fullBatch)) {
            return "This is a full-batch loop (one averaged step per epoch); the notebook updates after EVERY sample. ";
        }
        double[] summed = expected.clone();
        for (int i = 0; i < summed.length; i++) {
            summed[i] *= XS.length;
        }
        if (matches(actual, summed)) {
            return "These are sums over the " + XS.length + " samples; record their mean. ";
        }
        if (Math.abs(actual[0] - expected[0]) <= 1e-12) {
            return "Epoch 1 matches, later ones do not: are the updates applied (with the given learning rate) and kept? ";
        }
        return "";
    }

    private static boolean matches(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(1, Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Graded(points = 1.5, task = "training.train", visibility = Visibility.HIDDEN)
    @DisplayName("train with a correct TinyNetwork learns a step pattern: the loss falls by more than half")
    void lossFallsOnLearnablePattern() {
        double[] xs = {-2, -1, -0.5, 1, 1.5, 2.5};
        double[] ys = {0, 0, 0, 1, 1, 1};
        TinyNetwork net = new TinyNetwork(0.6, 0.1, 0.9, -0.2);
        TrainingHistory history = TinyTrainer.train(net, xs, ys, 0.5, 60);
        double first = history.first();
        double last = history.last();
        Verify.that(Double.isFinite(last) && last < 0.5 * first, () -> "TinyTrainer.train — on x = " + Arrays.toString(xs)
                + " → y = " + Arrays.toString(ys) + " (learnable: y = 1 for x > 0), 60 epochs at α = 0.5 from w1 = 0.6, b1 = 0.1,"
                + " w2 = 0.9, b2 = −0.2: expected the last epoch's loss below half of the first's (" + Feedback.num(first / 2)
                + "), got " + Feedback.num(first) + " → " + Feedback.num(last) + ".\n  The network here is the course's own"
                + " TinyNetwork, so look at the loop: forward, loss, backward and update(α) for every sample, every epoch ("
                + DOC + ").");
    }

    @Test
    @Graded(points = 1.5, task = "training.train", visibility = Visibility.HIDDEN)
    @DisplayName("train with a learning rate of 0.05 for 1 epoch takes exactly one step per sample")
    void oneEpochSteps() {
        PlainTinyNetwork net = new PlainTinyNetwork(START[0], START[1], START[2], START[3]);
        double[][] samples = twoSamples();
        TrainingHistory history = TinyTrainer.train(net, samples[0].clone(), samples[1].clone(), 0.05, 1);
        double[] end = new double[4];
        double[] expected = perSampleHistory(START, samples[0], samples[1], 0.05, 1, end);
        Verify.that(history.epochs() == 1, () -> "TinyTrainer.train — 1 epoch: expected 1 loss, got " + history.epochs() + " (" + DOC + ").");
        Verify.close(history.first(), expected[0], 1e-12, "TinyTrainer.train", "the loss of one epoch on two samples",
                "The mean of the two per-sample losses, each before its update (" + DOC + ").");
        Verify.close(net.parameter("w2"), end[2], 1e-12, "TinyTrainer.train", "w2 after one epoch on two samples",
                "One forward, backward and update(α) per sample, in order (" + DOC + ").");
    }
}
