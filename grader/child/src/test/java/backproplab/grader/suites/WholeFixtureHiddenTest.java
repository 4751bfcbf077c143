package backproplab.grader.suites;

import backproplab.grader.protocol.IntegrationSuite;
import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;

/** A suite-shaped fixture of {@code ExerciseIsolationTest}: an integration suite of exercise "beta". */
@IntegrationSuite
public class WholeFixtureHiddenTest {

    @Graded(points = 1, task = "beta.who", visibility = Visibility.HIDDEN)
    void who() {
    }
}
