package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.checks.SkeletonApi;
import backproplab.grader.cli.CliRun;
import backproplab.grader.jvm.RuntimeImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module layer alone ({@code --isolation modules}): a probe in a real test JVM finds no JShell, compiler, scripting,
 * ..., both when the test JVM is the jlink runtime image (made here first, where this JDK has its jmods) and when it is
 * the JDK with {@code --limit-modules} ({@code --cds off}).
 */
@DisplayName("The test JVM's module limits")
class ModuleLimitsTest {

    private static final List<String> PROBES = List.of(ModulesProbeSuite.NO_JSHELL, ModulesProbeSuite.NO_COMPILER,
            ModulesProbeSuite.NO_SCRIPTING, ModulesProbeSuite.NO_ATTACH, ModulesProbeSuite.NO_MANAGEMENT,
            ModulesProbeSuite.NO_DEBUGGER);

    private static RuntimeImage image;

    @BeforeAll
    static void makeTheImage() throws IOException {
        RuntimeClasspath classpath = RuntimeClasspath.detect(SkeletonApi.bundled().classResources());
        image = ModuleLimits.image(TestJvmTuning.archiveFolder(classpath), SandboxRunner.currentJava());
        if (image.problem().isEmpty()) {
            image.build();
        }
    }

    @Test
    @DisplayName("with --isolation modules, jshell, the compiler, scripting, attach, instrument, management and jdi are absent")
    void modulesAreLimited(@TempDir Path out) throws URISyntaxException {
        CliRun run = probe(out, "modules");
        assertLimited(run);
        if (image.problem().isEmpty()) {
            assertThat(image.java()).as("the image was made").isPresent();
            assertThat(run.results().path("output").asText()).as("the run notes in results.json")
                    .contains("a jlink runtime image with only these modules");
        }
    }

    @Test
    @DisplayName("with --cds off, the JDK's own JVM with --limit-modules lacks the same modules")
    void theFlagLimitsThemToo(@TempDir Path out) throws URISyntaxException {
        CliRun run = probe(out, "modules", "--cds", "off");
        assertLimited(run);
        assertThat(run.results().path("output").asText()).as("the run notes in results.json")
                .contains("--limit-modules, as --cds off asks");
    }

    private static void assertLimited(CliRun run) {
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

    private static CliRun probe(Path out, String level, String... more) throws URISyntaxException {
        Path probe = Path.of(ModulesProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> options = new java.util.ArrayList<>(List.of("--suites", ModulesProbeSuite.NAME,
                "--suite-path", probe.toString(), "--isolation", level, "--no-backend-info", "--no-structure-rules",
                "--no-fork-compiler"));
        options.addAll(List.of(more));
        return CliRun.gradeWith(CliRun.fixture("good"), out, options);
    }
}
