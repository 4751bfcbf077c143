package backproplab.grader.suites;

import backproplab.scoring.Graded;
import backproplab.scoring.Visibility;

/** A suite-shaped fixture of {@code ExerciseIsolationTest}: it grades exercise "beta" only. */
public class BetaFixtureHiddenTest {

    @Graded(points = 1, task = "beta.who", visibility = Visibility.HIDDEN)
    void who() {
    }
}
