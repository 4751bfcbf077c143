package backproplab.grader.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeping C2 out of a running JVM, each case in a JVM of its own (the directive would stay in this one). */
@DisplayName("Keeping C2 out of the grader's JVM")
class ShortRunJvmTest {

    /** In the forked JVM: adds the directive and prints whether it did and the JVM's directives afterwards. */
    public static void main(String[] args) throws Exception {
        System.out.println("added: " + ShortRunJvm.keepC2Away());
        System.out.println(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }

    @Test
    @DisplayName("a tiered JVM gets a directive that excludes every method from C2")
    void tiered() throws IOException {
        String output = fork(List.of());
        assertThat(output).contains("added: true");
        // compilerDirectivesPrint lists the added directive first: match *.*, with C2's Exclude set.
        assertThat(output).containsPattern("(?s)Directive:.*matching: \\*\\.\\*.*c2 directives:.*Exclude:true");
    }

    @Test
    @DisplayName("a JVM that has no C2 to keep away (C1 only), or only C2 (not tiered), is left alone")
    void leftAlone() throws IOException {
        assertThat(fork(List.of("-XX:TieredStopAtLevel=1"))).contains("added: false");
        assertThat(fork(List.of("-XX:-TieredCompilation"))).contains("added: false");
    }

    private static String fork(List<String> flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShortRunJvmTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        return output;
    }
}
