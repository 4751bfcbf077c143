package backproplab.grader.suites.support;

import backproplab.datasets.NumpyRandom;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.scoring.KnownShapes;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A planted network case for the matrix suites: the suite's {@link PlainNetwork}, a batch X (features × m) and
 * labels Y (1 × m), all from one seed (drawn for the student by {@link #drawn}; the {@code name} in messages gives it), and the submission's {@code NeuralNetwork} holding the same
 * parameters (planted with the given {@code withParameters}, so that a wrong initialisation cannot hide or
 * cause a backward bug).
 */
public record Planted(String name, PlainNetwork plain, double[][] x, double[][] y, String label) {

    /** How many times a draw is made again when a drawn case is unusable (a hidden |Z| too close to ReLU's kink). */
    private static final int ATTEMPTS = 200;

    /** Weights randn · scale / √fanIn and biases randn · 0.3 from {@code seed}; X = 1.5 · randn from seed + 1; Y from seed + 2. */
    public static Planted of(long seed, HiddenActivation hidden, int batch, double weightScale, int... sizes) {
        PlainNetwork plain = PlainNetwork.random(seed, hidden, weightScale, 0.3, sizes);
        NumpyRandom rng = new NumpyRandom(seed + 1);
        double[][] x = rng.randn(sizes[0], batch);
        for (double[] row : x) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= 1.5;
            }
        }
        long[] labels = new NumpyRandom(seed + 2).randint(0, 2, batch);
        double[][] y = new double[1][batch];
        for (int i = 0; i < batch; i++) {
            y[0][i] = labels[i];
        }
        String label = Feedback.sizes(sizes) + " " + hidden + " hidden";
        String name = label + ", batch of " + batch + " (seed " + seed + ")";
        return new Planted(name, plain, x, y, label);
    }

    /**
     * A case drawn for this student ({@link HiddenSeeds}, the given purpose): the same for the same student seed,
     * another for another.
     */
    public static Planted drawn(String purpose, HiddenActivation hidden, int batch, double weightScale, int... sizes) {
        return of(HiddenSeeds.seed(purpose), hidden, batch, weightScale, sizes);
    }

    /**
     * A case drawn for this student with its batch size one of {@code batches}, drawn again (deterministically: the
     * purpose's next seed) while a ReLU case has a hidden |Z| below {@code margin}, where central differences straddle
     * the kink.
     *
     * @throws IllegalStateException if no draw is usable (a bug in the suite)
     */
    public static Planted drawnKinkFree(String purpose, HiddenActivation hidden, int[] batches, double weightScale,
                                        double margin, int... sizes) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long seed = HiddenSeeds.seed(purpose, attempt);
            int batch = batches[Math.floorMod(HiddenSeeds.derive(seed, "batch"), batches.length)];
            Planted p = of(seed, hidden, batch, weightScale, sizes);
            if (hidden != HiddenActivation.RELU || p.plain.smallestHiddenMagnitude(p.x) >= margin) {
                return p;
            }
        }
        throw new IllegalStateException("suite bug: no kink-free case for " + purpose + " in " + ATTEMPTS + " draws");
    }

    /** The same case under another label (the seed-independent name a parameterised test shows). */
    public Planted withLabel(String text) {
        return new Planted(name, plain, x, y, text);
    }

    /**
     * Fails loudly (a bug in the suite, not in the submission) when a hidden unit's Z is within {@code margin}
     * of ReLU's kink: central differences are only meaningful away from it.
     */
    public Planted requireKinkFree(double margin) {
        if (plain.hidden() == HiddenActivation.RELU && plain.smallestHiddenMagnitude(x) < margin) {
            throw new IllegalStateException("suite bug: planted case " + name + " has a hidden |Z| of "
                    + plain.smallestHiddenMagnitude(x) + " < " + margin + "; choose another seed");
        }
        return this;
    }

    /**
     * The case's label, as parameterised tests print it: sizes and activation, never the drawn seed or batch, so that
     * the test's name (and the build-time test plan) is the same for every student.
     */
    @Override
    public String toString() {
        return label;
    }

    /** m, the batch size. */
    public int batch() {
        return x[0].length;
    }

    /** A new {@code NeuralNetwork} with exactly the planted parameters (its sizes and the batch size become {@link KnownShapes}). */
    public NeuralNetwork network() {
        // An ND4J shape error in this test can then name its factors ("W2 · A1") by the network's sizes and the batch.
        KnownShapes.network(plain.sizes(), batch());
        return NeuralNetwork.withParameters(plain.parameters(), plain.hidden());
    }

    /** X as a new DOUBLE array. */
    public INDArray xArray() {
        return Arrays2D.array(x);
    }

    /** Y as a new DOUBLE array. */
    public INDArray yArray() {
        return Arrays2D.array(y);
    }

    /** The planted parameters as new arrays. */
    public Map<String, INDArray> parameters() {
        return plain.parameters();
    }
}
