package backproplab.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backproplab.activations.Activations;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A tiny hidden suite for the grader's own tests: five one-point tests on the scalar activation functions,
 * run in the forked child on the fixture submissions under {@code src/test/resources/submissions}. Its name
 * does not end in {@code Test}, so Surefire does not run it directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProbeSuite {

    static final String NAME = ProbeSuite.class.getName();

    /** The class folder that holds this suite, for {@code grade --suite-path}: the test JVM has only the bundled suites. */
    static String folder() {
        try {
            return java.nio.file.Path.of(ProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    @Graded(points = 1, task = "probe.sigmoid", visibility = Visibility.HIDDEN)
    @DisplayName("sigmoid(0) is 0.5")
    void sigmoidOfZero() {
        assertEquals(0.5, Activations.sigmoid(0.0), "Activations.sigmoid(0.0)");
    }

    @Test
    @Order(2)
    @Graded(points = 1, task = "probe.relu")
    @DisplayName("relu(2) is 2")
    void reluOfTwo() {
        assertEquals(2.0, Activations.relu(2.0), "Activations.relu(2.0)");
    }

    @Test
    @Order(3)
    @Graded(points = 1, task = "probe.relu")
    @DisplayName("relu(-2) is 0")
    void reluOfMinusTwo() {
        assertEquals(0.0, Activations.relu(-2.0), "Activations.relu(-2.0)");
    }

    @Test
    @Order(4)
    @Graded(points = 1, task = "probe.reluDerivative")
    @DisplayName("reluDerivative(3) is 1")
    void reluDerivativeOfThree() {
        assertEquals(1.0, Activations.reluDerivative(3.0), "Activations.reluDerivative(3.0)");
    }

    @Test
    @Order(5)
    @Graded(points = 1, task = "probe.bce")
    @DisplayName("binaryCrossEntropy(1, 0.5) is ln 2")
    void bceOfOneHalf() {
        double loss = Activations.binaryCrossEntropy(1.0, 0.5);
        assertEquals(Math.log(2), loss, 1e-12, "Activations.binaryCrossEntropy(1.0, 0.5): expected ln 2, got " + loss);
    }
}
