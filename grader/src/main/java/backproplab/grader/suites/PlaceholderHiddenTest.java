package backproplab.grader.suites;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.activations.Activations;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Placeholder hidden suite so the grading path works end to end until the real suites arrive; delete it
 * when they do.
 */
@DisplayName("Placeholder hidden suite")
class PlaceholderHiddenTest {

    @Test
    @Graded(points = 1, task = "activations.sigmoid", visibility = Visibility.HIDDEN)
    @DisplayName("sigmoid(0) is 0.5")
    void sigmoidOfZeroIsOneHalf() {
        double value = Activations.sigmoid(0.0);
        assertThat(value)
                .as("Activations.sigmoid(0.0): expected exactly 0.5, got %s. Check 1 / (1 + exp(-z)).", value)
                .isEqualTo(0.5);
    }
}
