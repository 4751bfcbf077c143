package backproplab.training;

import backproplab.activations.Activations;
import backproplab.tinynet.TinyNetwork;
import java.util.Objects;

/**
 * The notebook's training loop for {@link TinyNetwork}: per-sample stochastic gradient descent.
 */
public final class TinyTrainer {

    private TinyTrainer() {
    }

    /**
     * Trains {@code net} in place. For each epoch, for each sample (x, y) in order:
     * ŷ = forward(x); loss = BCE(y, ŷ); backward(y); update(α). The epoch's loss is the mean of its
     * per-sample losses (each taken before that sample's update).
     *
     * @param net          the network to train; changed in place
     * @param xs           the inputs; not modified
     * @param ys           the targets (0 or 1), as many as {@code xs}; not modified
     * @param learningRate α, finite and &gt; 0
     * @param epochs       how many passes over the data, at least 1
     * @return the mean loss of every epoch
     * @throws IllegalArgumentException if the arguments are inconsistent or out of range
     */
    public static TrainingHistory train(TinyNetwork net, double[] xs, double[] ys, double learningRate, int epochs) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        if (xs.length == 0) {
            throw new IllegalArgumentException("TinyTrainer.train: no samples (xs is empty).");
        }
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("TinyTrainer.train: " + xs.length + " inputs but " + ys.length + " targets; they must be as many.");
        }
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("TinyTrainer.train: sample " + i + " is not finite (x = " + xs[i] + ", y = " + ys[i] + ").");
            }
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("TinyTrainer.train: learningRate must be finite and > 0, got " + learningRate + ".");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("TinyTrainer.train: epochs must be at least 1, got " + epochs + ".");
        }
        // HINT: the loss of a sample is taken from the prediction before that sample's update; divide the epoch's sum by the number of samples.
        throw new UnsupportedOperationException("TODO [training.train]: for every epoch and every sample in order: forward, loss, backward, update; record each epoch's mean loss. See docs/05-training-loop.md#the-loop");
    }
}
