package backproplab.network;

import backproplab.beyond.Xavier;
import backproplab.datasets.NumpyRandom;
import backproplab.runtime.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The weight initialisations of the course: He (section 5, for ReLU) and Xavier (exercise 8). */
public final class Initializers {

    /** He initialisation, W = randn(fanOut, fanIn) · √(2 / fanIn): see {@link #he}. */
    public static final Initializer HE = Initializers::he;

    /** Xavier (Glorot) initialisation, W = randn(fanOut, fanIn) · √(1 / fanIn): see {@link Xavier#weights}. */
    public static final Initializer XAVIER = Xavier::weights;

    static {
        Backend.init();
    }

    private Initializers() {
    }

    /**
     * He initialisation (notebook section 5): W = randn(fanOut, fanIn) · √(2 / fanIn).
     *
     * <p>The factor 2 makes up for ReLU zeroing half of its inputs, so the variance of the activations stays
     * about the same from layer to layer. Draw the fanOut × fanIn standard normals with
     * {@code rng.randn(fanOut, fanIn)} (row by row, like numpy), so that seed 42 gives numpy's network.
     *
     * @param fanOut rows of W (neurons in this layer)
     * @param fanIn  columns of W (neurons in the previous layer)
     * @param rng    the random stream to draw from
     * @return a new fanOut × fanIn DOUBLE array
     */
    public static INDArray he(int fanOut, int fanIn, NumpyRandom rng) {
        // HINT: the scale uses fanIn, the size of the PREVIOUS layer, not fanOut.
        throw new UnsupportedOperationException("TODO [network.he]: draw randn(fanOut, fanIn) from rng and scale it by √(2 / fanIn). See docs/06-neural-network.md#he-initialisation");
    }
}
