package backproplab.grader.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import backproplab.grader.intake.SubmissionLimits;
import backproplab.grader.sandbox.IsolationLevel;
import backproplab.grader.sandbox.SandboxLimits;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The grader's own structure, as ArchUnit rules: the CLI drives the engine, the engine drives the pipeline's parts,
 * and the code that runs in the test JVM (the child runtime, the event protocol, the hidden suites) never depends on
 * the engine side of the process boundary.
 */
final class GraderArchitecture {

    static final String CLI = "CLI";
    static final String ENGINE = "Engine";
    static final String PARTS = "Pipeline parts";
    static final String PACKAGING = "Packaging";
    static final String TEST_JVM = "Test JVM";
    static final String PROTOCOL = "Protocol";
    static final String SUITES = "Hidden suites";

    private GraderArchitecture() {
    }

    /** Layers by package; a dependency between two layers that no rule allows breaks the rule. */
    static LayeredArchitecture layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer(CLI).definedBy("backproplab.grader.cli..")
                .layer(ENGINE).definedBy("backproplab.grader.engine..")
                .layer(PARTS).definedBy("backproplab.grader.intake..", "backproplab.grader.compile..",
                        "backproplab.grader.checks..", "backproplab.grader.sandbox..", "backproplab.grader.report..",
                        "backproplab.grader.jvm..")
                .layer(PACKAGING).definedBy("backproplab.grader.platform..", "backproplab.grader.export..")
                .layer(TEST_JVM).definedBy("backproplab.grader.child..")
                .layer(PROTOCOL).definedBy("backproplab.grader.protocol..")
                .layer(SUITES).definedBy("backproplab.grader.suites..")
                .whereLayer(CLI).mayNotBeAccessedByAnyLayer()
                .whereLayer(ENGINE).mayOnlyBeAccessedByLayers(CLI)
                .whereLayer(PACKAGING).mayOnlyBeAccessedByLayers(CLI)
                .whereLayer(PARTS).mayOnlyBeAccessedByLayers(ENGINE)
                // The CLI's option defaults are the limits' defaults and its --isolation values the levels: these values
                // are the one thing of the parts it may name.
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("backproplab.grader.cli.."),
                        JavaClass.Predicates.belongToAnyOf(SandboxLimits.class, SubmissionLimits.class, IsolationLevel.class))
                .whereLayer(SUITES).mayNotBeAccessedByAnyLayer()
                .whereLayer(TEST_JVM).mayOnlyBeAccessedByLayers(CLI, ENGINE, PARTS)
                .whereLayer(PROTOCOL).mayOnlyBeAccessedByLayers(ENGINE, PARTS, TEST_JVM, SUITES);
    }

    /** The rule on the layers, with its reason. */
    static ArchRule layerRule() {
        return layers().because("the CLI only parses options, the engine runs the pipeline, and what runs in the test "
                + "JVM beside student code must not be able to reach the engine that scores it");
    }

    /** No cycles between the grader's top-level packages. */
    static ArchRule noCycles() {
        return slices().matching("backproplab.grader.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one, and neither can change alone");
    }
}
