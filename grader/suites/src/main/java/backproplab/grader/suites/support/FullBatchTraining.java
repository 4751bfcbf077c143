package backproplab.grader.suites.support;

import backproplab.network.NeuralNetwork;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The suites' own full-batch training loop: only the submission's {@code forward}, {@code backward} and
 * {@code update} are called, so that the convergence tests grade the network, not the (given) trainer.
 * Loss and accuracy are computed here in plain doubles.
 */
public final class FullBatchTraining {

    private FullBatchTraining() {
    }

    /**
     * Where a training run ended.
     *
     * @param loss     mean binary cross-entropy on the training data after the last update
     * @param accuracy share of training samples on the right side of 0.5 after the last update
     * @param output   ŷ on the training data after the last update (1 × m)
     * @param losses   the loss of every epoch (before its update) when recorded, else empty
     */
    public record Result(double loss, double accuracy, double[] output, double[] losses) {
    }

    /** {@code epochs} times: forward(X), backward(Y), update(α); then one more forward to measure. */
    public static Result train(NeuralNetwork net, INDArray x, INDArray y, double learningRate, int epochs) {
        return train(net, x, y, learningRate, epochs, false);
    }

    /** As {@link #train(NeuralNetwork, INDArray, INDArray, double, int)}, recording every epoch's loss if asked (slower). */
    public static Result train(NeuralNetwork net, INDArray x, INDArray y, double learningRate, int epochs, boolean recordLosses) {
        double[] labels = Arrays2D.of(y)[0];
        double[] losses = new double[recordLosses ? epochs : 0];
        for (int epoch = 0; epoch < epochs; epoch++) {
            INDArray output = net.forward(x);
            if (recordLosses) {
                losses[epoch] = loss(labels, Arrays2D.of(output)[0]);
            }
            net.backward(y);
            if (epoch == 0) {
                requireEveryGradient(net);
            }
            net.update(learningRate);
        }
        double[] output = Arrays2D.of(net.forward(x))[0];
        return new Result(loss(labels, output), accuracy(labels, output), output, losses);
    }

    /**
     * Fails, charged to backward, when backward did not store a gradient of each parameter's shape: update would
     * then throw (a NullPointerException that names update), although the missing gradient is backward's.
     */
    public static void requireEveryGradient(NeuralNetwork net) {
        for (Map.Entry<String, INDArray> parameter : net.parameters().entrySet()) {
            String name = parameter.getKey();
            INDArray gradient = net.gradients().get(name);
            String expected = "expected d" + name + " of shape " + Feedback.shape(parameter.getValue()) + " (the shape of " + name + ")";
            Verify.that(gradient != null, () -> "NeuralNetwork.backward — after backward(Y) there is no gradient d" + name + ": "
                    + expected + ", got none; gradients() has " + net.gradients().keySet() + ".\n  Store dW_i under \"W" + name.substring(1)
                    + "\" and db_i under \"b" + name.substring(1) + "\" for EVERY layer i = L … 1, layer 1 included"
                    + " (docs/06-neural-network.md#backward). update needs all of them.");
            Verify.that(java.util.Arrays.equals(gradient.shape(), parameter.getValue().shape()), () -> "NeuralNetwork.backward — gradient d"
                    + name + " has the wrong shape: " + expected + ", got " + Feedback.shape(gradient)
                    + " (docs/06-neural-network.md#backward).");
        }
    }

    /** Mean clipped binary cross-entropy. */
    public static double loss(double[] labels, double[] output) {
        return PlainNetwork.meanBce(new double[][] {labels}, new double[][] {output});
    }

    /** mean((ŷ &gt; 0.5) == y). */
    public static double accuracy(double[] labels, double[] output) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((output[i] > 0.5 ? 1.0 : 0.0) == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }
}
