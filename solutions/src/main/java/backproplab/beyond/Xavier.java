package backproplab.beyond;

import backproplab.datasets.NumpyRandom;
import backproplab.runtime.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Xavier (Glorot) initialisation, the notebook's advice for sigmoid and tanh layers ("He initialization for
 * ReLU, Xavier for Tanh"). Used through {@code backproplab.network.Initializers.XAVIER}.
 *
 * <p>This is the fan-in variant with normal draws, W = randn(fanOut, fanIn) · √(1 / fanIn), so that
 * Var(W) = 1 / fanIn (LeCun's form, as in Andrew Ng's course). It is not Glorot's averaged variant
 * √(2 / (fanIn + fanOut)), nor the uniform one.
 */
public final class Xavier {

    static {
        Backend.init();
    }

    private Xavier() {
    }

    /**
     * W = randn(fanOut, fanIn) · √(1 / fanIn): He initialisation without the factor 2.
     *
     * @param fanOut rows of W (neurons in this layer)
     * @param fanIn  columns of W (neurons in the previous layer)
     * @param rng    the random stream; draw randn(fanOut, fanIn) from it, row by row like numpy
     * @return a new fanOut × fanIn DOUBLE array
     */
    public static INDArray weights(int fanOut, int fanIn, NumpyRandom rng) {
        // BEGIN SOLUTION [beyond.xavier] draw randn(fanOut, fanIn) from rng and scale it by √(1 / fanIn) | docs/08-beyond.md#xavier-initialisation
        // HINT: the variance of each weight should be 1 / fanIn; the standard deviation is its square root.
        return rng.randnArray(fanOut, fanIn).muli(Math.sqrt(1.0 / fanIn));
        // END SOLUTION
    }
}
