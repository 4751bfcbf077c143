package backproplab.skeleton;

import static backproplab.skeleton.SkeletonFixtures.ACTIVATIONS;
import static backproplab.skeleton.SkeletonFixtures.SIGMOID_HINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Turning a solution source into its skeleton")
class SkeletonTransformTest {

    private static final String SIGMOID_THROW = "        throw new UnsupportedOperationException(\"TODO [activations.sigmoid]: "
            + "compute the stable sigmoid 1/(1+e^-z) with z clipped to [-500, 500]. See docs/02-activations.md#sigmoid\");";

    @Test
    @DisplayName("replaces the region by its hint lines and one throw naming the task and the README section")
    void replacesRegion() {
        String skeleton = SkeletonGenerator.transform(ACTIVATIONS, "Activations.java");

        String expected = ACTIVATIONS.substring(0, ACTIVATIONS.indexOf("        // BEGIN SOLUTION"))
                + SIGMOID_HINT + "\n" + SIGMOID_THROW + "\n"
                + ACTIVATIONS.substring(ACTIVATIONS.indexOf("    }\n}\n", ACTIVATIONS.indexOf("// END SOLUTION")));
        assertThat(skeleton)
                .as("skeleton of the fixture Activations.java: everything outside the region (package, Javadoc, the given "
                        + "identity method, signatures) must stay byte for byte; the region becomes hint + throw")
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("never leaks solution code or solution-only comments into the skeleton")
    void dropsSolutionLines() {
        String skeleton = SkeletonGenerator.transform(ACTIVATIONS, "Activations.java");

        assertThat(skeleton).as("skeleton of Activations.java must not contain the solution body or its markers")
                .doesNotContain("Math.exp", "double clipped", "solution-only remark", "BEGIN SOLUTION", "END SOLUTION");
    }

    @Test
    @DisplayName("puts the throw at the indentation of the BEGIN marker and keeps hint lines verbatim")
    void keepsIndentation() {
        String source = String.join("\n",
                "class Deep {",
                "\tint f() {",
                "\t\tif (true) {",
                "\t\t\t// BEGIN SOLUTION [deep.f] return one | docs/09-deep.md#f",
                "\t\t\t  //   HINT: odd spacing kept as written",
                "\t\t\treturn 1;",
                "\t\t\t// END SOLUTION",
                "\t\t}",
                "\t\treturn 0;",
                "\t}",
                "}");

        List<String> lines = SkeletonGenerator.transform(source, "Deep.java").lines().toList();

        assertThat(lines).as("skeleton lines of Deep.java: the hint line unchanged, then the throw indented with three tabs")
                .containsSubsequence(
                        "\t\t\t  //   HINT: odd spacing kept as written",
                        "\t\t\tthrow new UnsupportedOperationException(\"TODO [deep.f]: return one. See docs/09-deep.md#f\");",
                        "\t\t}");
    }

    @Test
    @DisplayName("escapes quotes and backslashes in the description so the message is a valid string literal")
    void escapesMessage() {
        String source = method("// BEGIN SOLUTION [text.parse] split \"a\\b\" on the backslash | docs/09-text.md#parse");

        String skeleton = SkeletonGenerator.transform(source, "Text.java");

        assertThat(skeleton).as("throw line for a description containing quotes and a backslash")
                .contains("throw new UnsupportedOperationException(\"TODO [text.parse]: split \\\"a\\\\b\\\" on the backslash. "
                        + "See docs/09-text.md#parse\");");
    }

    @Test
    @DisplayName("splits the README link at the last '|' so descriptions may contain |a−n| style bars")
    void descriptionWithBars() {
        String source = method("// BEGIN SOLUTION [gradcheck.relativeError] return |a−n|/(|a|+|n|), 0 when both are 0 | docs/04-gradient-check.md#relative-error");

        String skeleton = SkeletonGenerator.transform(source, "GradCheck.java");

        assertThat(skeleton).as("throw line for a description containing '|' characters")
                .contains("\"TODO [gradcheck.relativeError]: return |a−n|/(|a|+|n|), 0 when both are 0. "
                        + "See docs/04-gradient-check.md#relative-error\"");
    }

    @Test
    @DisplayName("does not add a second full stop when the description already ends a sentence")
    void noDoubleFullStop() {
        String skeleton = SkeletonGenerator.transform(method("// BEGIN SOLUTION [a.b] Do it. | docs/01-a.md#b"), "A.java");

        assertThat(skeleton).as("message for the description 'Do it.'").contains("\"TODO [a.b]: Do it. See docs/01-a.md#b\"");
    }

    @Test
    @DisplayName("writes '\\n' line endings even when the solution uses CRLF")
    void normalizesLineEndings() {
        String skeleton = SkeletonGenerator.transform(ACTIVATIONS.replace("\n", "\r\n"), "Activations.java");

        assertThat(skeleton).as("CRLF solution source: skeleton must have no carriage returns and equal the LF version")
                .doesNotContain("\r")
                .isEqualTo(SkeletonGenerator.transform(ACTIVATIONS, "Activations.java"));
    }

    @Test
    @DisplayName("reports every region, and overloads may share one task id")
    void reportsRegions() {
        String source = String.join("\n",
                "class Act {",
                "  double relu(double z) {",
                "    // BEGIN SOLUTION [activations.relu] return max(0, z) | docs/02-activations.md#relu",
                "    return Math.max(0, z);",
                "    // END SOLUTION",
                "  }",
                "  double[] relu(double[] z) {",
                "    // BEGIN SOLUTION [activations.relu] apply relu to every element | docs/02-activations.md#relu",
                "    return z;",
                "    // END SOLUTION",
                "  }",
                "}");

        SkeletonGenerator.Transformation result = SkeletonGenerator.transformDetailed(source, "Act.java");

        assertThat(result.regions()).as("regions found in Act.java (file, BEGIN line, task id, description, README link)")
                .containsExactly(
                        new SkeletonGenerator.Region("Act.java", 3, "activations.relu", "return max(0, z)", "docs/02-activations.md#relu"),
                        new SkeletonGenerator.Region("Act.java", 8, "activations.relu", "apply relu to every element",
                                "docs/02-activations.md#relu"));
    }

    @Test
    @DisplayName("produces a skeleton that compiles, keeps given code working and throws the TODO message")
    void skeletonCompilesAndThrows(@TempDir Path work) throws Exception {
        String escapingSource = String.join("\n",
                "package demo;",
                "public class Quotes {",
                "    public String quote() {",
                "        // BEGIN SOLUTION [demo.quote] return \"x\\y\" quoted | docs/09-demo.md#quote",
                "        return \"\\\"x\\\\y\\\"\";",
                "        // END SOLUTION",
                "    }",
                "}");
        Path sources = work.resolve("src");
        SkeletonFixtures.write(sources.resolve("backproplab/activations/Activations.java"),
                SkeletonGenerator.transform(ACTIVATIONS, "Activations.java"));
        SkeletonFixtures.write(sources.resolve("demo/Quotes.java"), SkeletonGenerator.transform(escapingSource, "Quotes.java"));
        Path classes = work.resolve("classes");

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, "-d", classes.toString(),
                sources.resolve("backproplab/activations/Activations.java").toString(),
                sources.resolve("demo/Quotes.java").toString());
        assertThat(status).as("javac on the generated skeleton files; compiler output:\n%s",
                diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Method identity = loader.loadClass("backproplab.activations.Activations").getMethod("identity", double.class);
            assertThat(identity.invoke(null, 2.5)).as("given method Activations.identity(2.5) in the skeleton").isEqualTo(2.5);

            Method sigmoid = loader.loadClass("backproplab.activations.Activations").getMethod("sigmoid", double.class);
            assertThatThrownBy(() -> invoke(sigmoid, null))
                    .as("skeleton Activations.sigmoid must throw the TODO exception")
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("TODO [activations.sigmoid]: compute the stable sigmoid 1/(1+e^-z) with z clipped to "
                            + "[-500, 500]. See docs/02-activations.md#sigmoid");

            Class<?> quotes = loader.loadClass("demo.Quotes");
            Object instance = quotes.getConstructor().newInstance();
            assertThatThrownBy(() -> invoke(quotes.getMethod("quote"), instance))
                    .as("skeleton Quotes.quote: the message must contain the quote and backslash exactly as in the marker")
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("TODO [demo.quote]: return \"x\\y\" quoted. See docs/09-demo.md#quote");
        }
    }

    private static Object invoke(Method method, Object target) throws Throwable {
        try {
            return method.getParameterCount() == 0 ? method.invoke(target) : method.invoke(target, 0.0);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A one-method class whose body is a region opened by {@code beginLine}. */
    private static String method(String beginLine) {
        return String.join("\n",
                "class A {",
                "    Object f() {",
                "        " + beginLine,
                "        return null;",
                "        // END SOLUTION",
                "    }",
                "}",
                "");
    }
}
