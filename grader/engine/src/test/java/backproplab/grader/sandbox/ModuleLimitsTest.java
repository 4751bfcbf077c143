package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module layer alone ({@code --isolation modules}): a probe in a real test JVM finds no JShell, compiler, scripting, ... */
@DisplayName("The test JVM's module limits")
class ModuleLimitsTest {

    private static final List<String> PROBES = List.of(ModulesProbeSuite.NO_JSHELL, ModulesProbeSuite.NO_COMPILER,
            ModulesProbeSuite.NO_SCRIPTING, ModulesProbeSuite.NO_ATTACH, ModulesProbeSuite.NO_MANAGEMENT,
            ModulesProbeSuite.NO_DEBUGGER);

    @Test
    @DisplayName("with --isolation modules, jshell, the compiler, scripting, attach, instrument, management and jdi are absent")
    void modulesAreLimited(@TempDir Path out) throws URISyntaxException {
        CliRun run = probe(out, "modules");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String name : PROBES) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s; %s", name, run.describe()).isEqualTo("passed");
        }
        assertThat(run.requireTest(ModulesProbeSuite.SUITES_NEEDS).path("status").asText()).as(run.describe())
                .isEqualTo("passed");
        assertThat(run.results().path("output").asText()).as("the run notes in results.json")
                .contains("Isolation: modules only (--isolation modules)")
                .contains("java.base, java.desktop, java.logging, jdk.unsupported, jdk.zipfs");
    }

    @Test
    @DisplayName("with --isolation none, the same probe finds every one of them (so the probe can tell)")
    void noneHasThemAll(@TempDir Path out) throws URISyntaxException {
        CliRun run = probe(out, "none");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String name : PROBES) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s; %s", name, run.describe()).isEqualTo("failed");
        }
        assertThat(run.results().path("output").asText()).as("the run notes in results.json").contains("Isolation: none");
    }

    private static CliRun probe(Path out, String level) throws URISyntaxException {
        Path probe = Path.of(ModulesProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return CliRun.gradeWith(CliRun.fixture("good"), out, List.of("--suites", ModulesProbeSuite.NAME,
                "--suite-path", probe.toString(), "--isolation", level, "--no-backend-info", "--no-structure-rules",
                "--no-fork-compiler"));
    }
}
