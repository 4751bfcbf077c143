package backproplab.chainrule;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Graded(points = 1, task = "chainrule")
@DisplayName("Exercise 1 — the chain rule on y = (3x + 2)²")
class ChainRuleTest {

    private static final String DOC = "docs/01-chain-rule.md";

    @Test
    @DisplayName("forward(1) gives u = 5 and y = 25, as in the notebook")
    void forwardAtOne() {
        ChainRule.Forward result = ChainRule.forward(1.0);

        assertThat(result.u()).as("ChainRule.forward(1).u(): expected u = 3·1 + 2 = 5 — u is the inner function g(x) = 3x + 2 (%s#forward)", DOC)
                .isCloseTo(5.0, within(1e-12));
        assertThat(result.y()).as("ChainRule.forward(1).y(): expected y = u² = 25 — y is the outer function f(u) = u² (%s#forward)", DOC)
                .isCloseTo(25.0, within(1e-12));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-2.5, -0.6666666666666666, 0.0, 0.3, 4.0})
    @DisplayName("forward(x) gives u = 3x + 2 and y = u² for negative, zero and positive x")
    void forwardAtSeveralPoints(double x) {
        double expectedU = 3 * x + 2;

        ChainRule.Forward result = ChainRule.forward(x);

        assertThat(result.u()).as("ChainRule.forward(%s).u(): expected 3x + 2 = %s (%s#forward)", x, expectedU, DOC)
                .isCloseTo(expectedU, within(1e-12));
        assertThat(result.y()).as("ChainRule.forward(%s).y(): expected (3x + 2)² = %s — square u, do not add or double it (%s#forward)",
                        x, expectedU * expectedU, DOC)
                .isCloseTo(expectedU * expectedU, within(1e-9));
    }

    @Test
    @DisplayName("backward(1, 5) gives dy/dx = 2u · 3 = 30, as in the notebook")
    void backwardAtOne() {
        assertThat(ChainRule.backward(1.0, 5.0))
                .as("ChainRule.backward(x = 1, u = 5): expected dy/du · du/dx = 10 · 3 = 30 — did you multiply both local derivatives? (%s#backward)", DOC)
                .isCloseTo(30.0, within(1e-12));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-3.0, -0.5, 0.0, 0.25, 2.0})
    @DisplayName("backward agrees with a numerical derivative of (3x + 2)² computed in the test")
    void backwardMatchesNumericalDerivative(double x) {
        double u = 3 * x + 2;
        double h = 1e-5;
        double numerical = (Math.pow(3 * (x + h) + 2, 2) - Math.pow(3 * (x - h) + 2, 2)) / (2 * h);

        assertThat(ChainRule.backward(x, u))
                .as("ChainRule.backward(x = %s, u = %s): expected about %s from (f(x+h) − f(x−h)) / 2h — check dy/du = 2u and du/dx = 3 (%s#backward)",
                        x, u, numerical, DOC)
                .isCloseTo(numerical, within(1e-6));
    }

    @Test
    @DisplayName("centralDifference of x³ at 2 with ε = 1e-3 is exactly 3x² + ε² (a one-sided difference is not)")
    void centralDifferenceOfCube() {
        double epsilon = 1e-3;
        // (f(x+ε) − f(x−ε)) / 2ε = 3x² + ε² for f = x³; the one-sided (f(x+ε) − f(x)) / ε = 3x² + 3xε + ε².
        double expected = 3 * 2.0 * 2.0 + epsilon * epsilon;

        double result = ChainRule.centralDifference(v -> v * v * v, 2.0, epsilon);

        assertThat(result)
                .as("ChainRule.centralDifference(x³, x = 2, ε = 1e-3): expected 12.000001 — step ε to both sides and divide by 2ε (%s#central-difference)", DOC)
                .isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {-1.2, 0.0, 0.7, 3.0})
    @DisplayName("centralDifference of sin is cos, to about ε²")
    void centralDifferenceOfSine(double x) {
        double result = ChainRule.centralDifference(Math::sin, x, 1e-5);

        assertThat(result)
                .as("ChainRule.centralDifference(sin, x = %s, ε = 1e-5): expected cos(x) = %s (%s#central-difference)", x, Math.cos(x), DOC)
                .isCloseTo(Math.cos(x), within(1e-9));
    }

    @Test
    @DisplayName("centralDifference of the forward pass agrees with backward (the notebook's check)")
    void numericalAgreesWithAnalytical() {
        DoubleUnaryOperator y = x -> ChainRule.forward(x).y();
        double x = 1.0;

        double numerical = ChainRule.centralDifference(y, x, 1e-5);
        double analytical = ChainRule.backward(x, ChainRule.forward(x).u());

        assertThat(numerical)
                .as("centralDifference(forward(x).y(), x = 1) should match backward(1, u) = %s (%s#central-difference)", analytical, DOC)
                .isCloseTo(analytical, within(1e-6));
    }
}
