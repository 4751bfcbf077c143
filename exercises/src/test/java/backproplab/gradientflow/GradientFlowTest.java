package backproplab.gradientflow;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.network.PlantedNetwork;
import backproplab.runtime.Backend;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

@Graded(points = 1, task = "gradientflow")
@DisplayName("Exercise 7: GradientFlow (docs/07-gradient-flow.md)")
class GradientFlowTest {

    private static final String DOC = "docs/07-gradient-flow.md";
    /** The notebook's deep network: five sigmoid or ReLU hidden layers of 8. */
    private static final int[] NOTEBOOK = {10, 8, 8, 8, 8, 8, 1};
    /** Twice as deep: ten hidden layers of 8. */
    private static final int[] DEEPER = {10, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1};

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    private static double frobenius(INDArray matrix) {
        double sum = 0;
        for (double value : matrix.dup().data().asDouble()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    @Nested
    @DisplayName("gradientNorms")
    class GradientNorms {

        @Test
        @DisplayName("returns ‖dW_L‖ … ‖dW_1‖, output layer first, as Frobenius norms")
        void outputFirstFrobeniusNorms() {
            NeuralNetwork net = PlantedNetwork.network(HiddenActivation.SIGMOID);
            net.forward(PlantedNetwork.x());
            net.backward(PlantedNetwork.y());
            double[] norms = GradientFlow.gradientNorms(net);
            double[] expected = {frobenius(net.gradient("W2")), frobenius(net.gradient("W1"))};
            assertThat(norms).as("GradientFlow.gradientNorms of a 2-layer network: expected [‖dW2‖, ‖dW1‖] = %s, got %s."
                    + " Index 0 is the output layer (%s#gradient-norms)", Arrays.toString(expected), Arrays.toString(norms), DOC)
                    .hasSize(2);
            assertThat(norms[0]).as("norms[0] should be ‖dW2‖ (output layer)").isCloseTo(expected[0], within(1e-12));
            assertThat(norms[1]).as("norms[1] should be ‖dW1‖ (first layer)").isCloseTo(expected[1], within(1e-12));
        }
    }

    @Nested
    @DisplayName("verdict")
    class VerdictRules {

        @Test
        @DisplayName("looks only at the earliest layer, the last entry of an output-first array")
        void earliestLayerDecides() {
            assertThat(GradientFlow.verdict(new double[] {0.5, 0.1, 5e-5}))
                    .as("verdict([0.5, 0.1, 5e-5]): layer 1 has 5e-5 < 1e-4 (%s#verdict)", DOC).isEqualTo(Verdict.VANISHING);
            assertThat(GradientFlow.verdict(new double[] {0.5, 3, 250}))
                    .as("verdict([0.5, 3, 250]): layer 1 has 250 > 100").isEqualTo(Verdict.EXPLODING);
            assertThat(GradientFlow.verdict(new double[] {1e-6, 500, 0.3}))
                    .as("verdict([1e-6, 500, 0.3]): only layer 1 (0.3) counts, so healthy; did you read index 0?").isEqualTo(Verdict.HEALTHY);
        }

        @Test
        @DisplayName("treats the thresholds themselves as healthy (strictly below 1e-4, strictly above 100)")
        void thresholdsAreHealthy() {
            assertThat(GradientFlow.verdict(new double[] {1.0, GradientFlow.VANISHING_THRESHOLD}))
                    .as("a norm of exactly 1e-4 is not below 1e-4").isEqualTo(Verdict.HEALTHY);
            assertThat(GradientFlow.verdict(new double[] {1.0, GradientFlow.EXPLODING_THRESHOLD}))
                    .as("a norm of exactly 100 is not above 100").isEqualTo(Verdict.HEALTHY);
        }
    }

    @Nested
    @DisplayName("measure (the notebook's experiment)")
    class Measure {

        @Test
        @DisplayName("ReLU hidden layers with He initialisation keep the gradient healthy in the notebook's 10-8-8-8-8-8-1 network")
        void reluIsHealthy() {
            GradientFlowReport relu = GradientFlow.measure(1, HiddenActivation.RELU, NOTEBOOK);
            assertThat(relu.verdict()).as("ReLU, seed 1, norms output-first %s (%s)", Arrays.toString(relu.normsOutputFirst()), DOC)
                    .isEqualTo(Verdict.HEALTHY);
            assertThat(relu.normsOutputFirst()).hasSize(6);
        }

        @Test
        @DisplayName("sigmoid hidden layers shrink the gradient by more than 20× from the output layer to layer 1, ReLU do not")
        void sigmoidShrinksGradient() {
            GradientFlowReport sigmoid = GradientFlow.measure(1, HiddenActivation.SIGMOID, NOTEBOOK);
            GradientFlowReport relu = GradientFlow.measure(1, HiddenActivation.RELU, NOTEBOOK);
            double sigmoidRatio = sigmoid.norm(1) / sigmoid.norm(6);
            double reluRatio = relu.norm(1) / relu.norm(6);
            assertThat(sigmoidRatio).as("sigmoid network, seed 1: ‖dW1‖ / ‖dW6‖ = %.2e from norms %s; σ' ≤ 0.25 should shrink it"
                    + " layer after layer. Check g'(Z) = σ(Z)(1 − σ(Z)) in backward (docs/06-neural-network.md#backward)",
                    sigmoidRatio, Arrays.toString(sigmoid.normsOutputFirst())).isLessThan(1.0 / 20);
            assertThat(reluRatio).as("ReLU network, seed 1: ‖dW1‖ / ‖dW6‖ = %.2e from norms %s", reluRatio,
                    Arrays.toString(relu.normsOutputFirst())).isGreaterThan(1.0 / 20);
        }

        @Test
        @DisplayName("with ten sigmoid hidden layers the earliest gradient vanishes (< 1e-4), with ten ReLU layers it does not")
        void deeperSigmoidVanishes() {
            GradientFlowReport sigmoid = GradientFlow.measure(1, HiddenActivation.SIGMOID, DEEPER);
            GradientFlowReport relu = GradientFlow.measure(1, HiddenActivation.RELU, DEEPER);
            assertThat(sigmoid.verdict()).as("sigmoid, ten hidden layers, seed 1: norms %s", Arrays.toString(sigmoid.normsOutputFirst()))
                    .isEqualTo(Verdict.VANISHING);
            assertThat(relu.verdict()).as("ReLU, ten hidden layers, seed 1: norms %s", Arrays.toString(relu.normsOutputFirst()))
                    .isEqualTo(Verdict.HEALTHY);
        }

        @Test
        @DisplayName("describe() prints every layer from the output back to layer 1, then the verdict")
        void describePrintsNotebookText() {
            GradientFlowReport report = GradientFlow.measure(1, HiddenActivation.RELU, NOTEBOOK);
            String text = report.describe();
            assertThat(text).contains("Layer 6", "Layer 1", "well-behaved");
            assertThat(text.indexOf("Layer 6")).as("output layer first").isLessThan(text.indexOf("Layer 1"));
        }
    }
}
