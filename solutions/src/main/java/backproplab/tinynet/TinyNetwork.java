package backproplab.tinynet;

import backproplab.activations.Activations;
import backproplab.datasets.NumpyRandom;
import java.util.List;

/**
 * The notebook's tiny network, one number per layer:
 * x → [w1, b1] → z1 → [ReLU] → a1 → [w2, b2] → z2 → [sigmoid] → ŷ → [binary cross-entropy] → L.
 *
 * <p>Use it as {@code forward(x)}, then {@code backward(y)}, then {@code update(learningRate)}.
 * Not thread-safe. Not final, so that a test can plant a wrong backward pass in a subclass.
 */
public class TinyNetwork {

    /** The parameter names, in the order they are drawn, checked and printed. */
    public static final List<String> PARAMETER_NAMES = List.of("w1", "b1", "w2", "b2");

    private static final double INIT_SCALE = 0.1;

    private double w1;
    private double b1;
    private double w2;
    private double b2;
    private TinyCache cache;
    private TinyGradients gradients;

    /**
     * Random start as in the notebook: w1 = 0.1·randn, b1 = 0, w2 = 0.1·randn, b2 = 0, the two normals
     * drawn in that order from {@code new NumpyRandom(seed)} (numpy: {@code np.random.seed(seed)}).
     */
    public TinyNetwork(long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        this.w1 = INIT_SCALE * random.standardNormal();
        this.b1 = 0.0;
        this.w2 = INIT_SCALE * random.standardNormal();
        this.b2 = 0.0;
    }

    /** A network with exactly these parameters. */
    public TinyNetwork(double w1, double b1, double w2, double b2) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /**
     * Forward pass, remembering every intermediate value in {@link #cache()}:
     * z1 = w1·x + b1, a1 = ReLU(z1), z2 = w2·a1 + b2, ŷ = σ(z2).
     *
     * @param x the input
     * @return the prediction ŷ, in [0, 1]
     */
    public double forward(double x) {
        // BEGIN SOLUTION [tinynet.forward] compute z1, a1, z2 and ŷ, store them in the cache, and return ŷ | docs/03-tiny-network.md#forward
        // HINT: use Activations.relu and Activations.sigmoid; the backward pass reads every value back from the cache.
        double z1 = w1 * x + b1;
        double a1 = Activations.relu(z1);
        double z2 = w2 * a1 + b2;
        double yPred = Activations.sigmoid(z2);
        cache = new TinyCache(x, z1, a1, z2, yPred);
        return yPred;
        // END SOLUTION
    }

    /**
     * Backward pass by the chain rule, from the loss back to every parameter, for the input of the last
     * {@link #forward(double)}; also stored for {@link #gradients()} and {@link #update(double)}:
     * <pre>
     * dL/dz2 = ŷ − y                  (sigmoid and binary cross-entropy together)
     * dL/dw2 = dL/dz2 · a1            dL/db2 = dL/dz2
     * dL/da1 = dL/dz2 · w2
     * dL/dz1 = dL/da1 · ReLU'(z1)
     * dL/dw1 = dL/dz1 · x             dL/db1 = dL/dz1
     * </pre>
     *
     * @param y the target, 0 or 1
     * @return the four gradients
     * @throws IllegalStateException if {@link #forward(double)} was not called first
     */
    public TinyGradients backward(double y) {
        TinyCache c = cache();
        // BEGIN SOLUTION [tinynet.backward] apply the chain rule from dL/dz2 = ŷ − y back to dL/dw1, store the gradients and return them | docs/03-tiny-network.md#backward
        // HINT: go from the end backwards; every gradient is the one after it times one local derivative.
        double dz2 = c.yPred() - y;
        double dw2 = dz2 * c.a1();
        double db2 = dz2;
        double da1 = dz2 * w2;
        double dz1 = da1 * Activations.reluDerivative(c.z1());
        double dw1 = dz1 * c.x();
        double db1 = dz1;
        gradients = new TinyGradients(dw1, db1, dw2, db2);
        return gradients;
        // END SOLUTION
    }

    /**
     * Gradient descent step with the gradients of the last {@link #backward(double)}: θ ← θ − α·dL/dθ
     * for θ in w1, b1, w2, b2.
     *
     * @param learningRate the step size α
     * @throws IllegalStateException if {@link #backward(double)} was not called first
     */
    public void update(double learningRate) {
        TinyGradients g = gradients();
        // BEGIN SOLUTION [tinynet.update] move each of w1, b1, w2, b2 against its gradient by learningRate times the gradient | docs/03-tiny-network.md#update
        // HINT: minus, not plus: the gradient points uphill.
        w1 -= learningRate * g.w1();
        b1 -= learningRate * g.b1();
        w2 -= learningRate * g.w2();
        b2 -= learningRate * g.b2();
        // END SOLUTION
    }

    /**
     * The values of the last forward pass.
     *
     * @throws IllegalStateException if {@link #forward(double)} was not called yet
     */
    public TinyCache cache() {
        if (cache == null) {
            throw new IllegalStateException("TinyNetwork: no forward pass yet; call forward(x) before cache() or backward(y).");
        }
        return cache;
    }

    /**
     * The gradients of the last backward pass.
     *
     * @throws IllegalStateException if {@link #backward(double)} was not called yet
     */
    public TinyGradients gradients() {
        if (gradients == null) {
            throw new IllegalStateException("TinyNetwork: no backward pass yet; call forward(x) and backward(y) before gradients() or update(learningRate).");
        }
        return gradients;
    }

    /**
     * The parameter with this name.
     *
     * @param name one of {@link #PARAMETER_NAMES}
     * @throws IllegalArgumentException for any other name
     */
    public double parameter(String name) {
        return switch (checkedName(name)) {
            case "w1" -> w1;
            case "b1" -> b1;
            case "w2" -> w2;
            default -> b2;
        };
    }

    /**
     * Sets the parameter with this name (the gradient check nudges one parameter at a time).
     *
     * @param name  one of {@link #PARAMETER_NAMES}
     * @param value the new value
     * @throws IllegalArgumentException for any other name
     */
    public void setParameter(String name, double value) {
        switch (checkedName(name)) {
            case "w1" -> w1 = value;
            case "b1" -> b1 = value;
            case "w2" -> w2 = value;
            default -> b2 = value;
        }
    }

    /** The hidden weight w1. */
    public double w1() {
        return w1;
    }

    /** The hidden bias b1. */
    public double b1() {
        return b1;
    }

    /** The output weight w2. */
    public double w2() {
        return w2;
    }

    /** The output bias b2. */
    public double b2() {
        return b2;
    }

    @Override
    public String toString() {
        return "TinyNetwork[w1=" + w1 + ", b1=" + b1 + ", w2=" + w2 + ", b2=" + b2 + "]";
    }

    static String checkedName(String name) {
        if (!PARAMETER_NAMES.contains(name)) {
            throw new IllegalArgumentException("Unknown TinyNetwork parameter '" + name + "'; valid names are " + PARAMETER_NAMES + ".");
        }
        return name;
    }
}
