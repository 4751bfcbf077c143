/**
 * The scoring API of Backprop Lab: points for JUnit 5 tests, partial credit, and a report of the score.
 *
 * <h2>Overview</h2>
 * <p>A graded test is an ordinary JUnit Jupiter test with a {@link backproplab.scoring.Graded} annotation,
 * which gives it points, a task id and a {@link backproplab.scoring.Visibility}. The annotation on a class
 * is the default for the tests of the class. Tests without it still run and are reported as ungraded, worth
 * 0 of 0 points. A test can earn part of its points with
 * {@link backproplab.scoring.PartialCredit#award(org.junit.jupiter.api.TestReporter, double, String)} and
 * attach pictures of its run with
 * {@link backproplab.scoring.Attachments#image(org.junit.jupiter.api.TestReporter, java.nio.file.Path)}.
 *
 * <pre>{@code
 * @Graded(points = 1, task = "moons.train", visibility = Visibility.HIDDEN)
 * class MoonsHiddenTest {
 *
 *     @Test
 *     @DisplayName("the loss after 2000 epochs is below 0.1")
 *     void lossGoesDown() { ... }                                 // 1 point, hidden
 *
 *     @Test
 *     @Graded(points = 4, task = "moons.accuracy", visibility = Visibility.HIDDEN)
 *     void testAccuracy(TestReporter reporter) {
 *         double accuracy = ...;
 *         Attachments.image(reporter, DecisionBoundary.write(network, outputDir.resolve("moons.png")));
 *         if (accuracy >= 0.90) {
 *             PartialCredit.award(reporter, 0.5, "test accuracy " + accuracy + " reached the 90 % tier");
 *         }
 *         assertThat(accuracy).as("test accuracy on moons").isGreaterThanOrEqualTo(0.95);
 *     }                                                           // 4 points, 2 for the 90 % tier
 * }
 * }</pre>
 *
 * <h2>How a run becomes a report</h2>
 * <ol>
 *   <li>{@link backproplab.scoring.JUnitEventForwarder}, a JUnit Platform {@code TestExecutionListener},
 *       turns the platform's callbacks into plain events of a {@link backproplab.scoring.TestEventSink}:
 *       {@code planned}, {@code started}, {@code reportEntry}, {@code output}, {@code finished}. Tests are
 *       named by a stable key ({@link backproplab.scoring.TestKeys}), failures by a student-facing message
 *       ({@link backproplab.scoring.FailureMessages}), and each planned test carries its points
 *       ({@link backproplab.scoring.PlannedTest}, found by {@link backproplab.scoring.GradedLookup}).</li>
 *   <li>{@link backproplab.scoring.GradeCollector}, the mutable builder, receives the events and applies the
 *       scoring rules. It can also be driven by hand, from an event stream of another JVM, and can end the
 *       tests that never reported with {@link backproplab.scoring.TestStatus#TIMED_OUT} or
 *       {@link backproplab.scoring.TestStatus#NOT_RUN}.</li>
 *   <li>{@link backproplab.scoring.GradeReport}, the immutable result, lists one
 *       {@link backproplab.scoring.TestOutcome} per test in plan order, with totals per task and overall.
 *       {@link backproplab.scoring.ScoreTable} prints it as text.</li>
 * </ol>
 * {@link backproplab.scoring.ScoringListener} puts the three together in one JVM. It is registered through
 * {@code META-INF/services}, so a Surefire run of the visible tests scores them exactly like the grader
 * would, and writes {@code target/score-preview.txt}. The grader itself scores in a separate JVM from the
 * event stream of the JVM that ran the student's code, so that a crash or a hang there cannot change the
 * score.
 *
 * <h2>Scoring rules</h2>
 * <ul>
 *   <li>A test that passes scores its points, or the fraction of them it was awarded.</li>
 *   <li>A test that fails or aborts scores the fraction it was awarded before it failed, else 0.</li>
 *   <li>A test that is skipped, never runs or times out scores 0.</li>
 *   <li>Scores are rounded to 6 decimals ({@link backproplab.scoring.Points}).</li>
 * </ul>
 *
 * <h2>Dependencies</h2>
 * <p>This package compiles against {@code junit-platform-launcher} and {@code junit-jupiter-api} in
 * {@code provided} scope: the test runtime (Surefire, the grader) supplies them. Nothing in it depends on
 * ND4J except the backend line that {@link backproplab.scoring.ScoringListener} puts in its preview.
 */
package backproplab.scoring;
