package backproplab.gradientflow;

import backproplab.datasets.Dataset;
import backproplab.datasets.Datasets;
import backproplab.network.HiddenActivation;
import backproplab.network.Initializers;
import backproplab.network.NeuralNetwork;
import java.util.Objects;

/**
 * Vanishing and exploding gradients (notebook section 6): how large is dL/dW of each layer of a deep network
 * after one backward pass, and what does the earliest layer's size say?
 */
public final class GradientFlow {

    /** An earliest-layer gradient norm below this is vanishing (the notebook's 1e-4). */
    public static final double VANISHING_THRESHOLD = 1e-4;
    /** An earliest-layer gradient norm above this is exploding (the notebook's 100). */
    public static final double EXPLODING_THRESHOLD = 100;
    /** Samples in the random batch of {@link #measure} (the notebook's 10). */
    public static final int SAMPLES = 10;

    private GradientFlow() {
    }

    /**
     * The Frobenius norm ‖dW_i‖ = √(Σ dW_i[r,c]²) of every weight gradient, ordered from the output layer back to
     * layer 1: [‖dW_L‖, ‖dW_{L−1}‖, …, ‖dW_1‖], as the notebook's {@code np.linalg.norm(gradients[f'W{i}'])}
     * for i = L … 1.
     *
     * @param net a network on which backward has run
     * @return L norms, output layer first
     * @throws IllegalStateException if the network has no gradients yet
     */
    public static double[] gradientNorms(NeuralNetwork net) {
        Objects.requireNonNull(net, "net");
        if (net.gradients().isEmpty()) {
            throw new IllegalStateException("GradientFlow.gradientNorms: the network has no gradients yet;"
                    + " run net.forward(X) and net.backward(Y) first.");
        }
        // HINT: output layer first: index 0 is layer L, the last index is layer 1. Only the weights, not the biases.
        throw new UnsupportedOperationException("TODO [gradientflow.gradientNorms]: return the Frobenius norm of dW_L, dW_{L−1}, …, dW_1 in that order. See docs/07-gradient-flow.md#gradient-norms");
    }

    /**
     * The notebook's verdict on the earliest layer, the last entry g of {@code normsOutputFirst}:
     * {@link Verdict#VANISHING} if g &lt; {@value #VANISHING_THRESHOLD}, {@link Verdict#EXPLODING} if
     * g &gt; {@value #EXPLODING_THRESHOLD}, otherwise {@link Verdict#HEALTHY}.
     *
     * @param normsOutputFirst gradient norms ordered output layer first (as {@link #gradientNorms} returns them)
     */
    public static Verdict verdict(double[] normsOutputFirst) {
        Objects.requireNonNull(normsOutputFirst, "normsOutputFirst");
        if (normsOutputFirst.length == 0) {
            throw new IllegalArgumentException("GradientFlow.verdict needs at least one gradient norm, but got none.");
        }
        // HINT: the earliest layer is at the END of an output-first array.
        throw new UnsupportedOperationException("TODO [gradientflow.verdict]: judge the earliest layer (the last norm): vanishing below 1e-4, exploding above 100, else healthy. See docs/07-gradient-flow.md#verdict");
    }

    /**
     * The notebook's experiment: a network with these layer sizes and hidden activation, He-initialised from
     * {@code seed}, one forward and one backward pass on {@link Datasets#gradientFlowInput}(inputs, 10, seed),
     * then {@link #gradientNorms} and {@link #verdict}.
     *
     * @param seed       numpy seed for the weights and for the random batch
     * @param hidden     activation of the hidden layers
     * @param layerSizes for example 10, 8, 8, 8, 8, 8, 1
     */
    public static GradientFlowReport measure(long seed, HiddenActivation hidden, int... layerSizes) {
        NeuralNetwork net = new NeuralNetwork(seed, hidden, Initializers.HE, layerSizes);
        if (layerSizes[layerSizes.length - 1] != 1) {
            throw new IllegalArgumentException("measure expects one output neuron (labels are 0/1), but the last layer size is "
                    + layerSizes[layerSizes.length - 1]);
        }
        Dataset batch = Datasets.gradientFlowInput(layerSizes[0], SAMPLES, seed);
        net.forward(batch.features());
        net.backward(batch.labels());
        double[] norms = gradientNorms(net);
        return new GradientFlowReport(net.layerSizes(), hidden, norms, verdict(norms));
    }
}
