package backproplab.activations;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.runtime.Backend;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Graded(points = 1, task = "activations")
@DisplayName("Exercise 2 — activations and loss")
class ActivationsTest {

    private static final String DOC = "docs/02-activations.md";
    private static final double[][] Z = {{-2.0, -0.5, 0.0}, {0.5, 1.0, 3.0}};

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    private static INDArray matrix(double[][] values) {
        return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
    }

    private static double[] values(INDArray array) {
        return array.dup('c').ravel().toDoubleVector();
    }

    private static String shape(INDArray array) {
        return Arrays.toString(array.shape());
    }

    @Nested
    @DisplayName("sigmoid")
    class Sigmoid {

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-3.0, -1.0, 0.0, 0.5, 2.0})
        @DisplayName("sigmoid(z) = 1 / (1 + e^(−z)) for moderate z")
        void scalarValues(double z) {
            double expected = 1.0 / (1.0 + Math.exp(-z));

            assertThat(Activations.sigmoid(z))
                    .as("Activations.sigmoid(%s): expected 1 / (1 + e^(−z)) = %s (%s#sigmoid)", z, expected, DOC)
                    .isCloseTo(expected, within(1e-12));
        }

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-1000.0, -700.0, 700.0, 1000.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
        @DisplayName("sigmoid stays finite and within [0, 1] for huge |z|")
        void scalarIsStable(double z) {
            double result = Activations.sigmoid(z);

            assertThat(Double.isFinite(result) && result >= 0.0 && result <= 1.0)
                    .as("Activations.sigmoid(%s): expected a finite value in [0, 1], got %s — clip z to [−500, 500] before exponentiating (%s#sigmoid)", z, result, DOC)
                    .isTrue();
        }

        @Test
        @DisplayName("sigmoid clips z at ±500: sigmoid(−1000) equals sigmoid(−500)")
        void scalarClipsAtFiveHundred() {
            double atClip = 1.0 / (1.0 + Math.exp(500.0));

            assertThat(Activations.sigmoid(-1000.0))
                    .as("Activations.sigmoid(−1000): expected 1 / (1 + e^500) ≈ %s because z is clipped to −500 (%s#sigmoid)", atClip, DOC)
                    .isCloseTo(atClip, within(atClip * 1e-9));
            assertThat(Activations.sigmoid(1000.0))
                    .as("Activations.sigmoid(1000): expected 1.0 (z is clipped to 500) (%s#sigmoid)", DOC)
                    .isCloseTo(1.0, within(1e-15));
        }

        @Test
        @DisplayName("sigmoid(INDArray) applies the formula element-wise, keeps the shape and does not change its input")
        void arrayValuesShapeAndNoMutation() {
            INDArray z = matrix(Z);
            INDArray before = z.dup();

            INDArray result = Activations.sigmoid(z);

            assertThat(shape(result)).as("Activations.sigmoid(INDArray 2×3): expected shape [2, 3], got %s (%s#sigmoid)", shape(result), DOC)
                    .isEqualTo("[2, 3]");
            for (int r = 0; r < Z.length; r++) {
                for (int c = 0; c < Z[r].length; c++) {
                    double expected = 1.0 / (1.0 + Math.exp(-Z[r][c]));
                    assertThat(result.getDouble(r, c))
                            .as("Activations.sigmoid(INDArray) at [%d,%d] (z = %s): expected %s (%s#sigmoid)", r, c, Z[r][c], expected, DOC)
                            .isCloseTo(expected, within(1e-12));
                }
            }
            assertThat(values(z)).as("Activations.sigmoid(INDArray) changed the caller's array: expected it unchanged — work on a copy, not in place (%s#sigmoid)", DOC)
                    .containsExactly(values(before));
        }

        @Test
        @DisplayName("sigmoid(INDArray) is finite and within [0, 1] at z = ±1000")
        void arrayIsStable() {
            INDArray z = matrix(new double[][] {{-1000.0, 1000.0}, {-600.0, 600.0}});

            INDArray result = Activations.sigmoid(z);

            for (double value : values(result)) {
                assertThat(Double.isFinite(value) && value >= 0.0 && value <= 1.0)
                        .as("Activations.sigmoid(INDArray with ±1000, ±600): expected finite values in [0, 1], got %s — clip before exp (%s#sigmoid)", result, DOC)
                        .isTrue();
            }
        }
    }

    @Nested
    @DisplayName("ReLU and its derivative")
    class Relu {

        @Test
        @DisplayName("relu(z) = max(0, z)")
        void scalarRelu() {
            assertThat(Activations.relu(-2.5)).as("Activations.relu(−2.5): expected 0 (%s#relu)", DOC).isEqualTo(0.0);
            assertThat(Activations.relu(0.0)).as("Activations.relu(0): expected 0 (%s#relu)", DOC).isEqualTo(0.0);
            assertThat(Activations.relu(1.75)).as("Activations.relu(1.75): expected 1.75, z itself when z > 0 (%s#relu)", DOC).isEqualTo(1.75);
        }

        @Test
        @DisplayName("reluDerivative(z) is 1 where z > 0 and 0 elsewhere, exactly 0 at z = 0")
        void scalarDerivative() {
            assertThat(Activations.reluDerivative(-0.1)).as("Activations.reluDerivative(−0.1): expected 0 (%s#relu-derivative)", DOC).isEqualTo(0.0);
            assertThat(Activations.reluDerivative(0.0)).as("Activations.reluDerivative(0): expected 0 — the notebook uses z > 0, not z ≥ 0 (%s#relu-derivative)", DOC).isEqualTo(0.0);
            assertThat(Activations.reluDerivative(3.0)).as("Activations.reluDerivative(3): expected 1, the slope, not the value (%s#relu-derivative)", DOC).isEqualTo(1.0);
        }

        @Test
        @DisplayName("relu(INDArray) works element-wise, keeps the shape and does not change its input")
        void arrayRelu() {
            INDArray z = matrix(Z);
            INDArray before = z.dup();

            INDArray result = Activations.relu(z);

            assertThat(shape(result)).as("Activations.relu(INDArray 2×3): expected shape [2, 3], got %s (%s#relu)", shape(result), DOC).isEqualTo("[2, 3]");
            for (int r = 0; r < Z.length; r++) {
                for (int c = 0; c < Z[r].length; c++) {
                    double expected = Z[r][c] > 0 ? Z[r][c] : 0.0;
                    assertThat(result.getDouble(r, c))
                            .as("Activations.relu(INDArray) at [%d,%d] (z = %s): expected %s (%s#relu)", r, c, Z[r][c], expected, DOC)
                            .isEqualTo(expected);
                }
            }
            assertThat(values(z)).as("Activations.relu(INDArray) changed the caller's array: expected it unchanged — avoid in-place ops on z (%s#relu)", DOC)
                    .containsExactly(values(before));
        }

        @Test
        @DisplayName("reluDerivative(INDArray) is a DOUBLE array of 1.0 where z > 0 and 0.0 elsewhere, input unchanged")
        void arrayDerivative() {
            INDArray z = matrix(Z);
            INDArray before = z.dup();

            INDArray result = Activations.reluDerivative(z);

            assertThat(result.dataType()).as("Activations.reluDerivative(INDArray): expected data type DOUBLE, got %s — a comparison gives BOOL; cast it (%s#relu-derivative)", result.dataType(), DOC)
                    .isEqualTo(DataType.DOUBLE);
            assertThat(shape(result)).as("Activations.reluDerivative(INDArray 2×3): expected shape [2, 3], got %s (%s#relu-derivative)", shape(result), DOC).isEqualTo("[2, 3]");
            for (int r = 0; r < Z.length; r++) {
                for (int c = 0; c < Z[r].length; c++) {
                    double expected = Z[r][c] > 0 ? 1.0 : 0.0;
                    assertThat(result.getDouble(r, c))
                            .as("Activations.reluDerivative(INDArray) at [%d,%d] (z = %s): expected %s (%s#relu-derivative)", r, c, Z[r][c], expected, DOC)
                            .isEqualTo(expected);
                }
            }
            assertThat(values(z)).as("Activations.reluDerivative(INDArray) changed the caller's array: expected it unchanged (%s#relu-derivative)", DOC)
                    .containsExactly(values(before));
        }
    }

    @Nested
    @DisplayName("binary cross-entropy")
    class BinaryCrossEntropy {

        @Test
        @DisplayName("binaryCrossEntropy(y, ŷ) = −(y·log ŷ + (1 − y)·log(1 − ŷ)) for one prediction")
        void scalarValues() {
            assertThat(Activations.binaryCrossEntropy(1.0, 0.8))
                    .as("Activations.binaryCrossEntropy(y = 1, ŷ = 0.8): expected −log 0.8 = %s (%s#binary-cross-entropy)", -Math.log(0.8), DOC)
                    .isCloseTo(-Math.log(0.8), within(1e-12));
            assertThat(Activations.binaryCrossEntropy(0.0, 0.8))
                    .as("Activations.binaryCrossEntropy(y = 0, ŷ = 0.8): expected −log 0.2 = %s — the (1 − y)·log(1 − ŷ) term (%s#binary-cross-entropy)", -Math.log(0.2), DOC)
                    .isCloseTo(-Math.log(0.2), within(1e-12));
        }

        @Test
        @DisplayName("binaryCrossEntropy is finite when ŷ is exactly 0 or 1 (ŷ clipped to [1e-7, 1 − 1e-7])")
        void scalarIsStable() {
            double worst = -Math.log(1e-7);
            double best = -Math.log(1.0 - 1e-7);

            assertThat(Activations.binaryCrossEntropy(1.0, 0.0))
                    .as("Activations.binaryCrossEntropy(y = 1, ŷ = 0): expected −log(1e-7) ≈ %s, not Infinity — clip ŷ first (%s#binary-cross-entropy)", worst, DOC)
                    .isCloseTo(worst, within(1e-9));
            assertThat(Activations.binaryCrossEntropy(0.0, 1.0))
                    .as("Activations.binaryCrossEntropy(y = 0, ŷ = 1): expected −log(1e-7) ≈ %s, not Infinity (%s#binary-cross-entropy)", worst, DOC)
                    .isCloseTo(worst, within(1e-9));
            assertThat(Activations.binaryCrossEntropy(1.0, 1.0))
                    .as("Activations.binaryCrossEntropy(y = 1, ŷ = 1): expected −log(1 − 1e-7) ≈ 1e-7, not NaN — 0 · log(0) is NaN without clipping (%s#binary-cross-entropy)", DOC)
                    .isCloseTo(best, within(1e-15));
            assertThat(Activations.binaryCrossEntropy(0.0, 0.0))
                    .as("Activations.binaryCrossEntropy(y = 0, ŷ = 0): expected ≈ 1e-7, not NaN (%s#binary-cross-entropy)", DOC)
                    .isCloseTo(best, within(1e-15));
        }

        @Test
        @DisplayName("binaryCrossEntropy(INDArray, INDArray) is the mean over all elements and leaves both inputs unchanged")
        void arrayMean() {
            double[][] y = {{1.0, 0.0, 1.0}, {0.0, 1.0, 0.0}};
            double[][] p = {{0.9, 0.2, 0.6}, {0.4, 0.99, 0.05}};
            double sum = 0.0;
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    sum += y[r][c] == 1.0 ? -Math.log(p[r][c]) : -Math.log(1.0 - p[r][c]);
                }
            }
            double expected = sum / 6;
            INDArray yArray = matrix(y);
            INDArray pArray = matrix(p);
            INDArray yBefore = yArray.dup();
            INDArray pBefore = pArray.dup();

            double result = Activations.binaryCrossEntropy(yArray, pArray);

            assertThat(result)
                    .as("Activations.binaryCrossEntropy(2×3 targets, 2×3 predictions): expected the mean of the 6 losses = %s — divide by all elements, not by rows or columns (%s#binary-cross-entropy)", expected, DOC)
                    .isCloseTo(expected, within(1e-12));
            assertThat(values(yArray)).as("Activations.binaryCrossEntropy(INDArray, INDArray) changed y: expected it unchanged (%s#binary-cross-entropy)", DOC).containsExactly(values(yBefore));
            assertThat(values(pArray)).as("Activations.binaryCrossEntropy(INDArray, INDArray) changed yPred: expected it unchanged — clip a copy (%s#binary-cross-entropy)", DOC).containsExactly(values(pBefore));
        }

        @Test
        @DisplayName("binaryCrossEntropy(INDArray, INDArray) is finite for predictions of exactly 0 and 1")
        void arrayIsStable() {
            INDArray y = matrix(new double[][] {{1.0, 0.0, 1.0, 0.0}});
            INDArray p = matrix(new double[][] {{0.0, 1.0, 1.0, 0.0}});
            double expected = (2 * -Math.log(1e-7) + 2 * -Math.log(1.0 - 1e-7)) / 4;
            INDArray pBefore = p.dup();

            double result = Activations.binaryCrossEntropy(y, p);

            assertThat(result)
                    .as("Activations.binaryCrossEntropy(y = [1, 0, 1, 0], ŷ = [0, 1, 1, 0]): expected %s (ŷ clipped to [1e-7, 1 − 1e-7]), not Infinity or NaN (%s#binary-cross-entropy)", expected, DOC)
                    .isCloseTo(expected, within(1e-9));
            assertThat(values(p)).as("Activations.binaryCrossEntropy(INDArray, INDArray) changed yPred = [0, 1, 1, 0]: expected it unchanged — clip a copy, not the caller's array (%s#binary-cross-entropy)", DOC)
                    .containsExactly(values(pBefore));
        }
    }
}
