package backproplab.gradcheck;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.gradcheck.GradientCheckResult.Row;
import backproplab.tinynet.TinyGradients;
import backproplab.tinynet.TinyNetwork;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Graded(points = 1, task = "gradcheck")
@DisplayName("Exercise 4 — gradient check of the tiny network")
class TinyGradientCheckTest {

    private static final String DOC = "docs/04-gradient-check.md#checking-the-tiny-network";

    /** The loss written out from the forward equations, as a function of the parameters. */
    private static double loss(double[] p, double x, double y) {
        double a1 = Math.max(0.0, p[0] * x + p[1]);
        double yPred = 1.0 / (1.0 + Math.exp(-(p[2] * a1 + p[3])));
        return -(y * Math.log(yPred) + (1.0 - y) * Math.log(1.0 - yPred));
    }

    private static double[] parameters(TinyNetwork net) {
        return new double[] {net.w1(), net.b1(), net.w2(), net.b2()};
    }

    /** A network whose backward pass returns dL/dw1 doubled: the check must catch it. */
    private static TinyNetwork withDoubledW1Gradient(double w1, double b1, double w2, double b2) {
        return new TinyNetwork(w1, b1, w2, b2) {
            private TinyGradients planted;

            @Override
            public TinyGradients backward(double y) {
                TinyGradients right = super.backward(y);
                planted = new TinyGradients(2 * right.w1(), right.b1(), right.w2(), right.b2());
                return planted;
            }

            @Override
            public TinyGradients gradients() {
                return planted;
            }
        };
    }

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("w1=0.5, b1=0.1, w2=−0.8, b2=0.2, x=2, y=1", new TinyNetwork(0.5, 0.1, -0.8, 0.2), 2.0, 1.0),
                Arguments.of("seed 1, x=2, y=1", new TinyNetwork(1), 2.0, 1.0),
                Arguments.of("seed 7, x=1.5, y=0", new TinyNetwork(7), 1.5, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    @DisplayName("check passes on a correct network, with one row per parameter in the order w1, b1, w2, b2")
    void passesOnCorrectNetwork(String label, TinyNetwork net, double x, double y) {
        GradientCheckResult result = TinyGradientCheck.check(net, x, y, 1e-6);

        assertThat(result.rows()).extracting(Row::parameter)
                .as("TinyGradientCheck.check for %s: expected rows w1, b1, w2, b2 — one per name in TinyNetwork.PARAMETER_NAMES (%s)", label, DOC)
                .containsExactly("w1", "b1", "w2", "b2");
        assertThat(result.passed()).as("TinyGradientCheck.check for %s: expected the check to pass on a correct network; got%n%s%n(%s)", label, result, DOC)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    @DisplayName("each numerical gradient is the central difference (L(θ + ε) − L(θ − ε)) / 2ε of the loss")
    void numericalColumnIsCentralDifference(String label, TinyNetwork net, double x, double y) {
        double epsilon = 1e-6;
        double[] p = parameters(net);

        GradientCheckResult result = TinyGradientCheck.check(net, x, y, epsilon);

        for (int i = 0; i < p.length; i++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += epsilon;
            minus[i] -= epsilon;
            double expected = (loss(plus, x, y) - loss(minus, x, y)) / (2 * epsilon);
            String name = TinyNetwork.PARAMETER_NAMES.get(i);
            assertThat(result.row(name).numerical())
                    .as("TinyGradientCheck.check for %s: numerical gradient of %s — expected about %s; nudge only that parameter, by +ε and −ε, and divide by 2ε (%s)",
                            label, name, expected, DOC)
                    .isCloseTo(expected, within(1e-7));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    @DisplayName("check puts every parameter back exactly as it was")
    void restoresParameters(String label, TinyNetwork net, double x, double y) {
        double[] before = parameters(net);

        TinyGradientCheck.check(net, x, y, 1e-6);

        assertThat(parameters(net)).as("TinyGradientCheck.check for %s changed the network: expected w1, b1, w2, b2 = %s afterwards — restore the saved value after each nudge (%s)",
                        label, java.util.Arrays.toString(before), DOC)
                .containsExactly(before);
    }

    @Test
    @DisplayName("check flags a backward pass that doubles dL/dw1, and only w1")
    void flagsDoubledW1Gradient() {
        TinyNetwork planted = withDoubledW1Gradient(0.5, 0.1, -0.8, 0.2);

        GradientCheckResult result = TinyGradientCheck.check(planted, 2.0, 1.0, 1e-6);

        assertThat(result.passed()).as("TinyGradientCheck.check on a network whose backward returns 2·dL/dw1: expected the check to FAIL; got%n%s%n"
                        + "— are the analytical gradients taken from net.backward(y)? (%s)", result, DOC)
                .isFalse();
        assertThat(result.failures()).extracting(Row::parameter)
                .as("TinyGradientCheck.check with a planted error in dL/dw1: expected only w1 to fail (%s)", DOC)
                .containsExactly("w1");
        assertThat(result.row("w1").relativeError()).as("TinyGradientCheck.check: relative error of a doubled gradient is |2g − g| / (|2g| + |g|) = 1/3 (%s)", DOC)
                .isCloseTo(1.0 / 3.0, within(1e-6));
    }
}
