package backproplab.grader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.compile.CompileResult;
import backproplab.grader.compile.SubmissionCompiler;
import backproplab.grader.intake.LoadedSubmission;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API check on small compiled classes: a skeleton version and a student version of the same class. */
@DisplayName("API check")
class ApiCheckTest {

    private static final String SKELETON = """
            package backproplab.sample;
            public final class Net {
                public static final double RATE = 0.5;
                public Net(int... sizes) { }
                public void backward(double[] dA) { }
                public java.util.List<Double> losses() { return null; }
                public static final class Cache { public double[] z() { return null; } }
            }
            """;

    @TempDir
    Path temp;

    @Test
    @DisplayName("the same class passes with one summary result")
    void samePasses() throws IOException {
        List<CheckResult> results = check(SKELETON);

        assertThat(results).as("results of checking a class against itself").hasSize(1);
        assertThat(results.get(0).passed()).as("the single result passed: %s", results.get(0)).isTrue();
    }

    @Test
    @DisplayName("a changed parameter type names the method, the expected declaration and what was found")
    void changedParameter() throws IOException {
        List<CheckResult> results = check(SKELETON.replace("backward(double[] dA)", "backward(float[] dA)"));

        assertThat(results).as("failed API checks").singleElement().satisfies(result -> {
            assertThat(result.passed()).as("passed").isFalse();
            assertThat(result.name()).as("name").isEqualTo("API: Net.backward(double[])");
            assertThat(result.message()).as("message").isEqualTo(
                    "Net.backward(double[]) is missing: expected public void backward(double[]). "
                            + "Found instead: public void backward(float[]). Keep the skeleton's parameter types.");
        });
    }

    @Test
    @DisplayName("a changed generic return type, a lost static and a missing nested class are each reported")
    void severalDifferences() throws IOException {
        String student = SKELETON
                .replace("java.util.List<Double> losses()", "java.util.List<Number> losses()")
                .replace("public static final double RATE", "public final double RATE")
                .replace("public static final class Cache { public double[] z() { return null; } }", "");

        List<String> messages = check(student).stream().map(CheckResult::message).toList();

        assertThat(messages).as("API messages").containsExactlyInAnyOrder(
                "Net.Cache is missing: expected public static class backproplab.sample.Net$Cache. Keep the skeleton's class "
                        + "Net.Cache in package backproplab.sample (file backproplab/sample/Net.java).",
                "Net.RATE has a different declaration: expected public static double RATE, found public double RATE. "
                        + "Keep the skeleton's signature; the graders call it exactly as declared there.",
                "Net.losses() has a different declaration: expected public java.util.List<java.lang.Double> losses(), "
                        + "found public java.util.List<java.lang.Number> losses(). "
                        + "Keep the skeleton's signature; the graders call it exactly as declared there.");
    }

    @Test
    @DisplayName("signature lines survive the resource format, and a constructor displays with its class name")
    void lineFormat() throws IOException {
        SkeletonApi api = read(SKELETON, "skeleton");

        assertThat(SkeletonApi.parse(api.text()).signatures()).as("signatures after a round trip").isEqualTo(api.signatures());
        assertThat(api.signatures().stream().map(ApiSignature::displayName).toList()).as("display names")
                .contains("Net.Net(int[])", "Net.backward(double[])", "Net.RATE", "Net.Cache", "Net.Cache.z()");
        assertThat(api.packages()).as("packages").containsExactly("backproplab.sample");
    }

    private List<CheckResult> check(String studentSource) throws IOException {
        SkeletonApi skeleton = read(SKELETON, "skeleton");
        Path student = compile(studentSource, "student");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {student.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            return new ApiCheck(skeleton).check(loader);
        }
    }

    private SkeletonApi read(String source, String name) throws IOException {
        return SkeletonApi.readFrom(compile(source, name), ClassLoader.getPlatformClassLoader());
    }

    private Path compile(String source, String name) throws IOException {
        Path root = temp.resolve(name);
        Path file = root.resolve("src/backproplab/sample/Net.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        LoadedSubmission submission = new LoadedSubmission(root.resolve("src"), root.resolve("src"), List.of(file), "test");
        CompileResult result = new SubmissionCompiler(List.of()).compile(submission, root.resolve("classes"));
        assertThat(result.success()).as("compiling the %s version: %s", name, result.errorText()).isTrue();
        return result.classesDir();
    }
}
