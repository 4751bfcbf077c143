package backproplab.network;

import backproplab.activations.Activations;
import backproplab.datasets.NumpyRandom;
import backproplab.runtime.Backend;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected network trained with backpropagation, vectorised over a batch (notebook section 5).
 *
 * <p>Layout: the input X is (features × m), one column per sample; layer i has weights W<sub>i</sub> of shape
 * (n<sub>i</sub> × n<sub>i−1</sub>) and biases b<sub>i</sub> of shape (n<sub>i</sub> × 1). The hidden layers use
 * {@link HiddenActivation} g (ReLU by default), the output layer a sigmoid:
 * <pre>
 *   Z_i = W_i · A_{i−1} + b_i        A_0 = X
 *   A_i = g(Z_i)  for i &lt; L,         A_L = σ(Z_L) = ŷ
 * </pre>
 * Parameters are named "W1", "b1", "W2", … ; the forward cache holds "A0", "Z1", "A1", … ; gradients use the
 * parameter names ("W1" holds dL/dW1). The arrays handed out by the accessors are the live ones, not copies: a
 * later pass may change them.
 */
public final class NeuralNetwork {

    static {
        Backend.init();
    }

    private final int[] layerSizes;
    private final int numLayers;
    private final HiddenActivation hiddenActivation;
    /** W1, b1, W2, b2, … — the notebook's {@code self.params}. */
    private final Map<String, INDArray> params = new LinkedHashMap<>();
    /** A0, Z1, A1, … — the notebook's {@code self.cache}, refilled by every forward pass. */
    private final Map<String, INDArray> cache = new LinkedHashMap<>();
    /** W1, b1, … → dL/dW1, dL/db1, … — the notebook's {@code self.gradients}, refilled by every backward pass. */
    private final Map<String, INDArray> gradients = new LinkedHashMap<>();
    /**
     * The arrays forward and backward write into, kept from one pass to the next with as many samples: the cache's
     * A0, Z1, A1, …, the gradients dW1 ("dW1"), db1 ("db1"), …, and work arrays never handed out (a row of ones, dZ2,
     * gPrime1, …). A speed-up only: the values are those of new arrays.
     */
    private final Map<String, INDArray> workArrays = new LinkedHashMap<>();

    /**
     * The notebook's network: ReLU hidden layers, sigmoid output, He initialisation, weights drawn layer by layer
     * from {@code new NumpyRandom(seed)}, so {@code new NeuralNetwork(42, 2, 8, 8, 1)} has exactly the weights of
     * {@code np.random.seed(42); NeuralNetwork([2, 8, 8, 1])}.
     *
     * @param seed       numpy seed, 0 .. 2^32 − 1
     * @param layerSizes [input size, hidden sizes…, output size], at least two sizes, each 1 or more
     */
    public NeuralNetwork(long seed, int... layerSizes) {
        this(seed, HiddenActivation.RELU, Initializers.HE, layerSizes);
    }

    /**
     * A network with the given hidden activation and weight initialisation. For each layer i = 1 … L, in order:
     * W_i = init.weights(n_i, n_{i−1}, rng), b_i = zeros(n_i, 1), with rng = {@code new NumpyRandom(seed)}.
     *
     * @param seed       numpy seed, 0 .. 2^32 − 1
     * @param hidden     activation of the hidden layers
     * @param init       how to draw each weight matrix
     * @param layerSizes [input size, hidden sizes…, output size], at least two sizes, each 1 or more
     */
    public NeuralNetwork(long seed, HiddenActivation hidden, Initializer init, int... layerSizes) {
        this(hidden, validSizes(layerSizes));
        Objects.requireNonNull(init, "init (the weight initializer) must not be null");
        NumpyRandom rng = new NumpyRandom(seed);
        for (int i = 1; i <= numLayers; i++) {
            INDArray weights = init.weights(this.layerSizes[i], this.layerSizes[i - 1], rng);
            requireShape(weights, this.layerSizes[i], this.layerSizes[i - 1],
                    "the initializer's weights for W" + i + " (fanOut × fanIn)");
            params.put("W" + i, asDouble(weights));
            params.put("b" + i, Nd4j.zeros(DataType.DOUBLE, this.layerSizes[i], 1));
        }
    }

    private NeuralNetwork(HiddenActivation hidden, int[] layerSizes) {
        this.hiddenActivation = Objects.requireNonNull(hidden, "hidden activation must not be null");
        this.layerSizes = layerSizes;
        this.numLayers = layerSizes.length - 1;
    }

    /**
     * A network with exactly these parameters (copied), for example to plant known weights in a test. The layer
     * sizes are read from the shapes: W_i must be (n_i × n_{i−1}) and b_i (n_i × 1), for i = 1 … L, with no gaps.
     *
     * @param params W1, b1, W2, b2, … (any map order)
     * @param hidden activation of the hidden layers
     * @return a new network that owns copies of the arrays
     */
    public static NeuralNetwork withParameters(Map<String, INDArray> params, HiddenActivation hidden) {
        Objects.requireNonNull(params, "params must not be null");
        int layers = 0;
        while (params.containsKey("W" + (layers + 1))) {
            layers++;
        }
        if (layers == 0 || params.size() != 2 * layers) {
            throw new IllegalArgumentException("withParameters expects W1, b1, …, WL, bL with no gaps and nothing else;"
                    + " got " + params.keySet());
        }
        int[] sizes = new int[layers + 1];
        sizes[0] = (int) requireMatrix(params.get("W1"), "W1").size(1);
        for (int i = 1; i <= layers; i++) {
            INDArray w = requireMatrix(params.get("W" + i), "W" + i);
            sizes[i] = (int) w.size(0);
            requireShape(w, sizes[i], sizes[i - 1], "W" + i);
            requireShape(requireMatrix(params.get("b" + i), "b" + i), sizes[i], 1, "b" + i);
        }
        NeuralNetwork network = new NeuralNetwork(hidden, validSizes(sizes));
        for (int i = 1; i <= layers; i++) {
            network.params.put("W" + i, asDouble(params.get("W" + i)).dup());
            network.params.put("b" + i, asDouble(params.get("b" + i)).dup());
        }
        return network;
    }

    /**
     * Forward pass: for i = 1 … L, Z_i = W_i · A_{i−1} + b_i, A_i = g(Z_i) for hidden layers and
     * A_L = σ(Z_L) for the output. Caches A0 (a copy of X), Z_i and A_i. The next forward pass may write its values
     * into these same arrays (an implementation may reuse them while the number of samples stays the same), so
     * {@code dup()} a cached array or the returned ŷ to keep its values for later.
     *
     * @param X input, (features × m) with features = {@code layerSizes()[0]}; not modified
     * @return A_L = ŷ, (outputs × m), the cached array itself
     */
    public INDArray forward(INDArray X) {
        Objects.requireNonNull(X, "X must not be null");
        if (X.rank() != 2 || X.size(0) != layerSizes[0]) {
            throw new IllegalArgumentException("NeuralNetwork.forward: X must be (features × samples) = ("
                    + layerSizes[0] + " × m), but got shape " + Arrays.toString(X.shape())
                    + (X.rank() == 2 && X.size(1) == layerSizes[0] ? " — it looks like samples × features: pass X.transpose()" : "")
                    + ". One column per sample, one row per input feature (notebook section 5).");
        }
        cache.clear();
        cache.put("A0", workArray("A0", X.shape()).assign(asDouble(X)));
        // HINT: b_i is a column (n_i × 1); it must be added to every column of W_i · A_{i−1}.
        throw new UnsupportedOperationException("TODO [network.forward]: compute Z_i = W_i · A_{i−1} + b_i and A_i = g(Z_i) (sigmoid for the last layer), caching every Z_i and A_i. See docs/06-neural-network.md#forward");
    }

    /**
     * Backward pass over the batch cached by the last {@link #forward}, with m = number of samples:
     * <pre>
     *   dZ_L     = A_L − Y                        (sigmoid + binary cross-entropy)
     *   dW_i     = (1/m) · dZ_i · A_{i−1}ᵀ
     *   db_i     = (1/m) · Σ_samples dZ_i         (n_i × 1)
     *   dA_{i−1} = W_iᵀ · dZ_i
     *   dZ_{i−1} = dA_{i−1} ∘ g'(Z_{i−1})          g' = ReLU' or σ(Z)(1 − σ(Z))
     * </pre>
     * Stores dW_i and db_i as gradients "W1", "b1", …; parameters are not changed. The next backward pass may write
     * into these same arrays (an implementation may reuse them while the number of samples stays the same), so
     * {@code dup()} a gradient to keep its values for later.
     *
     * @param Y labels, same shape as the last output (outputs × m); not modified
     * @throws IllegalStateException if {@link #forward} has not run yet
     */
    public void backward(INDArray Y) {
        Objects.requireNonNull(Y, "Y must not be null");
        INDArray output = cache.get("A" + numLayers);
        if (output == null) {
            throw new IllegalStateException("NeuralNetwork.backward: there is no forward cache yet."
                    + " Call forward(X) first: backward needs A_L, every Z_i and every A_i of that pass.");
        }
        if (!Arrays.equals(Y.shape(), output.shape())) {
            throw new IllegalArgumentException("NeuralNetwork.backward: Y must have the shape of the last output "
                    + Arrays.toString(output.shape()) + " (outputs × samples), but got " + Arrays.toString(Y.shape())
                    + ". Pass labels as one row with a column per sample.");
        }
        gradients.clear();
        // HINT: db_i must stay a column (n_i × 1): average over the samples axis and keep that dimension; for SIGMOID layers the cached A_{i−1} already is σ(Z_{i−1}).
        throw new UnsupportedOperationException("TODO [network.backward]: start from dZ_L = A_L − Y, then for i = L … 1 store dW_i = dZ·A_{i−1}ᵀ/m and db_i = mean of dZ over samples, and pass dZ back through W_iᵀ and g'. See docs/06-neural-network.md#backward");
    }

    /**
     * Gradient descent step on every parameter, in place: W_i ← W_i − α · dW_i and b_i ← b_i − α · db_i.
     *
     * @param learningRate α, a finite number
     * @throws IllegalStateException if {@link #backward} has not run yet
     */
    public void update(double learningRate) {
        if (!Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("NeuralNetwork.update: the learning rate must be finite, but was " + learningRate);
        }
        if (gradients.isEmpty()) {
            throw new IllegalStateException("NeuralNetwork.update: there are no gradients yet. Call forward(X), then backward(Y), then update(α).");
        }
        // HINT: parameters() hands out the live arrays, so change them in place instead of replacing them with new arrays.
        throw new UnsupportedOperationException("TODO [network.update]: W_i ← W_i − α·dW_i and b_i ← b_i − α·db_i for every layer, changing the parameter arrays in place. See docs/06-neural-network.md#update");
    }

    /** The live parameter array "W1", "b1", … (changes when the network trains). */
    public INDArray parameter(String name) {
        return lookup(params, name, "parameter", "W1 … W" + numLayers + " and b1 … b" + numLayers, "");
    }

    /** The live gradient dL/d(name) from the last {@link #backward}, e.g. {@code gradient("W1")}. */
    public INDArray gradient(String name) {
        return lookup(gradients, name, "gradient", "W1 … W" + numLayers + " and b1 … b" + numLayers,
                " Gradients exist after backward(Y).");
    }

    /** The cached array "A0", "Z1", "A1", … from the last {@link #forward}. */
    public INDArray cached(String name) {
        return lookup(cache, name, "cached value", "A0 … A" + numLayers + " and Z1 … Z" + numLayers,
                " The cache is filled by forward(X).");
    }

    /** All parameters in the order W1, b1, W2, b2, …: an unmodifiable map of the live arrays. */
    public Map<String, INDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    /** All gradients of the last {@link #backward} in the order W1, b1, W2, b2, … (live arrays; empty before backward). */
    public Map<String, INDArray> gradients() {
        Map<String, INDArray> ordered = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (gradients.containsKey(name)) {
                ordered.put(name, gradients.get(name));
            }
        }
        return Collections.unmodifiableMap(ordered);
    }

    /** [input size, hidden sizes…, output size] (a copy). */
    public int[] layerSizes() {
        return layerSizes.clone();
    }

    /** L, the number of weight layers (layer sizes minus one). */
    public int layerCount() {
        return numLayers;
    }

    /** The activation of the hidden layers. */
    public HiddenActivation hiddenActivation() {
        return hiddenActivation;
    }

    @Override
    public String toString() {
        return "NeuralNetwork" + Arrays.toString(layerSizes) + " (" + hiddenActivation + " hidden, sigmoid output)";
    }

    private static INDArray lookup(Map<String, INDArray> map, String name, String what, String valid, String note) {
        INDArray value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No " + what + " named '" + name + "'. Valid names: " + valid + "."
                    + (map.isEmpty() ? note : " Present now: " + map.keySet() + "."));
        }
        return value;
    }

    /** A row of m ones (1 × m), made once per batch size; nothing writes into it. */
    private INDArray onesRow(long m) {
        return kept("ones", new long[] {1, m}, shape -> Nd4j.ones(DataType.DOUBLE, shape));
    }

    /**
     * The kept array {@code name} that forward or backward writes into: made on first use and again when the batch
     * size changes, otherwise the same array, overwritten by every pass.
     */
    private INDArray workArray(String name, long[] shape) {
        return kept(name, shape, size -> Nd4j.createUninitialized(DataType.DOUBLE, size));
    }

    /** The work array {@code name} if it has this shape, else a new one from {@code make}, kept for the next pass. */
    private INDArray kept(String name, long[] shape, Function<long[], INDArray> make) {
        INDArray array = workArrays.get(name);
        if (array == null || !Arrays.equals(array.shape(), shape)) {
            array = make.apply(shape);
            workArrays.put(name, array);
        }
        return array;
    }

    private static int[] validSizes(int[] layerSizes) {
        if (layerSizes == null || layerSizes.length < 2) {
            throw new IllegalArgumentException("A network needs at least two layer sizes [inputs, …, outputs], but got "
                    + Arrays.toString(layerSizes) + ".");
        }
        for (int size : layerSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("Every layer size must be 1 or more, but got " + Arrays.toString(layerSizes) + ".");
            }
        }
        return layerSizes.clone();
    }

    private static INDArray requireMatrix(INDArray array, String name) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (array.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix (rank 2), but has shape " + Arrays.toString(array.shape()));
        }
        return array;
    }

    private static void requireShape(INDArray array, long rows, long cols, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " is null; expected shape (" + rows + ", " + cols + ")");
        }
        if (array.rank() != 2 || array.size(0) != rows || array.size(1) != cols) {
            throw new IllegalArgumentException(what + ": expected shape (" + rows + ", " + cols + "), but got "
                    + Arrays.toString(array.shape()) + ".");
        }
    }

    private static INDArray asDouble(INDArray array) {
        return array.dataType() == DataType.DOUBLE ? array : array.castTo(DataType.DOUBLE);
    }
}
