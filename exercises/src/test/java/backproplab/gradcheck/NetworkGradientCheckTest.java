package backproplab.gradcheck;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.datasets.NumpyRandom;
import backproplab.network.HiddenActivation;
import backproplab.network.NeuralNetwork;
import backproplab.network.PlantedNetwork;
import backproplab.runtime.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

@Graded(points = 1, task = "gradcheck")
@DisplayName("Exercise 6: gradient check of the matrix network (docs/06-neural-network.md#gradient-check)")
class NetworkGradientCheckTest {

    private static final String DOC = "docs/06-neural-network.md#gradient-check";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    @Test
    @DisplayName("has one row per parameter element, named like W1[r,c], whose numerical column matches central differences")
    void numericalColumnMatchesIndependentDifferences() {
        NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
        GradientCheckResult result = NetworkGradientCheck.check(net, PlantedNetwork.x(), PlantedNetwork.y(), 1e-6);
        assertThat(result.rows()).as("rows of the check for a 2-3-1 network: 3·2 + 3 + 1·3 + 1 = 13 elements").hasSize(13);
        for (String name : new String[] {"W1", "b1", "W2", "b2"}) {
            double[][] expected = PlantedNetwork.numericalGradient(name, HiddenActivation.RELU);
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < expected[0].length; c++) {
                    String row = name + "[" + r + "," + c + "]";
                    assertThat(result.row(row).numerical())
                            .as("numerical gradient of %s: expected (L(θ+ε) − L(θ−ε)) / 2ε = %.8f, got %.8f (%s)",
                                    row, expected[r][c], result.row(row).numerical(), DOC)
                            .isCloseTo(expected[r][c], within(1e-6));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} hidden layers")
    @EnumSource(HiddenActivation.class)
    @DisplayName("passes for a correct network with two hidden layers and a batch of 5")
    void passesForACorrectNetwork(HiddenActivation hidden) {
        NeuralNetwork net = new NeuralNetwork(1, hidden, backproplab.network.Initializers.HE, 3, 4, 4, 1);
        NumpyRandom rng = new NumpyRandom(7);
        INDArray x = rng.randnArray(3, 5);
        INDArray y = backproplab.datasets.Datasets.gradientFlowInput(1, 5, 7).labels();
        GradientCheckResult result = NetworkGradientCheck.check(net, x, y, GradientCheckResult.EPSILON);
        assertThat(result.rows()).as("one row per element of W1 (4×3), b1, W2 (4×4), b2, W3 (1×4), b3").hasSize(12 + 4 + 16 + 4 + 4 + 1);
        assertThat(result.passed())
                .as("the check of a correct %s 3-4-4-1 network should pass; got%n%s", hidden, result.summaryTable())
                .isTrue();
        assertThat(result.row("W1[2,1]").analytical())
                .as("the analytical column must hold backward's gradient dW1[2,1]")
                .isCloseTo(net.gradient("W1").getDouble(2, 1), within(1e-15));
    }

    @Test
    @DisplayName("puts every parameter back exactly and does not modify X or Y")
    void restoresParameters() {
        NeuralNetwork net = new NeuralNetwork(7, 2, 3, 1);
        Map<String, INDArray> before = new LinkedHashMap<>();
        net.parameters().forEach((name, value) -> before.put(name, value.dup()));
        INDArray x = PlantedNetwork.x();
        INDArray y = PlantedNetwork.y();
        NetworkGradientCheck.check(net, x, y, 1e-4);
        before.forEach((name, value) -> assertThat(net.parameter(name))
                .as("after the check, %s must hold exactly its original values (save each element, then put it back) (%s)", name, DOC)
                .isEqualTo(value));
        assertThat(x).as("the check changed X").isEqualTo(PlantedNetwork.x());
        assertThat(y).as("the check changed Y").isEqualTo(PlantedNetwork.y());
    }
}
