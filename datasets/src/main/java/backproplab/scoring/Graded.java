package backproplab.scoring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a test points, a task and a visibility.
 *
 * <p>On a test method, it grades that test. On a test class, it is the default for every test method of
 * the class and of its {@code @Nested} classes; an annotation on the method (or on a nearer class) wins
 * as a whole, values are not merged. On a field, it grades the test the field declares (ArchUnit's
 * {@code @ArchTest} rules). Tests without {@code @Graded} anywhere on their way up are reported as
 * ungraded: they run and show in the reports, with 0 of 0 points.
 *
 * <pre>{@code
 * @Graded(points = 1, task = "network.backward")          // default for the methods below
 * class BackwardHiddenTest {
 *
 *     @Test                                               // 1 point, visible, task network.backward
 *     void gradientShapes() { ... }
 *
 *     @Test
 *     @Graded(points = 3, task = "network.backward", visibility = Visibility.HIDDEN)
 *     void gradientsMatchCentralDifferences() { ... }
 * }
 * }</pre>
 *
 * <p>Every test of a parameterised, repeated or dynamic test method earns the method's points, so a
 * {@code @ParameterizedTest} with four cases and {@code points = 1} is worth 4 points.
 *
 * @see PartialCredit
 * @see ScoringListener
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.FIELD})
public @interface Graded {

    /**
     * The points a fully passing test earns; must not be negative.
     *
     * @return the maximum score of the test
     */
    double points();

    /**
     * The task (exercise part) the test belongs to, a dotted id such as {@code "network.backward"}.
     * Reports group tests by task and show per-task subtotals.
     *
     * @return the task id; never blank
     */
    String task();

    /**
     * When a student may see the test and its result.
     *
     * @return {@link Visibility#VISIBLE} unless stated
     */
    Visibility visibility() default Visibility.VISIBLE;
}
