package backproplab.grader.suites;

import backproplab.grader.suites.support.SuiteRuntime;
import backproplab.grader.suites.support.Thresholds;
import backproplab.grader.suites.support.Verify;
import backproplab.grader.suites.support.XorExperiment;
import backproplab.scoring.Graded;
import backproplab.scoring.PartialCredit;
import backproplab.scoring.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Hidden test of exercise 6 on real 2-D XOR: the student's NeuralNetwork (He initialisation, forward, backward,
 * update) trained by the suite's own full-batch loop, over several graded seeds. Settings, seeds and the number of
 * seeds that must converge are in the thresholds file (keys xor.*) with their calibration. 5 points (and 1 more for the
 * same run on the student's whole submission, in {@link IntegrationHiddenTest}).
 */
@DisplayName("Hidden: NeuralNetwork learns XOR (exercise 6)")
class XorHiddenTest {

    @BeforeAll
    static void startNd4j() {
        SuiteRuntime.start();
    }

    @Test
    @Graded(points = 5, task = "network.xor", visibility = Visibility.HIDDEN)
    @DisplayName("a 2-8-1 network learns real 2-D XOR from enough of the graded seeds")
    void learnsXor(TestReporter reporter) {
        Thresholds t = Thresholds.get();
        XorExperiment experiment = XorExperiment.fromThresholds();
        long[] seeds = XorExperiment.gradedSeeds("xor.seeds");
        int required = t.integer("xor.requiredSeeds");
        List<XorExperiment.Outcome> outcomes = new ArrayList<>();
        int converged = 0;
        for (long seed : seeds) {
            XorExperiment.Outcome outcome = experiment.run(seed);
            outcomes.add(outcome);
            if (outcome.converged()) {
                converged++;
            }
        }
        StringBuilder lines = new StringBuilder();
        for (XorExperiment.Outcome outcome : outcomes) {
            lines.append("\n  ").append(outcome.describe());
        }
        String summary = String.format(Locale.ROOT, "%d of %d seeds converged (%s)", converged, seeds.length, experiment.describe());
        if (converged < required) {
            PartialCredit.award(reporter, (double) converged / seeds.length, summary);
        }
        int done = converged;
        Verify.that(done >= required, () -> "NeuralNetwork.forward, .backward, .update and Initializers.he together — XOR: expected at least " + required
                + " of " + seeds.length + " seeds to converge, got " + done + " (" + experiment.describe() + "):"
                + lines + "\n  Each seed ran new NeuralNetwork(seed, 2, 8, 1), then forward(X), backward(Y), update(α) every epoch."
                + " If the gradient tests pass, check update (θ ← θ − α·g, in place) and He initialisation (docs/06-neural-network.md).");
    }
}
