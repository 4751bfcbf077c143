package backproplab.scoring;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Stable, readable keys for tests: the name by which reports, the grader's event stream and golden files
 * refer to a test.
 *
 * <p>Unlike JUnit's unique id, a key says what a person recognises and does not depend on the engine's
 * id format:
 * <ul>
 *   <li>{@code backproplab.grader.suites.BackwardHiddenTest#gradientShapes} for a plain test method;</li>
 *   <li>{@code ...BackwardHiddenTest#layer(int)} when the method has parameters;</li>
 *   <li>{@code ...MoonsHiddenTest#accuracy(long)[[2] seed=7]} for an invocation of a parameterised,
 *       repeated or dynamic test: the display name of the invocation in brackets;</li>
 *   <li>{@code ...StructureRulesTest#noReflection} for a test with a class and a field or display name
 *       (ArchUnit rules);</li>
 *   <li>JUnit's unique id when the test has no class at all.</li>
 * </ul>
 * Keys depend only on the test classes, never on timing or on the order of a run. This class needs the
 * JUnit Platform launcher API only.
 */
public final class TestKeys {

    private static final String METHOD_SEGMENT = "method";

    private TestKeys() {
    }

    /**
     * The stable key of a test.
     *
     * @param test a test (or container) from a JUnit Platform test plan
     * @return its key, as described in the class comment
     */
    public static String key(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            String key = method.getClassName() + "#" + method.getMethodName() + parameters(method);
            return isPlainMethod(test) ? key : key + "[" + test.getDisplayName() + "]";
        }
        Optional<String> className = className(test);
        return className.map(name -> name + "#" + test.getDisplayName()).orElse(test.getUniqueId());
    }

    /**
     * The fully qualified test class of a test, from its source or, failing that, from its unique id.
     *
     * @param test a test from a JUnit Platform test plan
     * @return the class name, or empty if the test has none
     */
    public static Optional<String> className(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            return Optional.of(type.getClassName());
        }
        List<UniqueId.Segment> segments = segments(test);
        for (int i = segments.size() - 1; i >= 0; i--) {
            String value = segments.get(i).getValue();
            if (segments.get(i).getType().equals("class") && value.contains(".")) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The member (method or field) a test runs, if known.
     *
     * @param test a test from a JUnit Platform test plan
     * @return the method name, or the display name for a test with a class but no method source
     */
    public static String memberName(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource method) {
            return method.getMethodName();
        }
        return className(test).isPresent() ? test.getDisplayName() : "";
    }

    private static String parameters(MethodSource method) {
        String types = method.getMethodParameterTypes();
        return types == null || types.isBlank() ? "" : "(" + types.replace(" ", "") + ")";
    }

    private static boolean isPlainMethod(TestIdentifier test) {
        List<UniqueId.Segment> segments = segments(test);
        return segments.isEmpty() || segments.get(segments.size() - 1).getType().equals(METHOD_SEGMENT);
    }

    private static List<UniqueId.Segment> segments(TestIdentifier test) {
        try {
            return UniqueId.parse(test.getUniqueId()).getSegments();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
