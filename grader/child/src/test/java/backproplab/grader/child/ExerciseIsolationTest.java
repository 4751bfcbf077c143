package backproplab.grader.child;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    @DisplayName("a failure names the student's classes that ran and the exercises the reference stood in for")
    void codeThatRanNamesBothSides() throws ReflectiveOperationException {
        ExerciseIsolation isolation = new ExerciseIsolation(getClass().getClassLoader(), student, reference);
        Class<?> suite = isolation.suiteClass("backproplab.grader.suites.BetaFixtureHiddenTest");
        who(suite.getClassLoader(), "backproplab.beta.B");

        assertThat(isolation.codeThatRan("backproplab.grader.suites.BetaFixtureHiddenTest#who"))
                .isEqualTo("Your code that ran: B. The course's reference stood in for alpha, so only the code named here"
                        + " can have caused this failure.");
        assertThat(isolation.codeThatRan("backproplab.grader.suites.OtherHiddenTest#x")).as("a suite it did not load").isEmpty();
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
        assertThat(isolation.codeThatRan("backproplab.grader.suites.WholeFixtureHiddenTest#who"))
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
        assertThat(isolation.codeThatRan(getClass().getName() + "#x")).isEmpty();
    }

    @Test
    @DisplayName("reads only course classes: nothing of the grader, in folders as in jars")
    void readsCourseClassesOnly() {
        assertThat(reference.names()).containsExactly("backproplab.alpha.A", "backproplab.beta.B");
        assertThat(reference.packages()).isEqualTo(Set.of("backproplab.alpha", "backproplab.beta"));
        assertThat(List.of(CourseClasses.isCoursePackage("backproplab.grader.suites"), CourseClasses.isCoursePackage("backproplab.network")))
                .containsExactly(false, true);
    }
}
