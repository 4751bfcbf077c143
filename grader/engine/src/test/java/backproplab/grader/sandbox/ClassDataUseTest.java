package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What real JVMs log about class-data sharing, read back: used, ignored because broken, or off. */
@DisplayName("Reading whether a JVM used class-data sharing")
class ClassDataUseTest {

    @Test
    @DisplayName("a JVM with its JDK's default archive used it")
    void theDefaultArchiveIsUsed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve(ClassDataUse.LOG_NAME);
        assertThat(java(log)).isZero();

        assertThat(ClassDataUse.of(log)).startsWith("used (").contains(".jsa");
    }

    @Test
    @DisplayName("a corrupt archive under -Xshare:auto is ignored: the JVM still runs, and the log says it was not used")
    void aCorruptArchiveIsIgnored(@TempDir Path dir) throws Exception {
        Path jdkArchive = Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa");
        byte[] start = Files.readAllBytes(jdkArchive);
        // A truncated archive (a header that promises more than the file holds).
        Path corrupt = Files.write(dir.resolve("corrupt.jsa"), java.util.Arrays.copyOf(start, 100_000));
        Path log = dir.resolve(ClassDataUse.LOG_NAME);
        assertThat(java(log, "-XX:SharedArchiveFile=" + corrupt, "-Xshare:auto")).as("the JVM runs without it").isZero();

        assertThat(ClassDataUse.of(log)).startsWith("not used: ").contains("truncated");
    }

    @Test
    @DisplayName("a JVM with --limit-modules (JDK 17) opens no archive at all")
    void limitModulesTurnsItOff(@TempDir Path dir) throws Exception {
        Path log = dir.resolve(ClassDataUse.LOG_NAME);
        assertThat(java(log, "--limit-modules", "java.base")).isZero();

        assertThat(ClassDataUse.of(log)).startsWith("not used");
    }

    @Test
    @DisplayName("a run's first test JVM log answers for the run, and a run without logs is unknown")
    void aRunIsReadFromItsFirstChild(@TempDir Path run) throws Exception {
        assertThat(ClassDataUse.ofRun(run)).isEqualTo("unknown (no log)");
        Path child = Files.createDirectories(run.resolve("child-0"));
        assertThat(java(child.resolve(ClassDataUse.LOG_NAME))).isZero();

        assertThat(ClassDataUse.ofRun(run)).startsWith("used (");
    }

    private static int java(Path log, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SandboxRunner.currentJava().toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-Xlog:cds=info:file=" + log + ":none", "-version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
