package backproplab.scoring;

import java.util.Objects;

/**
 * A test as the test plan announces it, before it runs: its stable key, where it lives and how it is graded.
 *
 * <p>In the grader, the child JVM sends one {@code PlannedTest} per test of its plan as its first events, so the
 * parent knows every test that should report, including those that never will.
 *
 * <p>The constructor replaces {@code null} strings by {@code ""}; it throws {@link NullPointerException} if
 * {@code id} or {@code visibility} is {@code null}, and {@link IllegalArgumentException} if {@code points} is
 * negative or not finite, or if an ungraded test has points.
 *
 * @param id          the stable key of the test, see {@link TestKeys#key(org.junit.platform.launcher.TestIdentifier)}
 * @param displayName the name JUnit displays, for example a {@code @DisplayName} sentence
 * @param className   fully qualified name of the test class, or {@code ""} if the test has no class
 * @param methodName  name of the test method (or field), or {@code ""} if it has none
 * @param graded      whether a {@link Graded} annotation applies; {@code false} means 0 of 0 points
 * @param points      the maximum score; {@code 0} when not graded
 * @param task        the task id, or {@code ""} when not graded
 * @param visibility  when a student may see the test; {@link Visibility#VISIBLE} when not graded
 */
public record PlannedTest(String id, String displayName, String className, String methodName,
                          boolean graded, double points, String task, Visibility visibility) {

    /**
     * Checks the values and replaces {@code null} strings by {@code ""}.
     *
     * @param id the {@code id} component, as described above
     * @param displayName the {@code displayName} component, as described above
     * @param className the {@code className} component, as described above
     * @param methodName the {@code methodName} component, as described above
     * @param graded the {@code graded} component, as described above
     * @param points the {@code points} component, as described above
     * @param task the {@code task} component, as described above
     * @param visibility the {@code visibility} component, as described above
     */
    public PlannedTest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(visibility, "visibility");
        displayName = displayName == null ? id : displayName;
        className = className == null ? "" : className;
        methodName = methodName == null ? "" : methodName;
        task = task == null ? "" : task;
        if (!(points >= 0.0) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("Test " + id + ": points must be a finite number >= 0, got " + points);
        }
        if (!graded && points != 0.0) {
            throw new IllegalArgumentException("Test " + id + " is not graded but has " + points + " points");
        }
    }

    /**
     * A test that carries no {@link Graded} annotation.
     *
     * @param id          stable key
     * @param displayName display name
     * @param className   test class, or {@code ""}
     * @param methodName  test method, or {@code ""}
     * @return an ungraded planned test, worth 0 of 0 points
     */
    public static PlannedTest ungraded(String id, String displayName, String className, String methodName) {
        return new PlannedTest(id, displayName, className, methodName, false, 0.0, "", Visibility.VISIBLE);
    }

    /**
     * A test graded by the given annotation values.
     *
     * @param id          stable key
     * @param displayName display name
     * @param className   test class, or {@code ""}
     * @param methodName  test method, or {@code ""}
     * @param graded      the annotation that applies to the test
     * @return a graded planned test
     */
    public static PlannedTest graded(String id, String displayName, String className, String methodName, Graded graded) {
        return new PlannedTest(id, displayName, className, methodName, true, graded.points(), graded.task(),
                graded.visibility());
    }
}
