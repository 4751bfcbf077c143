package backproplab.gradcheck;

import backproplab.activations.Activations;
import backproplab.gradcheck.GradientCheckResult.Row;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Gradient check for {@link TinyNetwork}: compares its backward pass with central differences of the
 * binary cross-entropy loss, parameter by parameter, as the notebook's {@code gradient_check} does.
 */
public final class TinyGradientCheck {

    private TinyGradientCheck() {
    }

    /** {@link #check(TinyNetwork, double, double, double)} with ε = {@link GradientCheckResult#EPSILON}. */
    public static GradientCheckResult check(TinyNetwork net, double x, double y) {
        return check(net, x, y, GradientCheckResult.EPSILON);
    }

    /**
     * Analytical gradients from {@code net.forward(x)} then {@code net.backward(y)}; numerical gradient of
     * every parameter θ in {@link TinyNetwork#PARAMETER_NAMES} by central differences
     * (L(θ + ε) − L(θ − ε)) / 2ε with L = binaryCrossEntropy(y, net.forward(x)). Each parameter is put back
     * to its original value after it was nudged, so the network ends as it started.
     *
     * @param net     the network to check; its parameters are unchanged afterwards
     * @param x       the input
     * @param y       the target, 0 or 1
     * @param epsilon the step ε, finite and &gt; 0
     * @return one row per parameter, in the order of {@link TinyNetwork#PARAMETER_NAMES}
     */
    public static GradientCheckResult check(TinyNetwork net, double x, double y, double epsilon) {
        Objects.requireNonNull(net, "net");
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        // BEGIN SOLUTION [gradcheck.tinyCheck] compare net.backward(y) with central differences of the loss for every parameter, restoring each one | docs/04-gradient-check.md#checking-the-tiny-network
        // HINT: run forward before backward; after nudging a parameter up and down, set it back to the value you saved.
        net.forward(x);
        TinyGradients analytical = net.backward(y);
        List<Row> rows = new ArrayList<>();
        for (String name : TinyNetwork.PARAMETER_NAMES) {
            double original = net.parameter(name);
            net.setParameter(name, original + epsilon);
            double lossPlus = Activations.binaryCrossEntropy(y, net.forward(x));
            net.setParameter(name, original - epsilon);
            double lossMinus = Activations.binaryCrossEntropy(y, net.forward(x));
            net.setParameter(name, original);
            rows.add(Row.of(name, analytical.get(name), (lossPlus - lossMinus) / (2 * epsilon)));
        }
        net.forward(x);
        return new GradientCheckResult(rows);
        // END SOLUTION
    }
}
