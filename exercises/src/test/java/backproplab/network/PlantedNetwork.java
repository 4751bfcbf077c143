package backproplab.network;

import backproplab.runtime.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small 2-3-1 network with hand-picked weights and a batch of three samples, plus the forward pass and the
 * loss written out with plain doubles, so that tests can compute expected values without the code under test.
 */
public final class PlantedNetwork {

    static {
        Backend.init();
    }

    /** W1 (3 × 2). */
    public static final double[][] W1 = {{0.5, -0.4}, {0.3, 0.8}, {-0.6, 0.2}};
    /** b1 (3 × 1). */
    public static final double[][] B1 = {{0.1}, {-0.2}, {0.05}};
    /** W2 (1 × 3). */
    public static final double[][] W2 = {{0.7, -0.5, 0.9}};
    /** b2 (1 × 1). */
    public static final double[][] B2 = {{-0.1}};
    /** X (2 features × 3 samples). */
    public static final double[][] X = {{1.0, -0.5, 2.0}, {0.5, 1.5, -1.0}};
    /** Y (1 × 3). */
    public static final double[][] Y = {{1, 0, 1}};

    private PlantedNetwork() {
    }

    /** W1, b1, W2, b2 as new INDArrays. */
    public static Map<String, INDArray> parameters() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put("W1", Nd4j.createFromArray(copy(W1)));
        params.put("b1", Nd4j.createFromArray(copy(B1)));
        params.put("W2", Nd4j.createFromArray(copy(W2)));
        params.put("b2", Nd4j.createFromArray(copy(B2)));
        return params;
    }

    /** The planted network with the given hidden activation. */
    public static NeuralNetwork network(HiddenActivation hidden) {
        return NeuralNetwork.withParameters(parameters(), hidden);
    }

    public static INDArray x() {
        return Nd4j.createFromArray(copy(X));
    }

    public static INDArray y() {
        return Nd4j.createFromArray(copy(Y));
    }

    /**
     * ŷ of every sample of {@code x} (features × samples) for a 2-layer network given as plain arrays, written
     * out element by element: z1 = W1·x + b1, a1 = g(z1), ŷ = σ(W2·a1 + b2).
     */
    public static double[] plainForward(Map<String, double[][]> p, double[][] x, HiddenActivation hidden) {
        double[][] w1 = p.get("W1");
        double[][] b1 = p.get("b1");
        double[][] w2 = p.get("W2");
        double[][] b2 = p.get("b2");
        int samples = x[0].length;
        double[] out = new double[samples];
        for (int s = 0; s < samples; s++) {
            double z2 = b2[0][0];
            for (int h = 0; h < w1.length; h++) {
                double z1 = b1[h][0];
                for (int f = 0; f < x.length; f++) {
                    z1 += w1[h][f] * x[f][s];
                }
                double a1 = hidden == HiddenActivation.RELU ? Math.max(0, z1) : 1 / (1 + Math.exp(-z1));
                z2 += w2[0][h] * a1;
            }
            out[s] = 1 / (1 + Math.exp(-z2));
        }
        return out;
    }

    /** Mean binary cross-entropy of {@link #plainForward} against the labels y (one row). */
    public static double plainLoss(Map<String, double[][]> p, double[][] x, double[] y, HiddenActivation hidden) {
        double[] yHat = plainForward(p, x, hidden);
        double sum = 0;
        for (int s = 0; s < y.length; s++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, yHat[s]));
            sum += -(y[s] * Math.log(q) + (1 - y[s]) * Math.log(1 - q));
        }
        return sum / y.length;
    }

    /** The planted parameters as plain arrays (fresh copies), keyed W1, b1, W2, b2. */
    public static Map<String, double[][]> plainParameters() {
        Map<String, double[][]> p = new LinkedHashMap<>();
        p.put("W1", copy(W1));
        p.put("b1", copy(B1));
        p.put("W2", copy(W2));
        p.put("b2", copy(B2));
        return p;
    }

    /**
     * Central-difference gradient dL/dθ of {@link #plainLoss} for every element of parameter {@code name}, with
     * the planted X and Y: (L(θ + h) − L(θ − h)) / 2h, h = 1e-6.
     */
    public static double[][] numericalGradient(String name, HiddenActivation hidden) {
        Map<String, double[][]> p = plainParameters();
        double[][] theta = p.get(name);
        double[][] grad = new double[theta.length][theta[0].length];
        double h = 1e-6;
        for (int r = 0; r < theta.length; r++) {
            for (int c = 0; c < theta[0].length; c++) {
                double saved = theta[r][c];
                theta[r][c] = saved + h;
                double plus = plainLoss(p, X, Y[0], hidden);
                theta[r][c] = saved - h;
                double minus = plainLoss(p, X, Y[0], hidden);
                theta[r][c] = saved;
                grad[r][c] = (plus - minus) / (2 * h);
            }
        }
        return grad;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
