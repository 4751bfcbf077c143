package backproplab.grader.sandbox;

import java.util.List;

/**
 * The JDK modules the test JVM may see ({@code --limit-modules}): what the suites, the course runtime, JUnit, Jackson,
 * XChart and ND4J need, found with {@code jdeps} on the test JVM's class path and checked by running the reference.
 *
 * <ul>
 *   <li>{@code java.base};</li>
 *   <li>{@code java.desktop}, for XChart's headless PNGs (it brings {@code java.xml}, {@code java.datatransfer} and
 *       {@code java.prefs});</li>
 *   <li>{@code java.logging}, for JUnit's and Guava's loggers;</li>
 *   <li>{@code jdk.unsupported}, for {@code sun.misc.Unsafe}, which ND4J, JavaCPP and protobuf use;</li>
 *   <li>{@code jdk.zipfs}, the zip file system with which JUnit finds the suites of a package inside a jar (without it,
 *       {@code --suites <package>} finds no test).</li>
 * </ul>
 *
 * <p>Left out on purpose, among others: {@code java.compiler}, {@code jdk.compiler}, {@code jdk.jshell},
 * {@code java.scripting}, {@code jdk.attach}, {@code java.instrument}, {@code java.management},
 * {@code jdk.management}, {@code jdk.jdi}, {@code java.net.http}, {@code java.sql} and {@code java.naming}. The test
 * JVM's own code therefore uses {@link ProcessHandle} rather than {@code java.lang.management} for its CPU time, and
 * ND4J's optional users of {@code java.management} (its profiler and {@code SystemInfo}) are never loaded.
 *
 * <p>One cost: a JDK 17 JVM started with {@code --limit-modules} does not use its class-data sharing archive, which
 * adds some CPU time to each test JVM's start.
 */
public final class ModuleLimits {

    /** The modules named on the command line; the JVM adds what they require. */
    public static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "jdk.unsupported",
            "jdk.zipfs");

    private ModuleLimits() {
    }

    /** The test JVM's options that apply the limit. */
    static List<String> jvmOptions() {
        return List.of("--limit-modules", String.join(",", MODULES));
    }
}
