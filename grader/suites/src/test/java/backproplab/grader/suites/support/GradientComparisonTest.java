package backproplab.grader.suites.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GradientComparison: the per-parameter table and its guesses at the cause")
class GradientComparisonTest {

    private static final GradientComparison.Limits LIMITS = new GradientComparison.Limits(1e-6, 1e-3, 1e-8);
    private static final double[][] TRUE_W = {{0.5, -0.25, 0.125}, {0.3, 0.02, -0.7}, {0.05, 0.6, -0.1}};
    private static final double[][] TRUE_B = {{0.2}, {-0.4}, {0.1}};

    private static double[][] scaled(double[][] values, double factor) {
        double[][] out = new double[values.length][values[0].length];
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[0].length; c++) {
                out[r][c] = factor * values[r][c];
            }
        }
        return out;
    }

    private static String report(double[][] w, double[][] b, int m) {
        Map<String, double[][]> analytical = new LinkedHashMap<>();
        analytical.put("W1", w);
        analytical.put("b1", b);
        Map<String, double[][]> numerical = new LinkedHashMap<>();
        numerical.put("W1", TRUE_W);
        numerical.put("b1", TRUE_B);
        GradientComparison comparison = GradientComparison.ofMatrices(analytical, numerical, m, LIMITS);
        return comparison.passed() ? "passed" : comparison.report("NeuralNetwork.backward — headline", "advice");
    }

    @Test
    @DisplayName("a correct gradient passes, and one off by 1 % fails (relative error 5e-3)")
    void passAndFail() {
        assertThat(report(TRUE_W, TRUE_B, 4)).as("exact gradients").isEqualTo("passed");
        assertThat(report(scaled(TRUE_W, 1.01), TRUE_B, 4)).as("1 % off").contains("W1", "<--").doesNotContain("passed");
    }

    @Test
    @DisplayName("a factor m names the missing 1/m for W and the sum instead of the mean for b")
    void factorM() {
        assertThat(report(scaled(TRUE_W, 4), TRUE_B, 4)).as("dW times m").contains("is the 1/m missing?");
        assertThat(report(TRUE_W, scaled(TRUE_B, 4), 4)).as("db times m").contains("sum over the samples instead of a mean");
        assertThat(report(scaled(TRUE_W, 0.25), TRUE_B, 4)).as("dW divided by m twice").contains("is 1/m applied twice?");
    }

    @Test
    @DisplayName("a flipped sign, a transposed matrix and an all-zero gradient are named as such")
    void otherGuesses() {
        assertThat(report(scaled(TRUE_W, -1), TRUE_B, 4)).as("sign").contains("sign flipped");
        assertThat(report(Arrays2D.transpose(TRUE_W), TRUE_B, 4)).as("transposed").contains("transposed");
        assertThat(report(new double[3][3], TRUE_B, 4)).as("zero").contains("all zero");
        assertThat(report(TRUE_W, TRUE_B, 4)).as("control").isEqualTo("passed");
    }

    @Test
    @DisplayName("the report prints the limits, each parameter's worst element and how many elements fail")
    void reportLayout() {
        String report = report(scaled(TRUE_W, 4), TRUE_B, 4);
        assertThat(report).startsWith("NeuralNetwork.backward — headline").contains("eps 1e-06", "limit 1e-03", "W1[", "b1", "ok",
                "9 of 12 elements fail.").endsWith("advice");
    }
}
