package backproplab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertThrows;

import backproplab.scoring.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs inside a real test JVM ({@code grade --suites} this class) and passes only if what the engine keeps to itself
 * cannot be loaded there, while what the suites need can.
 */
@Graded(points = 1, task = "probe.classpath")
class ClasspathProbeSuite {

    static final String NAME = ClasspathProbeSuite.class.getName();

    @Test
    @DisplayName("picocli is not on the test JVM's class path")
    void noPicocli() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }

    @Test
    @DisplayName("ArchUnit is not on the test JVM's class path")
    void noArchUnit() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.tngtech.archunit.core.importer.ClassFileImporter"));
    }

    @Test
    @DisplayName("no engine or CLI class is on the test JVM's class path")
    void noEngine() {
        for (String engineClass : new String[] {"backproplab.grader.engine.GradingSession", "backproplab.grader.cli.GradeCommand",
                "backproplab.grader.sandbox.SandboxRunner", "backproplab.grader.report.Reporters",
                "backproplab.grader.checks.StudentCodeRules"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(engineClass), engineClass);
        }
    }

    @Test
    @DisplayName("the hidden suites, the test-JVM runtime and ND4J are there")
    void suitesAndRuntimeAreThere() throws ClassNotFoundException {
        Class.forName("backproplab.grader.suites.support.Thresholds");
        Class.forName("backproplab.grader.child.ChildMain");
        Class.forName("org.nd4j.linalg.factory.Nd4j", false, ClasspathProbeSuite.class.getClassLoader());
    }
}
