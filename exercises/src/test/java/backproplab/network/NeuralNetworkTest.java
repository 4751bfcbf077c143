package backproplab.network;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backproplab.datasets.NumpyRandom;
import backproplab.runtime.Backend;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Graded(points = 1, task = "network")
@DisplayName("Exercise 6: NeuralNetwork (docs/06-neural-network.md)")
class NeuralNetworkTest {

    private static final String DOC = "docs/06-neural-network.md";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    private static String shape(INDArray array) {
        return Arrays.toString(array.shape());
    }

    private static long[] shapeOf(long rows, long cols) {
        return new long[] {rows, cols};
    }

    private static INDArray randomBatch(int features, int samples, long seed) {
        return new NumpyRandom(seed).randnArray(features, samples);
    }

    @Nested
    @DisplayName("He initialisation")
    class HeInitialisation {

        @Test
        @DisplayName("W_i is randn(n_i, n_{i-1}) · √(2 / n_{i-1}), drawn layer by layer from NumpyRandom(seed), and b_i is zero")
        void heWeightsFollowTheNumpyStream() {
            NeuralNetwork net = new NeuralNetwork(7, 2, 3, 1);
            NumpyRandom rng = new NumpyRandom(7);
            double[][] w1 = rng.randn(3, 2);
            double[][] w2 = rng.randn(1, 3);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 2; c++) {
                    assertThat(net.parameter("W1").getDouble(r, c))
                            .as("W1[%d,%d] of NeuralNetwork(7, 2, 3, 1): expected randn · √(2/2) = %s, got %s"
                                    + " — draw randn(3, 2) first from NumpyRandom(7) and scale by √(2 / fanIn) (%s#he-initialisation)",
                                    r, c, w1[r][c] * Math.sqrt(2.0 / 2), net.parameter("W1").getDouble(r, c), DOC)
                            .isCloseTo(w1[r][c] * Math.sqrt(2.0 / 2), within(1e-12));
                }
            }
            for (int c = 0; c < 3; c++) {
                assertThat(net.parameter("W2").getDouble(0, c))
                        .as("W2[0,%d]: expected the NEXT numbers of the same stream times √(2/3); did you reuse or re-seed the generator? (%s#he-initialisation)", c, DOC)
                        .isCloseTo(w2[0][c] * Math.sqrt(2.0 / 3), within(1e-12));
            }
            assertThat(net.parameter("b1").amaxNumber().doubleValue() + net.parameter("b2").amaxNumber().doubleValue())
                    .as("biases must start at zero: got b1 = %s, b2 = %s", net.parameter("b1"), net.parameter("b2"))
                    .isZero();
        }

        @Test
        @DisplayName("Initializers.he returns a fanOut × fanIn array")
        void heShape() {
            INDArray w = Initializers.he(4, 6, new NumpyRandom(1));
            assertThat(w.shape()).as("Initializers.he(4, 6, rng): expected shape [4, 6] (fanOut × fanIn), got %s", shape(w))
                    .containsExactly(4, 6);
        }
    }

    @Nested
    @DisplayName("shapes")
    class Shapes {

        @ParameterizedTest(name = "layer sizes {0}")
        @ValueSource(strings = {"2,3,1", "4,5,3,1"})
        @DisplayName("parameters W_i are (n_i × n_{i-1}) and b_i are (n_i × 1), in the order W1, b1, W2, b2, …")
        void parameterShapes(String sizesText) {
            int[] sizes = Arrays.stream(sizesText.split(",")).mapToInt(Integer::parseInt).toArray();
            NeuralNetwork net = new NeuralNetwork(1, sizes);
            Map<String, INDArray> params = net.parameters();
            assertThat(params.keySet()).as("parameter names for %s", Arrays.toString(sizes))
                    .hasSize(2 * (sizes.length - 1)).startsWith("W1", "b1");
            for (int i = 1; i < sizes.length; i++) {
                assertThat(net.parameter("W" + i).shape()).as("shape of W%d for layer sizes %s: expected (%d, %d), got %s",
                        i, Arrays.toString(sizes), sizes[i], sizes[i - 1], shape(net.parameter("W" + i)))
                        .containsExactly(sizes[i], sizes[i - 1]);
                assertThat(net.parameter("b" + i).shape()).as("shape of b%d: expected (%d, 1), got %s",
                        i, sizes[i], shape(net.parameter("b" + i)))
                        .containsExactly(sizes[i], 1);
            }
        }

        @ParameterizedTest(name = "batch of {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("forward caches A0, Z_i, A_i with one column per sample and returns (1 × m)")
        void forwardShapes(int m) {
            NeuralNetwork net = new NeuralNetwork(1, 2, 3, 1);
            INDArray out = net.forward(randomBatch(2, m, 3));
            assertThat(out.shape()).as("NeuralNetwork.forward on a (2 × %d) batch: expected output shape (1, %d), got %s (%s#forward)",
                    m, m, shape(out), DOC).containsExactly(1, m);
            assertThat(net.cached("A0").shape()).as("cached A0").containsExactly(2, m);
            assertThat(net.cached("Z1").shape()).as("cached Z1: expected (3, %d), got %s", m, shape(net.cached("Z1"))).containsExactly(3, m);
            assertThat(net.cached("A1").shape()).as("cached A1: expected (3, %d), got %s", m, shape(net.cached("A1"))).containsExactly(3, m);
            assertThat(net.cached("Z2").shape()).as("cached Z2: expected (1, %d), got %s", m, shape(net.cached("Z2"))).containsExactly(1, m);
            assertThat(net.cached("A2").shape()).as("cached A2: expected (1, %d), got %s", m, shape(net.cached("A2"))).containsExactly(1, m);
        }

        @ParameterizedTest(name = "batch of {0}")
        @ValueSource(ints = {1, 5})
        @DisplayName("backward stores gradients with exactly the shapes of the parameters")
        void gradientShapes(int m) {
            NeuralNetwork net = new NeuralNetwork(1, 4, 5, 3, 1);
            net.forward(randomBatch(4, m, 3));
            net.backward(Nd4j.ones(1, m));
            for (String name : net.parameters().keySet()) {
                assertThat(net.gradient(name).shape())
                        .as("NeuralNetwork.backward with a batch of %d: gradient %s should have the shape of %s, %s, but has %s."
                                + " Check dW = dZ · A_prevᵀ / m and db = mean of dZ over the samples, keeping the column (%s#backward)",
                                m, name, name, shape(net.parameter(name)), shape(net.gradient(name)), DOC)
                        .isEqualTo(net.parameter(name).shape());
            }
        }
    }

    @Nested
    @DisplayName("forward")
    class Forward {

        @Test
        @DisplayName("computes Z1, A1 and ŷ of the first sample of a planted network as worked out by hand")
        void handComputedSample() {
            NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
            INDArray out = net.forward(PlantedNetwork.x());
            // sample 0: x = (1.0, 0.5); z1 = W1·x + b1 = (0.5 − 0.2 + 0.1, 0.3 + 0.4 − 0.2, −0.6 + 0.1 + 0.05)
            double[] z1 = {0.4, 0.5, -0.45};
            double[] a1 = {0.4, 0.5, 0.0};
            double z2 = 0.7 * 0.4 - 0.5 * 0.5 + 0.9 * 0.0 - 0.1;
            for (int h = 0; h < 3; h++) {
                assertThat(net.cached("Z1").getDouble(h, 0)).as("Z1[%d, sample 0]: expected %s (W1 · x + b1), got %s (%s#forward)",
                        h, z1[h], net.cached("Z1").getDouble(h, 0), DOC).isCloseTo(z1[h], within(1e-12));
                assertThat(net.cached("A1").getDouble(h, 0)).as("A1[%d, sample 0]: expected ReLU(Z1) = %s, got %s",
                        h, a1[h], net.cached("A1").getDouble(h, 0)).isCloseTo(a1[h], within(1e-12));
            }
            assertThat(out.getDouble(0, 0)).as("ŷ of sample 0: expected σ(%s) = %s, got %s — the output layer uses the sigmoid",
                    z2, 1 / (1 + Math.exp(-z2)), out.getDouble(0, 0)).isCloseTo(1 / (1 + Math.exp(-z2)), within(1e-12));
        }

        @ParameterizedTest(name = "{0} hidden layers")
        @EnumSource(HiddenActivation.class)
        @DisplayName("matches an element-by-element forward pass on every sample")
        void matchesPlainForward(HiddenActivation hidden) {
            NeuralNetwork net = PlantedNetwork.network(hidden);
            INDArray out = net.forward(PlantedNetwork.x());
            double[] expected = PlantedNetwork.plainForward(PlantedNetwork.plainParameters(), PlantedNetwork.X, hidden);
            for (int s = 0; s < expected.length; s++) {
                assertThat(out.getDouble(0, s)).as("%s network, ŷ of sample %d: expected %s, got %s (%s#forward)",
                        hidden, s, expected[s], out.getDouble(0, s), DOC).isCloseTo(expected[s], within(1e-12));
            }
            assertThat(net.cached("A2")).as("cached A2 should be the returned ŷ").isEqualTo(out);
        }

        @Test
        @DisplayName("does not modify X, and caches A0 equal to X")
        void doesNotMutateInput() {
            NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
            INDArray x = PlantedNetwork.x();
            INDArray before = x.dup();
            net.forward(x);
            net.backward(PlantedNetwork.y());
            net.update(0.5);
            assertThat(x).as("NeuralNetwork.forward/backward/update changed the caller's X: was %s, now %s", before, x).isEqualTo(before);
            assertThat(net.cached("A0")).as("cached A0 should hold X's values").isEqualTo(before);
        }

        @Test
        @DisplayName("rejects X with the wrong number of rows and names both shapes")
        void rejectsWrongShape() {
            NeuralNetwork net = new NeuralNetwork(1, 2, 3, 1);
            assertThatThrownBy(() -> net.forward(Nd4j.ones(5, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[5, 2]").hasMessageContaining("2 × m");
        }
    }

    @Nested
    @DisplayName("backward")
    class Backward {

        @ParameterizedTest(name = "{0} hidden layers")
        @EnumSource(HiddenActivation.class)
        @DisplayName("every gradient element agrees with central differences of the loss")
        void matchesCentralDifferences(HiddenActivation hidden) {
            NeuralNetwork net = PlantedNetwork.network(hidden);
            net.forward(PlantedNetwork.x());
            net.backward(PlantedNetwork.y());
            for (String name : new String[] {"W1", "b1", "W2", "b2"}) {
                double[][] numerical = PlantedNetwork.numericalGradient(name, hidden);
                INDArray analytical = net.gradient(name);
                for (int r = 0; r < numerical.length; r++) {
                    for (int c = 0; c < numerical[0].length; c++) {
                        assertThat(analytical.getDouble(r, c))
                                .as("%s network, d loss / d %s[%d,%d]: central differences give %.8f, backward gave %.8f."
                                        + " Check dZ_L = A_L − Y, the 1/m and g'(Z) (%s#backward)",
                                        hidden, name, r, c, numerical[r][c], analytical.getDouble(r, c), DOC)
                                .isCloseTo(numerical[r][c], within(1e-7));
                    }
                }
            }
        }

        @Test
        @DisplayName("does not modify Y or the parameters")
        void doesNotMutate() {
            NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
            INDArray y = PlantedNetwork.y();
            net.forward(PlantedNetwork.x());
            net.backward(y);
            assertThat(y).as("backward changed the caller's Y").isEqualTo(PlantedNetwork.y());
            PlantedNetwork.parameters().forEach((name, value) ->
                    assertThat(net.parameter(name)).as("backward changed parameter %s; only update may", name).isEqualTo(value));
        }

        @Test
        @DisplayName("before any forward pass fails with a message that says to call forward first")
        void backwardBeforeForward() {
            NeuralNetwork net = new NeuralNetwork(1, 2, 3, 1);
            assertThatThrownBy(() -> net.backward(Nd4j.ones(1, 3)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("forward");
        }
    }

    @Nested
    @DisplayName("update")
    class Update {

        @Test
        @DisplayName("W ← W − α·dW and b ← b − α·db, in the live parameter arrays")
        void gradientDescentStepInPlace() {
            NeuralNetwork net = PlantedNetwork.network(HiddenActivation.RELU);
            Map<String, INDArray> live = net.parameters();
            net.forward(PlantedNetwork.x());
            net.backward(PlantedNetwork.y());
            Map<String, INDArray> before = PlantedNetwork.parameters();
            double alpha = 0.3;
            net.update(alpha);
            for (String name : before.keySet()) {
                INDArray expected = before.get(name).sub(net.gradient(name).mul(alpha));
                assertThat(net.parameter(name).equalsWithEps(expected, 1e-12))
                        .as("after update(0.3), %s: expected %s − 0.3 · d%s = %s, got %s (%s#update)",
                                name, before.get(name), name, expected, net.parameter(name), DOC)
                        .isTrue();
                assertThat(live.get(name)).as("parameters() must hand out the live arrays, and update must change them in place;"
                        + " the map taken before update still shows the old %s", name).isEqualTo(net.parameter(name));
            }
        }
    }

    @Nested
    @DisplayName("accessors")
    class Accessors {

        @Test
        @DisplayName("reject unknown names with a message that lists the valid ones")
        void unknownNames() {
            NeuralNetwork net = new NeuralNetwork(1, 2, 3, 1);
            assertThatThrownBy(() -> net.parameter("W3")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W1");
            assertThatThrownBy(() -> net.cached("Z1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward");
            assertThatThrownBy(() -> net.gradient("W1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backward");
        }

        @Test
        @DisplayName("a network from withParameters keeps its own copies: changing the caller's arrays changes nothing")
        void withParametersCopies() {
            Map<String, INDArray> planted = PlantedNetwork.parameters();
            NeuralNetwork net = NeuralNetwork.withParameters(planted, HiddenActivation.SIGMOID);
            planted.get("W1").addi(1.0);
            assertThat(net.layerSizes()).containsExactly(2, 3, 1);
            assertThat(net.layerCount()).isEqualTo(2);
            assertThat(net.hiddenActivation()).isEqualTo(HiddenActivation.SIGMOID);
            double[] expected = PlantedNetwork.plainForward(PlantedNetwork.plainParameters(), PlantedNetwork.X, HiddenActivation.SIGMOID);
            INDArray out = net.forward(PlantedNetwork.x());
            assertThat(out.getDouble(0, 1)).as("ŷ of sample 1 of the planted sigmoid network: expected %s, got %s (%s#forward)",
                    expected[1], out.getDouble(0, 1), DOC).isCloseTo(expected[1], within(1e-12));
        }
    }
}
