package backproplab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    @DisplayName("the test-JVM runtime and ND4J are there")
    void runtimeIsThere() throws ClassNotFoundException {
        Class.forName("backproplab.grader.child.ChildMain");
        Class.forName("org.nd4j.linalg.factory.Nd4j", false, ClasspathProbeSuite.class.getClassLoader());
    }

    @Test
    @DisplayName("the hidden suites, their thresholds, this suite's own class file and the reference are on no class path")
    void hiddenFilesAreOnNoClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("backproplab.grader.suites.support.Thresholds",
                false, ClassLoader.getSystemClassLoader()));
        for (String resource : new String[] {"backproplab/grader/thresholds.properties",
                "backproplab/grader/suites/MoonsHiddenTest.class", "backproplab/grader/sandbox/ClasspathProbeSuite.class",
                "META-INF/backproplab-reference.txt"}) {
            for (ClassLoader loader : new ClassLoader[] {ClassLoader.getSystemClassLoader(),
                    Thread.currentThread().getContextClassLoader(), ClasspathProbeSuite.class.getClassLoader()}) {
                assertNull(loader.getResource(resource), resource + " through " + loader);
                // This suite is suite code, which may read the thresholds through its own loader; class files never.
                if (resource.endsWith(".class") || loader != ClasspathProbeSuite.class.getClassLoader()) {
                    assertNull(loader.getResourceAsStream(resource), resource + " through " + loader);
                }
            }
        }
        String classPath = System.getProperty("java.class.path");
        assertFalse(classPath.contains("grader-suites") || classPath.contains("suites/target/classes"), classPath);
        assertFalse(classPath.contains("grader-reference") || classPath.contains("reference/target/classes"), classPath);
        assertFalse(classPath.contains("test-classes"), classPath);
        assertNull(System.getProperty("backproplab.grader.reference"));
        assertNull(System.getProperty("backproplab.thresholds"));
    }
}
