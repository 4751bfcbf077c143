package backproplab.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.intake.LoadedSubmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the submission compiler's language level")
class SubmissionCompilerTest {

    private static final String SOURCE = """
            package backproplab.sample;

            import java.util.List;
            import java.util.function.DoubleUnaryOperator;

            /** Records, lambdas, switch expressions, text blocks, generics. */
            public final class Sample {
                public record Pair(double left, double right) {
                }

                public static double apply(List<Pair> pairs, DoubleUnaryOperator f) {
                    double sum = 0;
                    for (Pair p : pairs) {
                        sum += switch ((int) p.left()) {
                            case 0 -> f.applyAsDouble(p.right());
                            default -> p.left() * p.right();
                        };
                    }
                    return sum + \"""
                            text
                            \""".length();
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    @DisplayName("on this JDK the class files are byte for byte those javac --release 17 writes")
    void classFilesAreThoseOfRelease17() throws IOException {
        Path source = write("Sample.java", SOURCE);

        CompileResult ours = new SubmissionCompiler(List.of()).compile(submission(source), temp.resolve("ours"));
        Path release = temp.resolve("release");
        Files.createDirectories(release);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "17", "-encoding", "UTF-8", "-proc:none", "-g",
                "-implicit:none", "-d", release.toString(), source.toString());

        assertThat(ours.success()).as("our compile: %s", ours.errorText()).isTrue();
        assertThat(exit).as("javac --release 17").isZero();
        List<Path> classes = classFiles(release);
        assertThat(classes).as("class files of --release 17").hasSize(2);
        for (Path file : classes) {
            assertThat(Files.readAllBytes(ours.classesDir().resolve(release.relativize(file))))
                    .as("%s", release.relativize(file)).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    @DisplayName("a JDK newer than 17 compiles with --release 17, JDK 17 against its own modules")
    void newerJdksUseRelease() {
        assertThat(SubmissionCompiler.languageLevel(17)).containsExactly("-source", "17", "-target", "17");
        assertThat(SubmissionCompiler.languageLevel(21)).containsExactly("--release", "17");
    }

    @Test
    @DisplayName("an API newer than Java 17 does not compile, with an error that names it")
    void newerApisDoNotCompile() throws IOException {
        Path source = write("Newer.java", """
                package backproplab.sample;

                public final class Newer {
                    public static Object first(java.util.List<String> names) {
                        return names.getFirst();
                    }
                }
                """);

        CompileResult result = new SubmissionCompiler(List.of()).compile(submission(source), temp.resolve("newer"));

        assertThat(result.success()).as("List.getFirst (Java 21) compiled").isFalse();
        assertThat(result.errorText()).contains("getFirst");
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve("src/backproplab/sample").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private LoadedSubmission submission(Path source) {
        return new LoadedSubmission(temp.resolve("src"), temp.resolve("src"), List.of(source), "test");
    }

    private static List<Path> classFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".class")).sorted().toList());
        }
    }
}
