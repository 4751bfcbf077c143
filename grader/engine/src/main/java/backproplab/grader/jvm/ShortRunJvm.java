package backproplab.grader.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * JVM flags for the grader's short-lived JVMs (the test JVM, the javac JVM): they live for seconds, so the optimising
 * JIT compiler (C2) costs more CPU time than its faster code saves.
 *
 * <p>Measured with {@code grader/engine/src/bench/grading-benchmark.sh} on 2 cores: C1 only
 * ({@code -XX:TieredStopAtLevel=1}) halves the test JVM's CPU time on the reference (C2 spent about 4.5 of its 11 CPU
 * seconds compiling, and the tests did not run faster for it) and halves javac's; its wall time does not grow,
 * because the suites' training runs last about 2 s, too short for C2's code to pay back its compile time. Changing
 * the compile thresholds ({@code -XX:CompileThresholdScaling} 0.5 and 2) or the number of compiler threads made no
 * difference that the benchmark could see, so they are left at their defaults.
 */
public final class ShortRunJvm {

    /** C1 only: compiled code sooner, and far less CPU spent compiling it. */
    public static final List<String> JIT = List.of("-XX:TieredStopAtLevel=1");

    /** The compiler directive that keeps every method away from C2 (HotSpot's JSON-like directive syntax). */
    static final String NO_C2_DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ShortRunJvm() {
    }

    /**
     * Keeps the optimising JIT compiler (C2) out of this JVM from now on, for a JVM that was started without
     * {@link #JIT}, such as the grader's own {@code java -jar grader.jar grade}: a method that would go to C2 is
     * compiled by C1 instead, which is what {@code -XX:TieredStopAtLevel=1} does from the start. It adds a compiler
     * directive through the JVM's diagnostic command MBean ({@code jcmd <pid> Compiler.directives_add}); directives
     * change what gets compiled, never what the code does. Measured on the reference: the grader JVM's CPU time goes
     * from about 5.5 to 3.5 s (C2 alone used 2 to 3 s of it), as with {@code -XX:TieredStopAtLevel=1}.
     *
     * <p>Nothing is done when C2 is not there to keep away, or C1 is not there to take over: with
     * {@code -XX:TieredStopAtLevel} below 4 (the platform scripts start the grader so) or with
     * {@code -XX:-TieredCompilation}, where C2 is the only JIT compiler and excluding it would leave every method to the
     * interpreter.
     *
     * @return whether the directive was added (not on a JVM without HotSpot's diagnostic commands)
     */
    public static boolean keepC2Away() {
        Path file = null;
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) < 4) {
                return false;
            }
            file = Files.createTempFile("backproplab-no-c2-", ".json");
            Files.writeString(file, NO_C2_DIRECTIVE, StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return answer instanceof String text && text.contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }
}
