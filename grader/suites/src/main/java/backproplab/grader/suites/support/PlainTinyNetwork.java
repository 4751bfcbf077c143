package backproplab.grader.suites.support;

import backproplab.tinynet.TinyCache;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import java.util.function.UnaryOperator;

/**
 * A {@link TinyNetwork} whose forward, backward and update are the suite's own (plain formulas), so that a
 * test of the submission's gradient checker or training loop does not depend on the submission's tiny
 * network. Only the given code of TinyNetwork is used (constructor, parameter getters and setters). A
 * {@code distortion} plants a wrong backward pass: it is applied to the correct gradients.
 */
public class PlainTinyNetwork extends TinyNetwork {

    private final UnaryOperator<TinyGradients> distortion;
    private TinyCache lastCache;
    private TinyGradients lastGradients;

    /** A correct network with these parameters. */
    public PlainTinyNetwork(double w1, double b1, double w2, double b2) {
        this(w1, b1, w2, b2, UnaryOperator.identity());
    }

    /** A network whose backward pass returns {@code distortion} of the correct gradients. */
    public PlainTinyNetwork(double w1, double b1, double w2, double b2, UnaryOperator<TinyGradients> distortion) {
        super(w1, b1, w2, b2);
        this.distortion = distortion;
    }

    @Override
    public double forward(double x) {
        lastCache = cacheOf(w1(), b1(), w2(), b2(), x);
        return lastCache.yPred();
    }

    @Override
    public TinyGradients backward(double y) {
        if (lastCache == null) {
            throw new IllegalStateException("TinyNetwork.backward was called before any forward: call net.forward(x) first, then net.backward(y), then net.update(α) (docs/03-tiny-network.md)");
        }
        lastGradients = distortion.apply(gradientsOf(w1(), b1(), w2(), b2(), lastCache.x(), y));
        return lastGradients;
    }

    @Override
    public void update(double learningRate) {
        if (lastGradients == null) {
            throw new IllegalStateException("TinyNetwork.update was called before any backward: the update needs the gradients of net.backward(y), called after net.forward(x) (docs/03-tiny-network.md)");
        }
        setParameter("w1", w1() - learningRate * lastGradients.w1());
        setParameter("b1", b1() - learningRate * lastGradients.b1());
        setParameter("w2", w2() - learningRate * lastGradients.w2());
        setParameter("b2", b2() - learningRate * lastGradients.b2());
    }

    @Override
    public TinyCache cache() {
        if (lastCache == null) {
            throw new IllegalStateException("TinyNetwork.cache() was read before any forward: call net.forward(x) first (docs/03-tiny-network.md)");
        }
        return lastCache;
    }

    @Override
    public TinyGradients gradients() {
        if (lastGradients == null) {
            throw new IllegalStateException("TinyNetwork.gradients() was read before any backward: call net.forward(x), then net.backward(y) first (docs/03-tiny-network.md)");
        }
        return lastGradients;
    }

    /** z1 = w1·x + b1, a1 = ReLU(z1), z2 = w2·a1 + b2, ŷ = σ(z2). */
    public static TinyCache cacheOf(double w1, double b1, double w2, double b2, double x) {
        double z1 = w1 * x + b1;
        double a1 = Math.max(0.0, z1);
        double z2 = w2 * a1 + b2;
        return new TinyCache(x, z1, a1, z2, PlainNetwork.sigmoid(z2));
    }

    /** The loss BCE(y, ŷ) of these parameters on (x, y). */
    public static double loss(double w1, double b1, double w2, double b2, double x, double y) {
        return PlainNetwork.bce(y, cacheOf(w1, b1, w2, b2, x).yPred());
    }

    /** The loss with parameter {@code name} replaced by {@code value}. */
    public static double loss(double[] p, String name, double value, double x, double y) {
        double[] q = p.clone();
        q[index(name)] = value;
        return loss(q[0], q[1], q[2], q[3], x, y);
    }

    /** The chain rule of the notebook: dz2 = ŷ − y, dw2 = dz2·a1, db2 = dz2, dz1 = dz2·w2·ReLU'(z1), dw1 = dz1·x, db1 = dz1. */
    public static TinyGradients gradientsOf(double w1, double b1, double w2, double b2, double x, double y) {
        TinyCache c = cacheOf(w1, b1, w2, b2, x);
        double dz2 = c.yPred() - y;
        double dz1 = dz2 * w2 * (c.z1() > 0 ? 1.0 : 0.0);
        return new TinyGradients(dz1 * x, dz1, dz2 * c.a1(), dz2);
    }

    /** Index of w1, b1, w2, b2 in {@code [w1, b1, w2, b2]}. */
    public static int index(String name) {
        return switch (name) {
            case "w1" -> 0;
            case "b1" -> 1;
            case "w2" -> 2;
            case "b2" -> 3;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
