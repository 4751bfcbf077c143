package backproplab.grader.suites.support;

import backproplab.datasets.NumpyRandom;
import backproplab.network.HiddenActivation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The notebook's fully connected network written out again in plain double loops, independent of the
 * submission: forward pass, mean binary cross-entropy, central differences of every parameter element, and
 * a plain backward pass. The suites plant its parameters into the student's {@code NeuralNetwork} with
 * {@code withParameters} and compare.
 *
 * <p>Same conventions as the course: X is features × m, W_i is n_i × n_{i−1}, b_i is n_i × 1, hidden
 * activation ReLU (ReLU'(0) = 0) or sigmoid, sigmoid output with z clipped to ±500, loss clipped to
 * [1e-7, 1 − 1e-7].
 */
public final class PlainNetwork {

    private static final double SIGMOID_CLIP = 500;
    private static final double BCE_EPSILON = 1e-7;

    private final HiddenActivation hidden;
    private final int[] sizes;
    private final double[][][] weights;
    private final double[][] biases;

    /**
     * @param hidden  activation of the hidden layers
     * @param weights weights[i] is W_{i+1}, n_{i+1} × n_i (copied)
     * @param biases  biases[i] is b_{i+1}, n_{i+1} values (copied)
     */
    public PlainNetwork(HiddenActivation hidden, double[][][] weights, double[][] biases) {
        this.hidden = hidden;
        this.sizes = new int[weights.length + 1];
        this.weights = new double[weights.length][][];
        this.biases = new double[weights.length][];
        sizes[0] = weights[0][0].length;
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = Arrays2D.copy(weights[i]);
            this.biases[i] = biases[i].clone();
            sizes[i + 1] = weights[i].length;
            if (weights[i][0].length != sizes[i] || biases[i].length != sizes[i + 1]) {
                throw new IllegalArgumentException("inconsistent planted layer " + (i + 1));
            }
        }
    }

    /**
     * A network with weights randn · weightScale / √fanIn and biases randn · biasScale, drawn layer by layer
     * (weights, then biases) from {@code new NumpyRandom(seed)}.
     */
    public static PlainNetwork random(long seed, HiddenActivation hidden, double weightScale, double biasScale, int... sizes) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[][][] w = new double[sizes.length - 1][][];
        double[][] b = new double[sizes.length - 1][];
        for (int i = 1; i < sizes.length; i++) {
            w[i - 1] = rng.randn(sizes[i], sizes[i - 1]);
            for (double[] row : w[i - 1]) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= weightScale / Math.sqrt(sizes[i - 1]);
                }
            }
            b[i - 1] = new double[sizes[i]];
            for (int r = 0; r < sizes[i]; r++) {
                b[i - 1][r] = biasScale * rng.standardNormal();
            }
        }
        return new PlainNetwork(hidden, w, b);
    }

    /** [inputs, hidden…, outputs] (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** L, the number of weight layers. */
    public int layers() {
        return weights.length;
    }

    /** The hidden activation. */
    public HiddenActivation hidden() {
        return hidden;
    }

    /** W1, b1, W2, b2, … as new DOUBLE arrays (b_i as n_i × 1 columns), for {@code NeuralNetwork.withParameters}. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            params.put("W" + (i + 1), Arrays2D.array(weights[i]));
            params.put("b" + (i + 1), Arrays2D.array(column(biases[i])));
        }
        return params;
    }

    /** The values of parameter "W1", "b1", … (b as a column), a copy. */
    public double[][] parameter(String name) {
        int layer = layerOf(name);
        return name.startsWith("W") ? Arrays2D.copy(weights[layer - 1]) : column(biases[layer - 1]);
    }

    /** Parameter names in order W1, b1, W2, b2, …. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= weights.length; i++) {
            names.add("W" + i);
            names.add("b" + i);
        }
        return names;
    }

    /**
     * Every intermediate value of a forward pass.
     *
     * @param z z.get(i) is Z_i for i = 1 … L (index 0 unused, null)
     * @param a a.get(i) is A_i, a.get(0) = X
     */
    public record Pass(List<double[][]> z, List<double[][]> a) {

        /** ŷ = A_L. */
        public double[][] output() {
            return a.get(a.size() - 1);
        }
    }

    /** Forward pass on X (features × m). */
    public Pass forward(double[][] x) {
        int m = x[0].length;
        List<double[][]> zs = new ArrayList<>();
        List<double[][]> as = new ArrayList<>();
        zs.add(null);
        as.add(Arrays2D.copy(x));
        double[][] a = x;
        for (int i = 0; i < weights.length; i++) {
            double[][] w = weights[i];
            double[][] z = new double[w.length][m];
            double[][] next = new double[w.length][m];
            boolean output = i == weights.length - 1;
            for (int r = 0; r < w.length; r++) {
                for (int s = 0; s < m; s++) {
                    double sum = 0;
                    for (int k = 0; k < w[r].length; k++) {
                        sum += w[r][k] * a[k][s];
                    }
                    z[r][s] = sum + biases[i][r];
                    next[r][s] = output || hidden == HiddenActivation.SIGMOID ? sigmoid(z[r][s]) : Math.max(0.0, z[r][s]);
                }
            }
            zs.add(z);
            as.add(next);
            a = next;
        }
        return new Pass(zs, as);
    }

    /** Mean binary cross-entropy of the output on labels Y (outputs × m), ŷ clipped to [1e-7, 1 − 1e-7]. */
    public double loss(double[][] x, double[][] y) {
        return meanBce(y, forward(x).output());
    }

    /** The loss with element [r, c] of parameter {@code name} set to {@code value} (the network is left as it was). */
    public double lossWith(String name, int r, int c, double value, double[][] x, double[][] y) {
        int layer = layerOf(name);
        boolean isWeight = name.startsWith("W");
        double original = isWeight ? weights[layer - 1][r][c] : biases[layer - 1][r];
        set(layer, isWeight, r, c, value);
        try {
            return loss(x, y);
        } finally {
            set(layer, isWeight, r, c, original);
        }
    }

    /** Central differences (L(θ + ε) − L(θ − ε)) / 2ε of every element of parameter {@code name}. */
    public double[][] numericalGradient(String name, double[][] x, double[][] y, double epsilon) {
        double[][] values = parameter(name);
        double[][] gradient = new double[values.length][values[0].length];
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                double plus = lossWith(name, r, c, values[r][c] + epsilon, x, y);
                double minus = lossWith(name, r, c, values[r][c] - epsilon, x, y);
                gradient[r][c] = (plus - minus) / (2 * epsilon);
            }
        }
        return gradient;
    }

    /** {@link #numericalGradient} of every parameter, in the order W1, b1, W2, b2, …. */
    public Map<String, double[][]> numericalGradients(double[][] x, double[][] y, double epsilon) {
        Map<String, double[][]> gradients = new LinkedHashMap<>();
        for (String name : names()) {
            gradients.put(name, numericalGradient(name, x, y, epsilon));
        }
        return gradients;
    }

    /**
     * The analytical gradients by the notebook's backward pass, in plain loops: dZ_L = A_L − Y,
     * dW_i = dZ_i·A_{i−1}ᵀ / m, db_i = row means of dZ_i, dZ_{i−1} = W_iᵀ·dZ_i ∘ g'(Z_{i−1}) with ReLU'(0) = 0.
     */
    public Map<String, double[][]> backward(double[][] x, double[][] y) {
        Pass pass = forward(x);
        int m = x[0].length;
        int layers = weights.length;
        double[][] dz = new double[sizes[layers]][m];
        for (int r = 0; r < dz.length; r++) {
            for (int s = 0; s < m; s++) {
                dz[r][s] = pass.output()[r][s] - y[r][s];
            }
        }
        Map<String, double[][]> reversed = new LinkedHashMap<>();
        for (int i = layers; i >= 1; i--) {
            double[][] aPrev = pass.a().get(i - 1);
            double[][] dw = new double[sizes[i]][sizes[i - 1]];
            double[][] db = new double[sizes[i]][1];
            for (int r = 0; r < sizes[i]; r++) {
                for (int s = 0; s < m; s++) {
                    db[r][0] += dz[r][s] / m;
                    for (int k = 0; k < sizes[i - 1]; k++) {
                        dw[r][k] += dz[r][s] * aPrev[k][s] / m;
                    }
                }
            }
            reversed.put("W" + i, dw);
            reversed.put("b" + i, db);
            if (i > 1) {
                double[][] w = weights[i - 1];
                double[][] zPrev = pass.z().get(i - 1);
                double[][] next = new double[sizes[i - 1]][m];
                for (int k = 0; k < sizes[i - 1]; k++) {
                    for (int s = 0; s < m; s++) {
                        double sum = 0;
                        for (int r = 0; r < sizes[i]; r++) {
                            sum += w[r][k] * dz[r][s];
                        }
                        double derivative;
                        if (hidden == HiddenActivation.SIGMOID) {
                            double sig = sigmoid(zPrev[k][s]);
                            derivative = sig * (1 - sig);
                        } else {
                            derivative = zPrev[k][s] > 0 ? 1.0 : 0.0;
                        }
                        next[k][s] = sum * derivative;
                    }
                }
                dz = next;
            }
        }
        Map<String, double[][]> ordered = new LinkedHashMap<>();
        for (String name : names()) {
            ordered.put(name, reversed.get(name));
        }
        return ordered;
    }

    /** A new network θ − α·g for every parameter (g by name, as {@link #backward} returns them). */
    public PlainNetwork minus(Map<String, double[][]> gradients, double learningRate) {
        double[][][] w = new double[weights.length][][];
        double[][] b = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            double[][] dw = gradients.get("W" + (i + 1));
            double[][] db = gradients.get("b" + (i + 1));
            w[i] = Arrays2D.copy(weights[i]);
            b[i] = biases[i].clone();
            for (int r = 0; r < w[i].length; r++) {
                for (int c = 0; c < w[i][r].length; c++) {
                    w[i][r][c] -= learningRate * dw[r][c];
                }
                b[i][r] -= learningRate * db[r][0];
            }
        }
        return new PlainNetwork(hidden, w, b);
    }

    /**
     * This network with the last element of every weight matrix and bias vector replaced by a value for which
     * (θ − ε) + ε ≠ θ at every one of these ε (see {@link GradedCases#offRoundTrip}): a gradient check that
     * "restores" θ by adding ε back then leaves a trace in every parameter array.
     */
    public PlainNetwork withTraceValues(double... epsilons) {
        double[][][] w = new double[weights.length][][];
        double[][] b = new double[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            w[i] = Arrays2D.copy(weights[i]);
            b[i] = biases[i].clone();
            double[] lastRow = w[i][w[i].length - 1];
            lastRow[lastRow.length - 1] = GradedCases.offRoundTrip(-0.4999 + 1e-5 * i, epsilons);
            b[i][b[i].length - 1] = GradedCases.offRoundTrip(-0.49985 + 1e-5 * i, epsilons);
        }
        return new PlainNetwork(hidden, w, b);
    }

    /** A plain copy of a network's parameter map (W1, b1, … as INDArrays). */
    public static PlainNetwork of(Map<String, INDArray> parameters, HiddenActivation hidden) {
        int layers = parameters.size() / 2;
        double[][][] w = new double[layers][][];
        double[][] b = new double[layers][];
        for (int i = 0; i < layers; i++) {
            w[i] = Arrays2D.of(parameters.get("W" + (i + 1)));
            double[][] column = Arrays2D.of(parameters.get("b" + (i + 1)));
            b[i] = new double[column.length];
            for (int r = 0; r < column.length; r++) {
                b[i][r] = column[r][0];
            }
        }
        return new PlainNetwork(hidden, w, b);
    }

    /** The smallest |Z_i| of any hidden unit and sample: how far the batch stays from ReLU's kink at 0. */
    public double smallestHiddenMagnitude(double[][] x) {
        Pass pass = forward(x);
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < weights.length; i++) {
            for (double[] row : pass.z().get(i)) {
                for (double v : row) {
                    smallest = Math.min(smallest, Math.abs(v));
                }
            }
        }
        return smallest;
    }

    /** σ(z) with z clipped to [−500, 500]. */
    public static double sigmoid(double z) {
        double clipped = Math.max(-SIGMOID_CLIP, Math.min(SIGMOID_CLIP, z));
        return 1.0 / (1.0 + Math.exp(-clipped));
    }

    /** −(y·log p + (1 − y)·log(1 − p)) with p = ŷ clipped to [1e-7, 1 − 1e-7]. */
    public static double bce(double y, double yPred) {
        double p = Math.max(BCE_EPSILON, Math.min(1 - BCE_EPSILON, yPred));
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    /** The mean of {@link #bce} over all elements. */
    public static double meanBce(double[][] y, double[][] yPred) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < y[r].length; c++) {
                sum += bce(y[r][c], yPred[r][c]);
                count++;
            }
        }
        return sum / count;
    }

    private void set(int layer, boolean isWeight, int r, int c, double value) {
        if (isWeight) {
            weights[layer - 1][r][c] = value;
        } else {
            biases[layer - 1][r] = value;
        }
    }

    private int layerOf(String name) {
        if (name == null || name.length() < 2 || (name.charAt(0) != 'W' && name.charAt(0) != 'b')) {
            throw new IllegalArgumentException("not a parameter name: " + name);
        }
        int layer = Integer.parseInt(name.substring(1));
        if (layer < 1 || layer > weights.length) {
            throw new IllegalArgumentException("no layer " + layer + " in " + java.util.Arrays.toString(sizes));
        }
        return layer;
    }

    private static double[][] column(double[] values) {
        double[][] column = new double[values.length][1];
        for (int r = 0; r < values.length; r++) {
            column[r][0] = values[r];
        }
        return column;
    }
}
