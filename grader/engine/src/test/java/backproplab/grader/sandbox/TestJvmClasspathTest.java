package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test JVM, where student code runs, gets the course runtime and the suites, and nothing of the engine. */
@DisplayName("The test JVM's class path")
class TestJvmClasspathTest {

    private static final List<String> ENGINE_ONLY = List.of("picocli/CommandLine.class",
            "com/tngtech/archunit/core/importer/ClassFileImporter.class", "backproplab/grader/engine/GradingSession.class",
            "backproplab/grader/cli/GradeCommand.class", "backproplab/grader/sandbox/SandboxRunner.class");

    @Test
    @DisplayName("holds no picocli, ArchUnit or engine class and no hidden suite, but the test-JVM runtime and JUnit's engine")
    void holdsNoEngineClass() {
        RuntimeClasspath classpath = RuntimeClasspath.detect(List.of("backproplab/activations/Activations.class"));
        List<Path> entries = classpath.childClasspath(Path.of("submission-classes"));

        for (Path entry : entries) {
            for (String resource : ENGINE_ONLY) {
                assertThat(holds(entry, resource)).as("%s holds %s", entry, resource).isFalse();
            }
        }
        assertThat(entries).as("test JVM class path").noneMatch(e -> holds(e, "backproplab/grader/suites/support/Thresholds.class"))
                .noneMatch(e -> holds(e, "backproplab/grader/thresholds.properties"))
                .anyMatch(e -> holds(e, "backproplab/grader/child/ChildMain.class"))
                .anyMatch(e -> holds(e, "org/junit/jupiter/engine/JupiterTestEngine.class"));
        assertThat(classpath.compileClasspath()).as("what a submission compiles against")
                .noneMatch(e -> holds(e, "backproplab/grader/suites/support/Thresholds.class"))
                .noneMatch(e -> holds(e, "backproplab/grader/child/ChildMain.class"));
        assertThat(classpath.hiddenSuites()).as("the hidden suites, sent to the test JVM as bytes")
                .anyMatch(e -> holds(e, "backproplab/grader/suites/support/Thresholds.class"));
    }

    @Test
    @DisplayName("keeps the reference classes apart: handed to the test JVM for exercise isolation, never on a class path")
    void referenceIsApart() {
        RuntimeClasspath classpath = RuntimeClasspath.detect(List.of("backproplab/activations/Activations.class"));

        assertThat(classpath.reference()).as("the reference classes (module grader/reference)").singleElement()
                .satisfies(entry -> assertThat(holds(entry, "backproplab/activations/Activations.class")).isTrue());
        assertThat(classpath.childClasspath(Path.of("submission-classes"))).as("test JVM class path")
                .noneMatch(e -> holds(e, RuntimeClasspath.REFERENCE_MARKER));
        assertThat(classpath.compileClasspath()).as("what a submission compiles against")
                .noneMatch(e -> holds(e, "backproplab/activations/Activations.class"));
    }

    @Test
    @DisplayName("in a real test JVM, picocli, ArchUnit and the engine cannot be loaded, nor the hidden files read")
    void realTestJvmCannotLoadTheEngine(@TempDir Path out) throws URISyntaxException {
        Path probe = Path.of(ClasspathProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        CliRun run = CliRun.gradeWith(CliRun.fixture("good"), out, List.of("--suites", ClasspathProbeSuite.NAME,
                "--suite-path", probe.toString(), "--no-structure-rules", "--no-fork-compiler"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String name : List.of("picocli is not on the test JVM's class path", "ArchUnit is not on the test JVM's class path",
                "no engine or CLI class is on the test JVM's class path", "the test-JVM runtime and ND4J are there",
                "the hidden suites, their thresholds, this suite's own class file and the reference are on no class path")) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s; %s", name, run.describe()).isEqualTo("passed");
        }
    }

    private static boolean holds(Path entry, String resource) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(resource));
        }
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(resource) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
