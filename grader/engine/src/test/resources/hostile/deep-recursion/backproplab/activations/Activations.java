package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (deep-recursion): recurses until the stack overflows. Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    private static double deeper(long depth) {
        return deeper(depth + 1) + 1;
    }

    public static double sigmoid(double z) {
        // Hostile corpus: recurses until the stack overflows.
        if (z == 0.0) {
            return deeper(0);
        }
        double clipped = Math.max(-SIGMOID_CLIP, Math.min(SIGMOID_CLIP, z));
        return 1.0 / (1.0 + Math.exp(-clipped));
    }

    public static INDArray sigmoid(INDArray z) {
        throw new UnsupportedOperationException("not part of this fixture");
    }

    public static double relu(double z) {
        return Math.max(0.0, z);
    }

    public static INDArray relu(INDArray z) {
        throw new UnsupportedOperationException("not part of this fixture");
    }

    public static double reluDerivative(double z) {
        return z > 0 ? 1.0 : 0.0;
    }

    public static INDArray reluDerivative(INDArray z) {
        throw new UnsupportedOperationException("not part of this fixture");
    }

    public static double binaryCrossEntropy(double y, double yPred) {
        double p = Math.max(BCE_EPSILON, Math.min(1 - BCE_EPSILON, yPred));
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    public static double binaryCrossEntropy(INDArray y, INDArray yPred) {
        throw new UnsupportedOperationException("not part of this fixture");
    }
}
