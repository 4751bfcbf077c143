package backproplab.grader.sandbox;

import backproplab.grader.jvm.RuntimeImage;
import java.nio.file.Path;
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
 * <p>The limit is applied in one of two ways ({@link Applied}). Where the JDK has its {@code jmods}, the test JVM is a
 * {@code jlink} runtime image that holds only these modules ({@link RuntimeImage}, made once per JDK and grader
 * install, in the folder of the class-data archives): the other modules are not there at all, and the image's JVM
 * maps its own class-data sharing archive. Otherwise the JDK's own JVM gets {@code --limit-modules}, with which a JDK
 * 17 JVM does not use any class-data sharing archive, so every class is loaded and verified from its jar again.
 */
public final class ModuleLimits {

    /** The modules named on the command line; the JVM adds what they require. */
    public static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "jdk.unsupported",
            "jdk.zipfs");

    private ModuleLimits() {
    }

    /** File name stem of the test JVM's runtime image. */
    static final String IMAGE_NAME = "test-runtime";
    /** The image's name in messages. */
    public static final String IMAGE_NAME_FOR_REPORTS = IMAGE_NAME;

    /**
     * How the limit is applied to the test JVM.
     *
     * @param java       the test JVM's {@code java} executable
     * @param jvmOptions the options that limit its modules (none for an image)
     * @param how        for the reports: how the limit is applied
     * @param image      whether {@code java} is the image's
     */
    public record Applied(Path java, List<String> jvmOptions, String how, boolean image) {

        /** Copies the options. */
        public Applied {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** The test JVM's runtime image for a JDK (it may not exist). */
    public static RuntimeImage image(Path folder, Path java) {
        return RuntimeImage.of(IMAGE_NAME, folder, java, MODULES);
    }

    /**
     * The limit for a test JVM of this JDK: its runtime image when it exists and {@code useImage}, else
     * {@code --limit-modules}.
     *
     * @param java     the JDK's {@code java} executable
     * @param folder   the folder of the images
     * @param useImage whether the image may be used ({@code --cds off} says no)
     */
    static Applied applied(Path java, Path folder, boolean useImage) {
        RuntimeImage image = image(folder, java);
        if (useImage && image.java().isPresent()) {
            return new Applied(image.java().get(), List.of(), "a jlink runtime image with only these modules", true);
        }
        String why = !useImage ? "as --cds off asks" : image.problem().map(problem -> problem)
                .orElse("the runtime image is not made yet");
        return new Applied(java, jvmOptions(), "--limit-modules, " + why, false);
    }

    /** The test JVM's options that apply the limit to a whole JDK. */
    static List<String> jvmOptions() {
        return List.of("--limit-modules", String.join(",", MODULES));
    }
}
