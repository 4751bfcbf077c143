package backproplab.grader.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise isolation on a two-exercise course compiled here: exercise "alpha" (class A) and exercise "beta" (class B,
 * which calls A). The "student" and the "reference" copies say who they are, so a test sees whose code ran.
 */
@DisplayName("exercise isolation")
class ExerciseIsolationTest {

    @TempDir
    static Path temp;

    private static CourseClasses reference;
    private static CourseClasses student;
    private static CourseClasses studentWithOwnApi;

    @BeforeAll
    static void compileTheCourse() throws IOException {
        reference = CourseClasses.read(compile("reference", "reference", ""));
        student = CourseClasses.read(compile("student", "student", ""));
        studentWithOwnApi = CourseClasses.read(compile("own-api", "student",
                "    public static String helper() { return \"student helper\"; }\n"));
    }

    private static Path compile(String name, String who, String extraInA) throws IOException {
        Path sources = temp.resolve(name + "-src");
        Path classes = Files.createDirectories(temp.resolve(name));
        Path a = write(sources.resolve("backproplab/alpha/A.java"), "package backproplab.alpha;\npublic final class A {\n"
                + "    public static String who() { return \"" + who + " alpha\"; }\n" + extraInA + "}\n");
        Path b = write(sources.resolve("backproplab/beta/B.java"), "package backproplab.beta;\npublic final class B {\n"
                + "    public static String who() { return \"" + who + " beta over \" + backproplab.alpha.A.who(); }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "-d", classes.toString(), a.toString(), b.toString());
        assertThat(exit).as("javac exit code for the %s copy", name).isZero();
        return classes;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String who(ClassLoader loader, String className) throws ReflectiveOperationException {
        return (String) Class.forName(className, true, loader).getMethod("who").invoke(null);
    }

    @Test
    @DisplayName("a suite of exercise beta runs the student's B on top of the reference's A")
    void gradedExerciseIsTheStudentsTheRestIsTheReference() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.BetaFixtureHiddenTest");

        assertThat(isolation.studentPackagesOf(suite)).as("course packages the beta suite takes from the student")
                .containsExactly("backproplab.beta");
        assertThat(suite.getClassLoader()).as("the suite's loader").isInstanceOf(SuiteClassLoader.class);
        assertThat(who(suite.getClassLoader(), "backproplab.beta.B")).isEqualTo("student beta over reference alpha");
        assertThat(Class.forName("backproplab.scoring.Graded", false, suite.getClassLoader()))
                .as("the grader's runtime is shared with the test JVM").isSameAs(backproplab.scoring.Graded.class);
    }

    @Test
    @DisplayName("a failure of a test that calls no exercise method names the student's classes that ran and the exercises the reference stood in for")
    void codeThatRanNamesBothSides() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.BetaFixtureHiddenTest");
        who(suite.getClassLoader(), "backproplab.beta.B");

        assertThat(isolation.codeThatRan("backproplab.grader.suites.BetaFixtureHiddenTest#who", null))
                .isEqualTo("Your code that ran: B. The course's reference stood in for alpha, so only the code named here"
                        + " can have caused this failure.");
        assertThat(isolation.codeThatRan("backproplab.grader.suites.OtherHiddenTest#x", null)).as("a suite it did not load").isEmpty();
    }

    @Test
    @DisplayName("where an exception came from, only classes taken from the submission count as the student's code")
    void referenceClassesAreNotTheStudentsCode() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.BetaFixtureHiddenTest");
        who(suite.getClassLoader(), "backproplab.beta.B");

        Predicate<String> students = isolation.studentCodeIn("backproplab.grader.suites.BetaFixtureHiddenTest#who");
        assertThat(students.test("backproplab.beta.B")).as("the student's B").isTrue();
        assertThat(students.test("backproplab.alpha.A")).as("the reference's A, which stood in").isFalse();
        assertThat(isolation.studentCodeIn("backproplab.grader.suites.OtherHiddenTest#x").test("backproplab.alpha.A"))
                .as("in a suite it did not load, every course class is the student's").isTrue();
    }

    @Test
    @DisplayName("an integration suite runs the student's whole submission")
    void integrationSuiteRunsEverythingOfTheStudent() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.WholeFixtureHiddenTest");

        assertThat(who(suite.getClassLoader(), "backproplab.beta.B")).isEqualTo("student beta over student alpha");
        assertThat(isolation.codeThatRan("backproplab.grader.suites.WholeFixtureHiddenTest#who", null))
                .startsWith("Your code that ran: A, B.").contains("whole submission");
    }

    @Test
    @DisplayName("where the student's public API differs from the reference's, their own package runs in every suite")
    void ownApiPackageStaysTheStudents() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), studentWithOwnApi, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.BetaFixtureHiddenTest");

        assertThat(isolation.studentPackagesOf(suite)).containsExactly("backproplab.alpha", "backproplab.beta");
        assertThat(who(suite.getClassLoader(), "backproplab.beta.B")).isEqualTo("student beta over student alpha");
    }

    @Test
    @DisplayName("a suite outside the suites' package (an instructor's own) stays on the test JVM's class path, with no note")
    void foreignSuiteStaysInTheParent() throws ClassNotFoundException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);

        assertThat(isolation.suiteClass(getClass().getName())).isSameAs(getClass());
        assertThat(isolation.codeThatRan(getClass().getName() + "#x", null)).isEmpty();
    }

    @Test
    @DisplayName("reads only course classes: nothing of the grader, in folders as in jars")
    void readsCourseClassesOnly() {
        assertThat(reference.names()).containsExactly("backproplab.alpha.A", "backproplab.beta.B");
        assertThat(reference.packages()).isEqualTo(Set.of("backproplab.alpha", "backproplab.beta"));
        assertThat(List.of(CourseClasses.isCoursePackage("backproplab.grader.suites"), CourseClasses.isCoursePackage("backproplab.network")))
                .containsExactly(false, true);
    }

    @Test
    @DisplayName("a failure names the exercise methods the test calls, through lambdas and support code, and the student methods the exception came from")
    void codeThatRanNamesTheStudentsMethods() throws Exception {
        Path course = temp.resolve("network-course");
        CourseClasses studentNetwork = CourseClasses.read(compileNetwork(course.resolve("student"),
                "throw new IllegalStateException(\"student bug in backward\");"));
        CourseClasses referenceNetwork = CourseClasses.read(compileNetwork(course.resolve("reference"), "return y;"));
        Path suites = Files.createDirectories(course.resolve("suites"));
        Path suite = write(course.resolve("suites-src/backproplab/grader/suites/NetworkFixtureHiddenTest.java"), """
                package backproplab.grader.suites;
                import backproplab.network.NeuralNetwork;
                import java.util.function.DoubleUnaryOperator;
                public class NetworkFixtureHiddenTest {
                    @backproplab.scoring.Graded(points = 1, task = "network.update", visibility = backproplab.scoring.Visibility.HIDDEN)
                    public void updates() {
                        NeuralNetwork net = new NeuralNetwork();
                        net.forward(1.0);
                        DoubleUnaryOperator step = net::backward;
                        NetworkFixtureSupport.train(net, step);
                        net.gradients();
                    }
                    public void neverRuns(NeuralNetwork net) {
                        net.update(1.0);
                    }
                }
                """);
        Path support = write(course.resolve("suites-src/backproplab/grader/suites/NetworkFixtureSupport.java"), """
                package backproplab.grader.suites;
                import backproplab.network.NeuralNetwork;
                import java.util.function.DoubleUnaryOperator;
                final class NetworkFixtureSupport {
                    static void train(NeuralNetwork net, DoubleUnaryOperator step) {
                        step.applyAsDouble(2.0);
                        net.update(0.1);
                    }
                }
                """);
        Path network = compileNetwork(course.resolve("compile-against"), "return y;");
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", suites.toString(), "-cp",
                network + java.io.File.pathSeparator + System.getProperty("java.class.path"), suite.toString(), support.toString());
        assertThat(exit).as("javac exit code for the fixture suite").isZero();

        try (URLClassLoader parent = new URLClassLoader(new URL[] {suites.toUri().toURL(), network.toUri().toURL()},
                getClass().getClassLoader())) {
            ExerciseIsolation isolation = new ExerciseIsolation(parent, studentNetwork, referenceNetwork);
            Class<?> loaded = isolation.suiteClass("backproplab.grader.suites.NetworkFixtureHiddenTest");
            Throwable failure = null;
            try {
                loaded.getMethod("updates").invoke(loaded.getConstructor().newInstance());
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("what the fixture test threw").isInstanceOf(IllegalStateException.class);

            assertThat(isolation.codeThatRan("backproplab.grader.suites.NetworkFixtureHiddenTest#updates()", failure))
                    .as("the line for a test that threw in the student's backward")
                    .isEqualTo("Your code that ran: NeuralNetwork.forward, NeuralNetwork.backward, NeuralNetwork.scale. The exception was"
                            + " thrown in NeuralNetwork.backward → NeuralNetwork.scale; after that the test would have called"
                            + " NeuralNetwork.update." + WHOLE);
            assertThat(isolation.codeThatRan("backproplab.grader.suites.NetworkFixtureHiddenTest#updates()", new AssertionError("x")))
                    .as("the line for an assertion that failed in the suite, after the student's methods returned")
                    .isEqualTo("Your code that ran: NeuralNetwork.forward, NeuralNetwork.backward, NeuralNetwork.update." + WHOLE);
        }
    }

    /** The one-exercise course has nothing the reference could stand in for. */
    private static final String WHOLE = " This test uses your whole submission, so a bug in an earlier exercise can fail it too.";

    /** A one-class course "network": forward, backward (whose helper scale has the given body), update, an accessor. */
    private static Path compileNetwork(Path classes, String scaleBody) throws IOException {
        Path source = write(classes.resolveSibling(classes.getFileName() + "-src").resolve("backproplab/network/NeuralNetwork.java"),
                "package backproplab.network;\npublic final class NeuralNetwork {\n"
                        + "    public double forward(double x) { return x; }\n"
                        + "    public double backward(double y) { return scale(y); }\n"
                        + "    private double scale(double y) { " + scaleBody + " }\n"
                        + "    public void update(double rate) { }\n"
                        + "    public java.util.Map<String, Double> gradients() { return java.util.Map.of(); }\n}\n");
        Files.createDirectories(classes);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString());
        assertThat(exit).as("javac exit code for %s", classes).isZero();
        return classes;
    }
}
