package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import backproplab.grader.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a grade picks its isolation where bubblewrap does not work (simulated with {@value Bubblewrap#EXECUTABLE_PROPERTY}):
 * the default falls back to the module limits and says why; {@code --isolation full} fails loudly.
 */
@DisplayName("Choosing the isolation of a grade")
class IsolationChoiceTest {

    @TempDir
    Path out;

    @AfterEach
    void restore() {
        System.clearProperty(Bubblewrap.EXECUTABLE_PROPERTY);
    }

    @Test
    @DisplayName("--isolation full without bubblewrap: exit code 1 and a minimal results.json saying why")
    void fullRequiredButMissing() {
        System.setProperty(Bubblewrap.EXECUTABLE_PROPERTY, out.resolve("no-such-bwrap").toString());

        CliRun run = CliRun.grade(CliRun.fixture("good"), out, "--isolation", "full");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stderr()).as("the grader's error").contains("--isolation full was required, but bubblewrap is not installed");
        assertThat(run.results().path("score").asDouble()).as("score in the minimal results.json").isZero();
        assertThat(run.results().path("output").asText()).as("output of the minimal results.json")
                .contains("--isolation full was required, but bubblewrap is not installed");
        assertThat(run.tests()).as("tests of the minimal results.json").isEmpty();
    }

    @Test
    @DisplayName("the default without bubblewrap: graded with the modules limited, and the report says why")
    void autoFallsBackToModules() {
        System.setProperty(Bubblewrap.EXECUTABLE_PROPERTY, out.resolve("no-such-bwrap").toString());

        CliRun run = CliRun.grade(CliRun.fixture("good"), out);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score; %s", run.describe()).isEqualTo(5.0);
        assertThat(run.results().path("output").asText()).as("run notes")
                .contains("Isolation: modules only — bubblewrap is not installed (no " + out.resolve("no-such-bwrap") + ")");
    }

    @Test
    @DisplayName("the default where bubblewrap cannot start the test JVM: the probe's failure is the reason given")
    void autoWhenBubblewrapFails() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        Path broken = out.resolve("broken-bwrap");
        Files.writeString(broken, "#!/bin/sh\necho 'bwrap: No permissions to create a new namespace' >&2\nexit 1\n");
        broken.toFile().setExecutable(true);
        System.setProperty(Bubblewrap.EXECUTABLE_PROPERTY, broken.toString());

        CliRun run = CliRun.grade(CliRun.fixture("good"), out.resolve("report"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("output").asText()).as("run notes")
                .contains("Isolation: modules only — bubblewrap cannot run the test JVM here (exit code 1): "
                        + "bwrap: No permissions to create a new namespace");
    }

    @Test
    @DisplayName("--isolation accepts auto, full, modules and none, and nothing else")
    void levels() {
        CliRun run = CliRun.grade(CliRun.fixture("good"), out, "--isolation", "partial");

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).contains("'partial' is not an isolation level; use auto, full, modules or none");
        assertThat(List.of(IsolationLevel.values())).extracting(IsolationLevel::label).containsExactly("full", "modules", "none");
    }
}
