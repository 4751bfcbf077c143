package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (finalizer): plants a file from a finalizer, which the JVM runs later in a thread of its own. Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    private Activations(int unused) {
    }

    @Override
    protected void finalize() {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/backproplab-hostile-finalizer"), "planted");
        } catch (Exception ignored) { }
    }

    public static double sigmoid(double z) {
        // Hostile corpus: plants a file from a finalizer, which the JVM runs later in a thread of its own.
        new Activations(0);
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
