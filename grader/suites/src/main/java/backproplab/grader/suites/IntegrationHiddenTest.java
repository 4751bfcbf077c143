package backproplab.grader.suites;

import backproplab.grader.protocol.IntegrationSuite;
import backproplab.grader.suites.support.Feedback;
import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.grader.suites.support.XorExperiment;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;
import backproplab.tinynet.TinyNetwork;
import backproplab.training.TinyTrainer;
import backproplab.training.TrainingHistory;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The labelled integration tests: the student's whole submission together, their own activations beneath their own
 * networks and trainer. Every other hidden suite grades the methods it names with the course's reference beneath
 * them ({@link IntegrationSuite}), so a bug in an early exercise costs its own points there and, here, at most these
 * 2 points.
 */
@IntegrationSuite
@DisplayName("Hidden: integration, your whole submission together")
class IntegrationHiddenTest {

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    @Test
    @Graded(points = 1, task = "integration.xor", visibility = Visibility.HIDDEN)
    @DisplayName("integration: your whole network, with your own activations, learns XOR")
    void wholeNetworkLearnsXor() {
        Thresholds t = Thresholds.get();
        XorExperiment experiment = XorExperiment.fromThresholds();
        long[] seeds = XorExperiment.gradedSeeds("integration.xor.seeds");
        int required = t.integer("xor.requiredSeeds");
        StringBuilder lines = new StringBuilder();
        int converged = 0;
        for (long seed : seeds) {
            XorExperiment.Outcome outcome = experiment.run(seed);
            converged += outcome.converged() ? 1 : 0;
            lines.append("\n  ").append(outcome.describe());
        }
        int done = converged;
        Verify.that(done >= required, () -> "NeuralNetwork with your Activations (integration) — XOR was learnt from " + done
                + " of " + seeds.length + " seeds; at least " + required + " must converge (" + experiment.describe() + "):"
                + lines + "\n  This test runs all of your code together. If your Activations and NeuralNetwork tests pass"
                + " one by one, look at how NeuralNetwork calls Activations (docs/06-neural-network.md).");
    }

    @Test
    @Graded(points = 1, task = "integration.tinyTraining", visibility = Visibility.HIDDEN)
    @DisplayName("integration: your TinyTrainer, with your own TinyNetwork and activations, learns a step pattern")
    void wholeTinyStackLearns() {
        double[] xs = {-2, -1, -0.5, 1, 1.5, 2.5};
        double[] ys = {0, 0, 0, 1, 1, 1};
        TinyNetwork net = new TinyNetwork(0.6, 0.1, 0.9, -0.2);
        TrainingHistory history = TinyTrainer.train(net, xs, ys, 0.5, 60);
        double first = history.first();
        double last = history.last();
        Verify.that(Double.isFinite(first) && Double.isFinite(last) && first > 0 && last < 0.5 * first,
                () -> "TinyTrainer.train with your TinyNetwork and Activations (integration) — on x = " + Arrays.toString(xs)
                        + " → y = " + Arrays.toString(ys) + ", 60 epochs at α = 0.5 from w1 = 0.6, b1 = 0.1, w2 = 0.9, b2 = −0.2:"
                        + " the loss went from " + Feedback.num(first) + " to " + Feedback.num(last) + "; expected a positive"
                        + " loss that falls below half of the first epoch's.\n  This test runs all of your code together. If your"
                        + " Activations, TinyNetwork and TinyTrainer tests pass one by one, look at how they call each other"
                        + " (docs/05-training-loop.md#the-loop).");
    }
}
