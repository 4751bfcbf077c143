package backproplab.grader.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backproplab.grader.child.archbad.ChildThatCallsTheEngine;
import backproplab.grader.cli.archbad.CliThatRunsTheSandbox;
import backproplab.grader.sandbox.SandboxRunner;
import backproplab.grader.cli.GraderCommand;
import backproplab.grader.cyclea.CycleA;
import backproplab.grader.cycleb.CycleB;
import backproplab.grader.engine.PhaseTimings;
import backproplab.grader.engine.archbad.EngineThatCallsTheCli;
import backproplab.grader.report.RunInfo;
import backproplab.grader.suites.archbad.SuiteThatReadsTheReportPackage;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader's layers hold on its real classes (engine, test-JVM runtime, protocol and suites, as built), and each
 * rule is shown to catch the one bad class written to break it.
 */
@DisplayName("The grader's architecture")
class ArchitectureTest {

    private static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("backproplab.grader");
    }

    @Test
    @DisplayName("imports the engine, the test-JVM runtime, the protocol and the hidden suites")
    void importsEveryModule() {
        assertThat(grader.containPackage("backproplab.grader.engine")).as("engine").isTrue();
        assertThat(grader.containPackage("backproplab.grader.child")).as("test-JVM runtime").isTrue();
        assertThat(grader.containPackage("backproplab.grader.protocol")).as("protocol").isTrue();
        assertThat(grader.containPackage("backproplab.grader.suites")).as("hidden suites").isTrue();
    }

    @Test
    @DisplayName("cli drives the engine, the engine drives the parts, and the test JVM's code never reaches the engine")
    void layersHold() {
        GraderArchitecture.layerRule().check(grader);
    }

    @Test
    @DisplayName("the grader's packages have no cycles")
    void noCycles() {
        GraderArchitecture.noCycles().check(grader);
    }

    @Test
    @DisplayName("a test-JVM class that calls the engine breaks the layer rule")
    void childCallingTheEngineIsCaught() {
        assertBreaksLayers(ChildThatCallsTheEngine.class, PhaseTimings.class);
    }

    @Test
    @DisplayName("an engine class that calls the CLI breaks the layer rule")
    void engineCallingTheCliIsCaught() {
        assertBreaksLayers(EngineThatCallsTheCli.class, GraderCommand.class);
    }

    @Test
    @DisplayName("a CLI command that drives the sandbox itself breaks the layer rule")
    void cliDrivingTheSandboxIsCaught() {
        assertBreaksLayers(CliThatRunsTheSandbox.class, SandboxRunner.class);
    }

    @Test
    @DisplayName("a hidden suite that uses the report package breaks the layer rule")
    void suiteUsingTheReportPackageIsCaught() {
        assertBreaksLayers(SuiteThatReadsTheReportPackage.class, RunInfo.class);
    }

    @Test
    @DisplayName("two packages that use each other break the no-cycles rule")
    void cycleIsCaught() {
        JavaClasses classes = new ClassFileImporter().importClasses(CycleA.class, CycleB.class);
        assertThatThrownBy(() -> GraderArchitecture.noCycles().check(classes)).as("no-cycles rule on cyclea and cycleb")
                .hasMessageContaining("cyclea").hasMessageContaining("cycleb");
    }

    private static void assertBreaksLayers(Class<?> bad, Class<?> target) {
        JavaClasses classes = new ClassFileImporter().importClasses(bad, target);
        // Only the bad class and its target are imported, so the other layers are empty: that alone is no violation here.
        assertThatThrownBy(() -> GraderArchitecture.layers().withOptionalLayers(true).check(classes))
                .as("layer rule on %s", bad.getSimpleName())
                .hasMessageContaining(bad.getName()).hasMessageContaining(target.getName());
    }
}
