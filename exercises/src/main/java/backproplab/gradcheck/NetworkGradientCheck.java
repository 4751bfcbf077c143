package backproplab.gradcheck;

import backproplab.activations.Activations;
import backproplab.gradcheck.GradientCheckResult.Row;
import backproplab.network.NeuralNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient check for the matrix {@link NeuralNetwork}: every element of every parameter array, compared with
 * central differences of the binary cross-entropy loss over the batch.
 *
 * <p>The result has one row per element, named like {@code "W1[0,1]"} (row 0, column 1 of W1);
 * {@link GradientCheckResult#summary()} and {@link GradientCheckResult#summaryTable()} give one line per
 * parameter array with its worst element.
 */
public final class NetworkGradientCheck {

    private NetworkGradientCheck() {
    }

    /** {@link #check(NeuralNetwork, INDArray, INDArray, double)} with ε = {@link GradientCheckResult#EPSILON}. */
    public static GradientCheckResult check(NeuralNetwork net, INDArray X, INDArray Y) {
        return check(net, X, Y, GradientCheckResult.EPSILON);
    }

    /**
     * Analytical gradients from {@code net.forward(X)} then {@code net.backward(Y)}; for every element θ of every
     * parameter (W1, b1, W2, …, in that order, elements row by row) the numerical gradient
     * (L(θ + ε) − L(θ − ε)) / 2ε with L = binaryCrossEntropy(Y, net.forward(X)), nudging θ in place in the live
     * parameter array and putting the saved value back afterwards. At the end the network holds its original
     * parameters and the cache and gradients of one more forward/backward pass on (X, Y).
     *
     * @param net     the network to check; its parameters are unchanged afterwards
     * @param X       inputs (features × m); not modified
     * @param Y       labels (1 × m); not modified
     * @param epsilon the step ε, finite and &gt; 0
     * @return one row per parameter element, named "W1[r,c]" / "b1[r,0]"
     */
    public static GradientCheckResult check(NeuralNetwork net, INDArray X, INDArray Y, double epsilon) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(X, "X");
        Objects.requireNonNull(Y, "Y");
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        // HINT: copy the analytical gradients before you start nudging, and put each element back to the exact value you saved.
        throw new UnsupportedOperationException("TODO [gradcheck.networkCheck]: compare net.backward(Y) with central differences of the loss for every element of every parameter, restoring each one. See docs/06-neural-network.md#gradient-check");
    }
}
