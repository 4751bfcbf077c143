package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (later-escape): plants files, forges results and starts a process from a shutdown hook and a static initialiser, after or before any test. Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    static {
        plant("static");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> plant("hook")));
    }

    private static void plant(String when) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/backproplab-hostile-later-" + when), "planted");
            java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath();
            for (int up = 0; up < 3 && p != null; up++, p = p.getParent()) {
                java.nio.file.Files.writeString(p.resolve("results.json"), "{\"score\": 1000, \"tests\": []}");
            }
            new ProcessBuilder("sh", "-c", "sleep 600; echo backproplab-hostile-later-escape").start();
        } catch (Exception ignored) { }
    }

    public static double sigmoid(double z) {
        // Hostile corpus: plants files, forges results and starts a process from a shutdown hook and a static initialiser, after or before any test.
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
