package backproplab.tinynet;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Graded(points = 1, task = "tinynet")
@DisplayName("Exercise 3 — the tiny 1→1→1 network")
class TinyNetworkTest {

    private static final String DOC = "docs/03-tiny-network.md";

    /** The loss as a plain function of the parameters, written out from the forward equations. */
    private static double loss(double w1, double b1, double w2, double b2, double x, double y) {
        double a1 = Math.max(0.0, w1 * x + b1);
        double yPred = 1.0 / (1.0 + Math.exp(-(w2 * a1 + b2)));
        return -(y * Math.log(yPred) + (1.0 - y) * Math.log(1.0 - yPred));
    }

    /** Central difference of {@link #loss} in parameter {@code index} (0 = w1, 1 = b1, 2 = w2, 3 = b2). */
    private static double numericalGradient(double[] p, int index, double x, double y) {
        double h = 1e-6;
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[index] += h;
        minus[index] -= h;
        return (loss(plus[0], plus[1], plus[2], plus[3], x, y) - loss(minus[0], minus[1], minus[2], minus[3], x, y)) / (2 * h);
    }

    private static double[] parameters(TinyNetwork net) {
        return new double[] {net.w1(), net.b1(), net.w2(), net.b2()};
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("w1=0.5, b1=0.1, w2=−0.8, b2=0.2, x=2, y=1", new TinyNetwork(0.5, 0.1, -0.8, 0.2), 2.0, 1.0),
                Arguments.of("w1=1.3, b1=−0.2, w2=0.7, b2=−0.4, x=0.5, y=0", new TinyNetwork(1.3, -0.2, 0.7, -0.4), 0.5, 0.0),
                Arguments.of("w1=−0.3, b1=0.05, w2=1.2, b2=−0.1, x=1.5, y=1 (ReLU off)", new TinyNetwork(-0.3, 0.05, 1.2, -0.1), 1.5, 1.0),
                Arguments.of("seed 7, x=3, y=0", new TinyNetwork(7), 3.0, 0.0),
                Arguments.of("seed 1, x=1, y=1", new TinyNetwork(1), 1.0, 1.0));
    }

    @Test
    @DisplayName("forward computes z1 = w1·x + b1, a1 = ReLU(z1), z2 = w2·a1 + b2, ŷ = σ(z2) and caches them")
    void forwardComputesAndCaches() {
        TinyNetwork net = new TinyNetwork(0.5, 0.1, -0.8, 0.2);
        double z1 = 0.5 * 2.0 + 0.1;
        double z2 = -0.8 * z1 + 0.2;
        double yPred = 1.0 / (1.0 + Math.exp(-z2));

        double result = net.forward(2.0);
        TinyCache cache = net.cache();

        assertThat(result).as("TinyNetwork.forward(2) with w1=0.5, b1=0.1, w2=−0.8, b2=0.2: expected ŷ = σ(−0.68) = %s (%s#forward)", yPred, DOC)
                .isCloseTo(yPred, within(1e-12));
        assertThat(cache.x()).as("TinyNetwork.cache().x(): expected the input 2.0 (%s#forward)", DOC).isCloseTo(2.0, within(0.0));
        assertThat(cache.z1()).as("TinyNetwork.cache().z1(): expected w1·x + b1 = %s (%s#forward)", z1, DOC).isCloseTo(z1, within(1e-12));
        assertThat(cache.a1()).as("TinyNetwork.cache().a1(): expected ReLU(z1) = %s (%s#forward)", z1, DOC).isCloseTo(z1, within(1e-12));
        assertThat(cache.z2()).as("TinyNetwork.cache().z2(): expected w2·a1 + b2 = %s — multiply w2 by a1, not by z1 or x (%s#forward)", z2, DOC).isCloseTo(z2, within(1e-12));
        assertThat(cache.yPred()).as("TinyNetwork.cache().yPred(): expected the same ŷ that forward returned, %s (%s#forward)", yPred, DOC).isCloseTo(yPred, within(1e-12));
    }

    @Test
    @DisplayName("forward applies ReLU: a negative z1 gives a1 = 0 and ŷ = σ(b2)")
    void forwardAppliesRelu() {
        TinyNetwork net = new TinyNetwork(-0.3, 0.05, 1.2, -0.1);
        double expected = 1.0 / (1.0 + Math.exp(0.1));

        double result = net.forward(1.5);

        assertThat(net.cache().a1()).as("TinyNetwork.forward(1.5) with w1=−0.3, b1=0.05: z1 = −0.4, so expected a1 = ReLU(z1) = 0, got %s (%s#forward)", net.cache().a1(), DOC)
                .isEqualTo(0.0);
        assertThat(result).as("TinyNetwork.forward(1.5) with a dead hidden unit: expected ŷ = σ(b2) = σ(−0.1) = %s (%s#forward)", expected, DOC)
                .isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("backward returns the four gradients, agreeing with numerical derivatives of the loss computed in the test")
    void backwardMatchesNumericalGradients(String label, TinyNetwork net, double x, double y) {
        double[] p = parameters(net);
        String[] names = {"w1", "b1", "w2", "b2"};

        net.forward(x);
        TinyGradients grads = net.backward(y);
        double[] analytical = {grads.w1(), grads.b1(), grads.w2(), grads.b2()};

        for (int i = 0; i < names.length; i++) {
            double numerical = numericalGradient(p, i, x, y);
            assertThat(analytical[i])
                    .as("TinyNetwork.backward: dL/d%s for %s — expected about %s (central difference of the loss); compare with the chain rule in %s#backward",
                            names[i], label, numerical, DOC)
                    .isCloseTo(numerical, within(1e-6 * Math.max(1.0, Math.abs(numerical))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("backward starts from dL/dz2 = ŷ − y, so dL/db2 is exactly ŷ − y")
    void backwardStartsFromPredictionMinusTarget(String label, TinyNetwork net, double x, double y) {
        double yPred = net.forward(x);

        TinyGradients grads = net.backward(y);

        assertThat(grads.b2()).as("TinyNetwork.backward: dL/db2 for %s — expected dL/dz2 = ŷ − y = %s; sign: prediction minus target (%s#backward)", label, yPred - y, DOC)
                .isCloseTo(yPred - y, within(1e-12));
    }

    @Test
    @DisplayName("backward gives zero gradients for w1, b1 and w2 when the ReLU is off (z1 < 0)")
    void backwardThroughDeadRelu() {
        TinyNetwork net = new TinyNetwork(-0.3, 0.05, 1.2, -0.1);
        net.forward(1.5);

        TinyGradients grads = net.backward(1.0);

        assertThat(grads.w1()).as("TinyNetwork.backward: dL/dw1 with z1 = −0.4 < 0 — expected 0 because ReLU'(z1) = 0 (%s#backward)", DOC).isEqualTo(0.0);
        assertThat(grads.b1()).as("TinyNetwork.backward: dL/db1 with z1 = −0.4 < 0 — expected 0 because ReLU'(z1) = 0 (%s#backward)", DOC).isEqualTo(0.0);
        assertThat(grads.w2()).as("TinyNetwork.backward: dL/dw2 with z1 = −0.4 < 0 — expected 0 because a1 = 0; multiply by a1, not z1 (%s#backward)", DOC).isEqualTo(0.0);
    }

    @Test
    @DisplayName("backward stores its gradients (gradients()) and does not change the parameters")
    void backwardStoresGradientsOnly() {
        TinyNetwork net = new TinyNetwork(0.5, 0.1, -0.8, 0.2);
        net.forward(2.0);

        TinyGradients returned = net.backward(1.0);

        assertThat(net.gradients()).as("TinyNetwork.gradients() after backward: expected the gradients backward returned, %s (%s#backward)", returned, DOC)
                .isEqualTo(returned);
        assertThat(parameters(net)).as("TinyNetwork.backward changed the parameters: expected w1, b1, w2, b2 unchanged until update (%s#backward)", DOC)
                .containsExactly(0.5, 0.1, -0.8, 0.2);
    }

    @Test
    @DisplayName("update moves every parameter by −learningRate × its gradient")
    void updateStepsAgainstTheGradient() {
        TinyNetwork net = new TinyNetwork(0.5, 0.1, -0.8, 0.2);
        net.forward(2.0);
        TinyGradients g = net.backward(1.0);
        double lr = 0.25;

        net.update(lr);

        assertThat(net.w1()).as("TinyNetwork.update(0.25): expected w1 = 0.5 − 0.25·dL/dw1 = %s — minus, not plus (%s#update)", 0.5 - lr * g.w1(), DOC)
                .isCloseTo(0.5 - lr * g.w1(), within(1e-12));
        assertThat(net.b1()).as("TinyNetwork.update(0.25): expected b1 = 0.1 − 0.25·dL/db1 = %s (%s#update)", 0.1 - lr * g.b1(), DOC)
                .isCloseTo(0.1 - lr * g.b1(), within(1e-12));
        assertThat(net.w2()).as("TinyNetwork.update(0.25): expected w2 = −0.8 − 0.25·dL/dw2 = %s (%s#update)", -0.8 - lr * g.w2(), DOC)
                .isCloseTo(-0.8 - lr * g.w2(), within(1e-12));
        assertThat(net.b2()).as("TinyNetwork.update(0.25): expected b2 = 0.2 − 0.25·dL/db2 = %s (%s#update)", 0.2 - lr * g.b2(), DOC)
                .isCloseTo(0.2 - lr * g.b2(), within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("one small update lowers the loss on the same sample")
    void updateLowersTheLoss(String label, TinyNetwork net, double x, double y) {
        double before = loss(net.w1(), net.b1(), net.w2(), net.b2(), x, y);
        net.forward(x);
        net.backward(y);

        net.update(0.01);
        double after = loss(net.w1(), net.b1(), net.w2(), net.b2(), x, y);

        assertThat(after).as("TinyNetwork.update(0.01) for %s: expected the loss to drop below %s, got %s — check the sign of the step and of dL/dz2 (%s#update)", label, before, after, DOC)
                .isLessThan(before);
    }
}
