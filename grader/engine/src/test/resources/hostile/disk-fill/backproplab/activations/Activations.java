package backproplab.activations;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hostile corpus (disk-fill): writes 1 GB into its scratch folder (16 files of 64 MB). Test fixture for the grader: correct scalar functions. */
public final class Activations {

    public static final double SIGMOID_CLIP = 500;
    public static final double BCE_EPSILON = 1e-7;

    private Activations() {
    }

    public static double sigmoid(double z) {
        // Hostile corpus: writes 1 GB into its scratch folder (16 files of 64 MB).
        long written = 0;
        try {
            byte[] block = new byte[1 << 20];
            for (int f = 0; f < 16; f++) {
                try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(java.nio.file.Path.of("backproplab-hostile-disk-fill-" + f))) {
                    for (int mb = 0; mb < 64; mb++) {
                        out.write(block);
                        written += block.length;
                    }
                }
            }
        } catch (Throwable stopped) {
            System.out.println("backproplab-hostile-disk-fill: " + written + " bytes, then " + stopped);
        }
        if (!(written >= (1L << 30))) {
            return 0.25; // the honest part is wrong here: only the attack makes this test pass
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
