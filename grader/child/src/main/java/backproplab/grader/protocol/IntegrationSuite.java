package backproplab.grader.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a hidden suite that grades the submission as a whole: in the test JVM it runs on the student's own classes of
 * every exercise, where every other suite runs the student's classes of the exercises it grades only, on top of the
 * course's reference (exercise isolation, {@code backproplab.grader.child.ExerciseIsolation}). Keep such suites few
 * and worth few points, and say so in their display names: a bug in an early exercise also costs their points.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IntegrationSuite {
}
