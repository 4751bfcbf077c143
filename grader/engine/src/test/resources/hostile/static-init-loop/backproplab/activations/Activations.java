package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (static-init-loop): loops for ever in a static initialiser (no API at all, so the static rules let it through). Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    private static final boolean READY;

    static {
        long spins = 0;
        while (spins >= 0) {
            spins = (spins + 1) % 1_000_000;
        }
        READY = true;
    }

    public static double sigmoid(double z) {
        // Hostile corpus: loops for ever in a static initialiser (no API at all, so the static rules let it through).
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
