package backproplab.scoring;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Finds the {@link Graded} annotation that applies to a test, by the rules of {@link Graded}: the method
 * (or field), else the test class and its superclasses, else the enclosing classes of a {@code @Nested} class.
 *
 * <p>Classes are loaded without initialising them, through the thread's context class loader (falling back
 * to this class's loader), so looking a test up runs none of its code.
 */
public final class GradedLookup {

    private GradedLookup() {
    }

    /**
     * The planned test for a test of a JUnit Platform test plan, with the points of its {@link Graded}
     * annotation, or ungraded if none applies or its class cannot be loaded.
     *
     * @param test a test from a test plan
     * @param key  its stable key, usually {@link TestKeys#key(TestIdentifier)}
     * @return the planned test
     */
    public static PlannedTest plan(TestIdentifier test, String key) {
        String className = TestKeys.className(test).orElse("");
        String member = TestKeys.memberName(test);
        return find(test).map(graded -> PlannedTest.graded(key, test.getDisplayName(), className, member, graded))
                .orElseGet(() -> PlannedTest.ungraded(key, test.getDisplayName(), className, member));
    }

    /**
     * The annotation that applies to a test.
     *
     * @param test a test from a test plan
     * @return the annotation, or empty if the test is ungraded or its class cannot be loaded
     */
    public static Optional<Graded> find(TestIdentifier test) {
        Optional<String> className = TestKeys.className(test);
        if (className.isEmpty()) {
            return Optional.empty();
        }
        Optional<Class<?>> type = load(className.get());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<TestSource> source = test.getSource();
        Optional<AnnotatedElement> member = source.isPresent() && source.get() instanceof MethodSource method
                ? findMethod(type.get(), method).map(AnnotatedElement.class::cast)
                : findField(type.get(), test.getDisplayName());
        Optional<Graded> onMember = member.map(m -> m.getAnnotation(Graded.class));
        return onMember.isPresent() ? onMember : onClass(type.get());
    }

    /**
     * The class-level default for a test class: its own annotation, a superclass's, or an enclosing class's.
     *
     * @param testClass a test class
     * @return the nearest class-level annotation, or empty
     */
    public static Optional<Graded> onClass(Class<?> testClass) {
        for (Class<?> scope = testClass; scope != null; scope = scope.getEnclosingClass()) {
            for (Class<?> type = scope; type != null && type != Object.class; type = type.getSuperclass()) {
                Graded graded = type.getAnnotation(Graded.class);
                if (graded != null) {
                    return Optional.of(graded);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<AnnotatedElement> findMethod(Class<?> type, MethodSource source) {
        String[] wanted = source.getMethodParameterTypes() == null || source.getMethodParameterTypes().isBlank()
                ? new String[0] : source.getMethodParameterTypes().replace(" ", "").split(",");
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(source.getMethodName()) && sameParameters(method, wanted)) {
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameParameters(Method method, String[] wanted) {
        String[] actual = Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toArray(String[]::new);
        String[] binary = Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray(String[]::new);
        return Arrays.equals(actual, wanted) || Arrays.equals(binary, wanted);
    }

    private static Optional<AnnotatedElement> findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return Optional.of(c.getDeclaredField(name));
            } catch (NoSuchFieldException e) {
                // not declared here; look in the superclass
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> load(String className) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, GradedLookup.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Optional.of(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return Optional.empty();
    }
}
