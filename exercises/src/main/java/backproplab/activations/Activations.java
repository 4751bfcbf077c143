package backproplab.activations;

import backproplab.runtime.Backend;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The notebook's activation functions and loss, each for one number and element-wise for an
 * INDArray. The INDArray forms return new arrays and never change the array they are given.
 */
public final class Activations {

    /** sigmoid clips z to [−SIGMOID_CLIP, SIGMOID_CLIP] so that e^(−z) stays finite. */
    public static final double SIGMOID_CLIP = 500;
    /** binary cross-entropy clips ŷ to [BCE_EPSILON, 1 − BCE_EPSILON] so that log never sees 0. */
    public static final double BCE_EPSILON = 1e-7;

    static {
        Backend.init();
    }

    private Activations() {
    }

    /**
     * σ(z) = 1 / (1 + e^(−z)), with z first clipped to [−500, 500].
     *
     * @return a value in [0, 1], finite for every finite or infinite z
     */
    public static double sigmoid(double z) {
        // HINT: clip first, then exponentiate: exp(500) is still finite, exp(1000) is not.
        throw new UnsupportedOperationException("TODO [activations.sigmoid]: compute the stable sigmoid 1/(1+e^-z) with z clipped to [-500, 500]. See docs/02-activations.md#sigmoid");
    }

    /**
     * Element-wise σ(z) = 1 / (1 + e^(−z)), with z clipped to [−500, 500].
     *
     * @param z any shape; not modified
     * @return a new array of the same shape, every value in [0, 1]
     */
    public static INDArray sigmoid(INDArray z) {
        Objects.requireNonNull(z, "z");
        // HINT: Transforms.min, Transforms.max and Transforms.exp take a 'dup' flag: with true they leave z alone.
        throw new UnsupportedOperationException("TODO [activations.sigmoidArray]: compute the stable sigmoid element-wise on a copy of z, clipped to [-500, 500]. See docs/02-activations.md#sigmoid");
    }

    /** ReLU(z) = max(0, z). */
    public static double relu(double z) {
        throw new UnsupportedOperationException("TODO [activations.relu]: return max(0, z). See docs/02-activations.md#relu");
    }

    /**
     * Element-wise ReLU(z) = max(0, z).
     *
     * @param z any shape; not modified
     * @return a new array of the same shape
     */
    public static INDArray relu(INDArray z) {
        Objects.requireNonNull(z, "z");
        // HINT: an in-place op (one whose name ends in i, or dup = false) would change the caller's array.
        throw new UnsupportedOperationException("TODO [activations.reluArray]: compute max(0, z) element-wise on a copy of z. See docs/02-activations.md#relu");
    }

    /**
     * ReLU'(z) = 1 if z &gt; 0, else 0 (so exactly 0 at z = 0, as in the notebook's {@code (z > 0)}).
     */
    public static double reluDerivative(double z) {
        // HINT: at z = 0 exactly the notebook uses 0.
        throw new UnsupportedOperationException("TODO [activations.reluDerivative]: return 1 where z > 0, else 0. See docs/02-activations.md#relu-derivative");
    }

    /**
     * Element-wise ReLU'(z): 1.0 where z &gt; 0, else 0.0.
     *
     * @param z any shape; not modified
     * @return a new DOUBLE array of the same shape holding only 0.0 and 1.0
     */
    public static INDArray reluDerivative(INDArray z) {
        Objects.requireNonNull(z, "z");
        // HINT: a comparison such as z.gt(0) gives a BOOL array; the rest of the course needs DOUBLE.
        throw new UnsupportedOperationException("TODO [activations.reluDerivativeArray]: build a DOUBLE array with 1.0 where z > 0 and 0.0 elsewhere. See docs/02-activations.md#relu-derivative");
    }

    /**
     * Binary cross-entropy of one prediction: L = −(y·log ŷ + (1 − y)·log(1 − ŷ)), with ŷ first clipped
     * to [1e-7, 1 − 1e-7].
     *
     * @param y     the target, 0 or 1
     * @param yPred the prediction ŷ; 0 and 1 are allowed thanks to the clipping
     * @return the loss, finite for every ŷ in [0, 1]
     */
    public static double binaryCrossEntropy(double y, double yPred) {
        // HINT: without the clipping, ŷ = 0 or ŷ = 1 gives log(0) = −Infinity, and 0 · −Infinity is NaN.
        throw new UnsupportedOperationException("TODO [activations.binaryCrossEntropy]: clip ŷ to [1e-7, 1 − 1e-7], then compute −(y·log ŷ + (1 − y)·log(1 − ŷ)). See docs/02-activations.md#binary-cross-entropy");
    }

    /**
     * Mean binary cross-entropy over all elements: L = −mean(y·log ŷ + (1 − y)·log(1 − ŷ)), with ŷ
     * clipped to [1e-7, 1 − 1e-7].
     *
     * @param y     targets (0 or 1), same shape as {@code yPred}; not modified
     * @param yPred predictions; not modified
     * @return the mean loss
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double binaryCrossEntropy(INDArray y, INDArray yPred) {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(yPred, "yPred");
        if (!Arrays.equals(y.shape(), yPred.shape())) {
            throw new IllegalArgumentException("binaryCrossEntropy: y has shape " + Arrays.toString(y.shape())
                    + " but yPred has shape " + Arrays.toString(yPred.shape()) + "; they must be equal.");
        }
        // HINT: mean over every element: meanNumber() gives it as one number.
        throw new UnsupportedOperationException("TODO [activations.binaryCrossEntropyArray]: clip a copy of ŷ to [1e-7, 1 − 1e-7], then return −mean(y·log ŷ + (1 − y)·log(1 − ŷ)). See docs/02-activations.md#binary-cross-entropy");
    }

    /**
     * The numbers of {@code array} as doubles in row-major order. A plain row-major double array hands out a copy of
     * its buffer directly; any other (a view, column-major, another data type) is copied to one first.
     */
    private static double[] rowMajorValues(INDArray array) {
        if (array.dataType() == DataType.DOUBLE && !array.isView() && array.ordering() == 'c'
                && array.data().length() == array.length()) {
            return array.data().asDouble();
        }
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
