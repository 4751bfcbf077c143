package backproplab.beyond;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.runtime.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Graded(points = 1, task = "beyond")
@DisplayName("Exercise 8: gradient clipping by global norm (docs/08-beyond.md#clipping-by-norm)")
class GradientClippingTest {

    private static final String DOC = "docs/08-beyond.md";

    @BeforeAll
    static void startNd4j() {
        Backend.init();
    }

    /** dW = [[3, 0], [0, 4]] and db = [[12]]: global norm √(9 + 16 + 144) = 13. */
    private static Map<String, INDArray> gradients() {
        Map<String, INDArray> g = new LinkedHashMap<>();
        g.put("W1", Nd4j.createFromArray(new double[][] {{3, 0}, {0, 4}}));
        g.put("b1", Nd4j.createFromArray(new double[][] {{12}}));
        return g;
    }

    @Test
    @DisplayName("globalNorm is √ of the sum of squares of every element of every array")
    void globalNorm() {
        double norm = GradientClipping.globalNorm(gradients());
        assertThat(norm).as("globalNorm of {[[3,0],[0,4]], [[12]]}: expected √(9+16+144) = 13, got %s (%s#global-norm)", norm, DOC)
                .isCloseTo(13.0, within(1e-12));
    }

    @Test
    @DisplayName("scales every gradient by the same factor maxNorm / globalNorm when the norm is too large")
    void clipsToMaxNorm() {
        Map<String, INDArray> clipped = GradientClipping.clipByNorm(gradients(), 6.5);
        assertThat(clipped.keySet()).as("same names in the same order").containsExactly("W1", "b1");
        assertThat(clipped.get("W1").getDouble(1, 1)).as("clipped W1[1,1]: expected 4 · 6.5/13 = 2 (%s#clipping-by-norm)", DOC)
                .isCloseTo(2.0, within(1e-12));
        assertThat(clipped.get("b1").getDouble(0, 0)).as("clipped b1[0,0]: expected 12 · 6.5/13 = 6; one factor for all arrays")
                .isCloseTo(6.0, within(1e-12));
        assertThat(GradientClipping.globalNorm(clipped)).as("global norm after clipping to 6.5").isCloseTo(6.5, within(1e-12));
    }

    @Test
    @DisplayName("leaves gradients whose norm is already below the limit unchanged")
    void keepsSmallGradients() {
        Map<String, INDArray> clipped = GradientClipping.clipByNorm(gradients(), 20);
        assertThat(clipped.get("W1")).as("a norm of 13 is below 20: W1 must not change").isEqualTo(gradients().get("W1"));
        assertThat(clipped.get("b1")).as("b1 must not change").isEqualTo(gradients().get("b1"));
    }

    @Test
    @DisplayName("does not modify the caller's arrays")
    void doesNotMutate() {
        Map<String, INDArray> input = gradients();
        GradientClipping.clipByNorm(input, 1.0);
        assertThat(input.get("W1")).as("clipByNorm scaled the caller's W1 in place; return new arrays").isEqualTo(gradients().get("W1"));
        assertThat(input.get("b1")).as("clipByNorm scaled the caller's b1 in place").isEqualTo(gradients().get("b1"));
    }
}
