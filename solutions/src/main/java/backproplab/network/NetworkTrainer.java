package backproplab.network;

import backproplab.activations.Activations;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's full-batch training loop for a {@link NeuralNetwork} (section 5, "Train on Real Data"):
 * every epoch runs forward on the whole batch, records the loss and accuracy, then backward and update.
 */
public final class NetworkTrainer {

    private NetworkTrainer() {
    }

    /**
     * Trains {@code net} in place with full-batch gradient descent. Each epoch:
     * ŷ = forward(X); record L = BCE(Y, ŷ) and accuracy = mean((ŷ &gt; 0.5) == Y); backward(Y); update(α).
     * The recorded loss and accuracy are those of the parameters before that epoch's update.
     *
     * @param net          the network to train (changed)
     * @param X            inputs, (features × m); not modified
     * @param Y            labels 0/1, (1 × m); not modified
     * @param learningRate α
     * @param epochs       number of passes, 0 or more
     * @return the loss and accuracy of every epoch
     */
    public static TrainingHistory train(NeuralNetwork net, INDArray X, INDArray Y, double learningRate, int epochs) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(X, "X");
        Objects.requireNonNull(Y, "Y");
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be 0 or more, but was " + epochs);
        }
        double[] losses = new double[epochs];
        double[] accuracies = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            INDArray yPred = net.forward(X);
            losses[epoch] = Activations.binaryCrossEntropy(Y, yPred);
            accuracies[epoch] = accuracy(yPred, Y);
            net.backward(Y);
            net.update(learningRate);
        }
        return new TrainingHistory(losses, accuracies);
    }

    /** Share of samples classified right by {@code net}: mean((forward(X) &gt; 0.5) == Y). Runs a forward pass. */
    public static double accuracy(NeuralNetwork net, INDArray X, INDArray Y) {
        Objects.requireNonNull(net, "net");
        return accuracy(net.forward(X), Y);
    }

    /** Share of predictions on the right side of 0.5: mean((yPred &gt; 0.5) == Y), for arrays of the same shape. */
    public static double accuracy(INDArray yPred, INDArray Y) {
        if (!Arrays.equals(yPred.shape(), Y.shape())) {
            throw new IllegalArgumentException("accuracy: predictions have shape " + Arrays.toString(yPred.shape())
                    + " but labels have shape " + Arrays.toString(Y.shape()) + "; they must be equal.");
        }
        double[] predicted = values(yPred);
        double[] labels = values(Y);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if ((predicted[i] > 0.5 ? 1.0 : 0.0) == labels[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }

    /**
     * The elements of {@code array} in row-major order. A plain array (no view, row-major, its own buffer) hands out
     * its buffer's copy directly, which costs far less than a reshape and a vector copy; any other goes the long way.
     */
    private static double[] values(INDArray array) {
        if (!array.isView() && array.ordering() == 'c' && array.data().length() == array.length()) {
            return array.data().asDouble();
        }
        return array.reshape(array.length()).toDoubleVector();
    }

    /**
     * Loss and accuracy per epoch of one training run.
     *
     * @param losses     binary cross-entropy of each epoch
     * @param accuracies training accuracy (0 … 1) of each epoch
     */
    public record TrainingHistory(double[] losses, double[] accuracies) {

        /** Copies both arrays; they must have the same length. */
        public TrainingHistory {
            Objects.requireNonNull(losses, "losses");
            Objects.requireNonNull(accuracies, "accuracies");
            if (losses.length != accuracies.length) {
                throw new IllegalArgumentException("one accuracy per loss expected, but got " + losses.length
                        + " losses and " + accuracies.length + " accuracies");
            }
            losses = losses.clone();
            accuracies = accuracies.clone();
        }

        /** The loss of every epoch (a copy). */
        @Override
        public double[] losses() {
            return losses.clone();
        }

        /** The accuracy of every epoch (a copy). */
        @Override
        public double[] accuracies() {
            return accuracies.clone();
        }

        /** Number of epochs recorded. */
        public int epochs() {
            return losses.length;
        }

        /** The loss of the last epoch. */
        public double finalLoss() {
            requireEpochs();
            return losses[losses.length - 1];
        }

        /** The accuracy of the last epoch. */
        public double finalAccuracy() {
            requireEpochs();
            return accuracies[accuracies.length - 1];
        }

        private void requireEpochs() {
            if (losses.length == 0) {
                throw new IllegalStateException("no epochs were recorded");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TrainingHistory that
                    && Arrays.equals(losses, that.losses) && Arrays.equals(accuracies, that.accuracies);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(losses) + Arrays.hashCode(accuracies);
        }

        @Override
        public String toString() {
            return losses.length == 0 ? "TrainingHistory[0 epochs]"
                    : String.format(java.util.Locale.ROOT, "TrainingHistory[%d epochs, final loss %.4f, final accuracy %.2f %%]",
                            losses.length, finalLoss(), 100 * finalAccuracy());
        }
    }
}
