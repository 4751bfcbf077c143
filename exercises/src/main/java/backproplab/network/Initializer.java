package backproplab.network;

import backproplab.datasets.NumpyRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a {@link NeuralNetwork} draws the weight matrix of one layer. See {@link Initializers} for He and Xavier.
 */
@FunctionalInterface
public interface Initializer {

    /**
     * The weights W of one layer, a new (fanOut × fanIn) DOUBLE array.
     *
     * @param fanOut number of neurons in this layer (rows of W)
     * @param fanIn  number of neurons in the previous layer (columns of W)
     * @param rng    the network's random stream; draw from it in numpy's order (row by row), nothing else
     * @return a new fanOut × fanIn array
     */
    INDArray weights(int fanOut, int fanIn, NumpyRandom rng);
}
