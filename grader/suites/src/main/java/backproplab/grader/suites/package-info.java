/**
 * The hidden grading suites: JUnit 5 classes named {@code *HiddenTest}, compiled against the exercises API (the
 * skeleton) and run against a submission's classes in the grader's forked JVM, and against the reference in this
 * repository (the solutions module scans the grader jar with Surefire's {@code dependenciesToScan}).
 *
 * <p>They use other seeds, sizes and data than the visible tests, compute every expected value independently
 * (plain double loops in {@link backproplab.grader.suites.support.PlainNetwork} and
 * {@link backproplab.grader.suites.support.PlainTinyNetwork}, central differences written in the suite), and plant
 * parameters with the given {@code NeuralNetwork.withParameters} so that one wrong method does not hide or fake
 * another. Every failure message names the method under test, says what was expected and what came back, gives
 * the equation and, where the numbers allow a guess, the likely cause.
 *
 * <p>Points (the {@code @Graded} constants; 100 in all) per task:
 * <table>
 *   <caption>Points per task</caption>
 *   <tr><th>task</th><th>points</th><th>suite</th></tr>
 *   <tr><td>chainrule.forward / .backward / .centralDifference</td><td>1.5 / 1.5 / 3</td><td>ChainRuleHiddenTest</td></tr>
 *   <tr><td>activations.sigmoid / .sigmoidArray</td><td>2 / 1.5</td><td>ActivationsHiddenTest</td></tr>
 *   <tr><td>activations.relu / .reluArray / .reluDerivative / .reluDerivativeArray</td><td>0.5 / 1 / 1 / 1</td><td>ActivationsHiddenTest</td></tr>
 *   <tr><td>activations.binaryCrossEntropy / .binaryCrossEntropyArray</td><td>2.5 / 2.5</td><td>ActivationsHiddenTest</td></tr>
 *   <tr><td>tinynet.forward / .backward / .update</td><td>2 / 5.5 / 1.5</td><td>TinyNetworkHiddenTest</td></tr>
 *   <tr><td>gradcheck.relativeError / .tinyCheck / .networkCheck</td><td>1.5 / 4 / 3.5</td><td>GradientCheckHiddenTest</td></tr>
 *   <tr><td>training.train</td><td>6</td><td>TrainingHiddenTest</td></tr>
 *   <tr><td>network.he / .forward / .backward / .update</td><td>2 / 8 / 9 / 2</td><td>NetworkShapesHiddenTest, NetworkBackpropHiddenTest</td></tr>
 *   <tr><td>network.xor</td><td>5</td><td>XorHiddenTest</td></tr>
 *   <tr><td>network.moons</td><td>12 (three tiers of 4)</td><td>MoonsHiddenTest</td></tr>
 *   <tr><td>gradientflow.gradientNorms / .verdict</td><td>2 / 4</td><td>GradientFlowHiddenTest</td></tr>
 *   <tr><td>beyond.sgd / .momentum / .rmsProp / .adam</td><td>1 / 2 / 2 / 2.5</td><td>OptimizersHiddenTest</td></tr>
 *   <tr><td>beyond.globalNorm / .clipByNorm / .xavier</td><td>1 / 1.5 / 2</td><td>OptimizersHiddenTest</td></tr>
 *   <tr><td>integration.xor / .tinyTraining</td><td>1 / 1</td><td>IntegrationHiddenTest (the student's whole submission)</td></tr>
 * </table>
 *
 * <p>Exercise isolation: in the grader's test JVM each suite runs the student's classes of the exercises its tasks
 * name (task {@code network.backward}: package {@code backproplab.network}) on top of the course's reference for every
 * other exercise, so one bug costs points once. Only {@link backproplab.grader.protocol.IntegrationSuite} suites
 * ({@link backproplab.grader.suites.IntegrationHiddenTest}) run the student's whole submission.
 *
 * <p>Tolerances, thresholds and training settings live in one file,
 * {@code backproplab/grader/thresholds.properties}, with the calibration of each; an instructor overrides entries
 * with the system property {@code backproplab.thresholds=<file>} (see
 * {@link backproplab.grader.suites.support.Thresholds}). Points are not overridable there: change a
 * {@code @Graded} constant and rebuild the grader.
 */
package backproplab.grader.suites;
