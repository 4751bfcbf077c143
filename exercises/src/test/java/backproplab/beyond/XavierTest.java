package backproplab.beyond;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.datasets.NumpyRandom;
import backproplab.network.HiddenActivation;
import backproplab.network.Initializers;
import backproplab.network.NeuralNetwork;
import backproplab.runtime.Backend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

@Graded(points = 1, task = "beyond")
@DisplayName("Exercise 8: Xavier initialisation (docs/08-beyond.md#xavier-initialisation)")
class XavierTest {

    private static final String DOC = "docs/08-beyond.md#xavier-initialisation";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    @Test
    @DisplayName("draws randn(fanOut, fanIn) from the stream and scales it by √(1 / fanIn)")
    void scaledStandardNormals() {
        INDArray w = Xavier.weights(3, 4, new NumpyRandom(7));
        double[][] normals = new NumpyRandom(7).randn(3, 4);
        assertThat(w.shape()).as("Xavier.weights(3, 4, rng): shape fanOut × fanIn").containsExactly(3, 4);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double expected = normals[r][c] * Math.sqrt(1.0 / 4);
                assertThat(w.getDouble(r, c)).as("Xavier W[%d,%d]: expected randn · √(1/4) = %s, got %s (%s)",
                        r, c, expected, w.getDouble(r, c), DOC).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    @DisplayName("is what Initializers.XAVIER gives a network, layer by layer from one stream")
    void networkUsesXavier() {
        NeuralNetwork net = new NeuralNetwork(3, HiddenActivation.SIGMOID, Initializers.XAVIER, 5, 2, 1);
        NumpyRandom rng = new NumpyRandom(3);
        rng.randn(2, 5);
        double[][] w2 = rng.randn(1, 2);
        assertThat(net.parameter("W2").getDouble(0, 1)).as("W2[0,1] of a Xavier network: the second layer continues the stream")
                .isCloseTo(w2[0][1] * Math.sqrt(1.0 / 2), within(1e-12));
    }
}
