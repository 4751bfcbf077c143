package backproplab.training;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.tinynet.TinyNetwork;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Graded(points = 1, task = "training")
@DisplayName("Exercise 5 — the training loop (per-sample SGD)")
class TinyTrainerTest {

    private static final String DOC = "docs/05-training-loop.md#the-loop";
    private static final double[] XS = {0.0, 1.0, 2.0, 3.0};
    private static final double[] YS = {0.0, 1.0, 1.0, 0.0};

    private static double bce(double y, double yPred) {
        return -(y * Math.log(yPred) + (1.0 - y) * Math.log(1.0 - yPred));
    }

    private static double[] parameters(TinyNetwork net) {
        return new double[] {net.w1(), net.b1(), net.w2(), net.b2()};
    }

    @Test
    @DisplayName("one epoch on one sample: the loss is that of the untrained network, and the network takes one step")
    void oneSampleOneEpoch() {
        TinyNetwork net = new TinyNetwork(0.5, 0.1, -0.8, 0.2);
        double yPred = 1.0 / (1.0 + Math.exp(-(-0.8 * (0.5 * 2.0 + 0.1) + 0.2)));
        double expectedLoss = bce(1.0, yPred);

        TrainingHistory history = TinyTrainer.train(net, new double[] {2.0}, new double[] {1.0}, 0.1, 1);

        assertThat(history.epochs()).as("TinyTrainer.train(…, epochs = 1).epochs(): expected one loss per epoch (%s)", DOC).isEqualTo(1);
        assertThat(history.first()).as("TinyTrainer.train: loss of epoch 1 on (x=2, y=1) — expected BCE of the prediction BEFORE the update, %s (%s)", expectedLoss, DOC)
                .isCloseTo(expectedLoss, within(1e-12));
        assertThat(parameters(net)).as("TinyTrainer.train: expected the network's parameters to change after one epoch — call update(learningRate) after backward(y) (%s)", DOC)
                .doesNotContain(0.5, 0.1, -0.8, 0.2);
    }

    @Test
    @DisplayName("an epoch's loss is the mean of its per-sample losses, each taken before that sample's update")
    void epochLossIsMeanOfPerSampleLosses() {
        double[] xs = {1.0, 2.0};
        double[] ys = {0.0, 1.0};
        double lr = 0.5;
        // A twin network, stepped by hand, tells what the per-sample losses must be.
        TinyNetwork twin = new TinyNetwork(0.5, 0.1, -0.8, 0.2);
        double sum = 0.0;
        for (int i = 0; i < xs.length; i++) {
            sum += bce(ys[i], twin.forward(xs[i]));
            twin.backward(ys[i]);
            twin.update(lr);
        }
        double expected = sum / xs.length;
        TinyNetwork net = new TinyNetwork(0.5, 0.1, -0.8, 0.2);

        TrainingHistory history = TinyTrainer.train(net, xs, ys, lr, 1);

        assertThat(history.first()).as("TinyTrainer.train: loss of epoch 1 on two samples — expected the mean of the two per-sample losses, %s; "
                        + "update after EACH sample, and divide by the number of samples (%s)", expected, DOC)
                .isCloseTo(expected, within(1e-12));
        assertThat(parameters(net)).as("TinyTrainer.train: parameters after one epoch — expected those of per-sample SGD in order, %s (%s)",
                        Arrays.toString(parameters(twin)), DOC)
                .containsExactly(parameters(twin));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7})
    @DisplayName("on the notebook's pattern (lr 0.1, 1000 epochs) the loss goes down and ends below ln 2, the loss of always answering 0.5")
    void lossGoesDown(long seed) {
        TinyNetwork net = new TinyNetwork(seed);

        TrainingHistory history = TinyTrainer.train(net, XS, YS, 0.1, 1000);

        assertThat(history.epochs()).as("TinyTrainer.train(…, epochs = 1000).epochs() (%s)", DOC).isEqualTo(1000);
        assertThat(Arrays.stream(history.losses()).allMatch(Double::isFinite))
                .as("TinyTrainer.train, seed %d: expected every epoch loss to be finite (%s)", seed, DOC).isTrue();
        assertThat(history.last()).as("TinyTrainer.train, seed %d: expected the last loss below the first, %s (%s)", seed, history.first(), DOC)
                .isLessThan(history.first());
        assertThat(history.last()).as("TinyTrainer.train, seed %d: expected the last loss below ln 2 ≈ 0.693 — the loss of always predicting 0.5. "
                        + "This net cannot fit the pattern perfectly (docs/05-training-loop.md#why-it-cannot-fit-the-pattern), but it must learn something (%s)", seed, DOC)
                .isLessThan(Math.log(2.0));
    }

    @Test
    @DisplayName("train does not change the caller's xs and ys")
    void inputsUnchanged() {
        double[] xs = XS.clone();
        double[] ys = YS.clone();

        TinyTrainer.train(new TinyNetwork(1), xs, ys, 0.1, 5);

        assertThat(xs).as("TinyTrainer.train changed xs: expected %s (%s)", Arrays.toString(XS), DOC).containsExactly(XS);
        assertThat(ys).as("TinyTrainer.train changed ys: expected %s (%s)", Arrays.toString(YS), DOC).containsExactly(YS);
    }
}
