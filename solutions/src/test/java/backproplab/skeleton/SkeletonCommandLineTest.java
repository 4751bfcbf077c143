package backproplab.skeleton;

import static backproplab.skeleton.SkeletonFixtures.edit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the documented commands exactly as a developer types them: the JDK source launcher on the generator's
 * source file, from the repository root, in a separate JVM.
 */
@DisplayName("The documented regenerate and check commands")
class SkeletonCommandLineTest {

    /** Surefire runs in the solutions module directory; the commands are documented from its parent. */
    private static final Path REPOSITORY_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String GENERATOR_SOURCE = "solutions/src/skeleton/java/backproplab/skeleton/SkeletonGenerator.java";

    @TempDir
    Path work;

    @Test
    @DisplayName("--check exits 1 naming the drifted file and the fix command, and 0 after regenerating")
    void checkThenRegenerate() throws Exception {
        assertThat(SkeletonGenerator.REGENERATE_COMMAND).as("documented regenerate command")
                .isEqualTo("java " + GENERATOR_SOURCE);
        Path solutions = SkeletonFixtures.writeSolutionsTree(work.resolve("solutions"));
        Path exercises = work.resolve("exercises");
        SkeletonGenerator.write(solutions, exercises);
        edit(solutions.resolve("backproplab/chainrule/ChainRule.java"), "by the inner derivative 3", "by the inner derivative 3 (u = 3x + 2)");

        Run outOfSync = launch("--check", solutions.toString(), exercises.toString());
        assertThat(outOfSync.exitCode).as("exit code of `%s` on a tree edited on the solution side; output:\n%s",
                SkeletonGenerator.CHECK_COMMAND, outOfSync.output).isEqualTo(1);
        assertThat(outOfSync.output).as("output of the failing check")
                .contains("OUT OF SYNC", "differs: backproplab/chainrule/ChainRule.java", "(u = 3x + 2)",
                        "Fix: run `" + SkeletonGenerator.REGENERATE_COMMAND + " " + solutions + " " + exercises + "`");

        Run regenerate = launch(solutions.toString(), exercises.toString());
        assertThat(regenerate.exitCode).as("exit code of the regenerate command; output:\n%s", regenerate.output).isZero();
        assertThat(regenerate.output).as("summary printed by the regenerate command")
                .contains("1 written", "regions replaced: 2", "activations.sigmoid, chainrule.backward");

        Run inSync = launch("--check", solutions.toString(), exercises.toString());
        assertThat(inSync.exitCode).as("exit code of the check after regenerating; output:\n%s", inSync.output).isZero();
        assertThat(inSync.output).as("output of the passing check").contains("Skeleton in sync");
    }

    @Test
    @DisplayName("exits 2 and names file and line when a marker is malformed")
    void malformedMarker() throws Exception {
        Path solutions = SkeletonFixtures.writeSolutionsTree(work.resolve("solutions"));
        edit(solutions.resolve("backproplab/chainrule/ChainRule.java"), " | docs/01-chain-rule.md#backward", "");

        Run run = launch("--check", solutions.toString(), work.resolve("exercises").toString());

        assertThat(run.exitCode).as("exit code for a BEGIN marker without its README link; output:\n%s", run.output).isEqualTo(2);
        assertThat(run.output).as("error output").contains("ChainRule.java:10: ", "has no `| docs/NN-name.md#anchor` part");
        assertThat(work.resolve("exercises")).as("exercises root after a failed run").doesNotExist();
    }

    @Test
    @DisplayName("with no roots, checks this repository's solutions and exercises and agrees with the in-process check")
    void defaultRoots() throws Exception {
        boolean inSync = SkeletonGenerator.diff(Path.of("src/main/java"), Path.of("../exercises/src/main/java")).isEmpty();

        Run run = launch("--check");

        assertThat(run.exitCode).as("exit code of `%s` in %s (in-process check says in sync: %s); output:\n%s",
                SkeletonGenerator.CHECK_COMMAND, REPOSITORY_ROOT, inSync, run.output).isEqualTo(inSync ? 0 : 1);
        assertThat(run.output).as("the default roots named in the output")
                .contains(Path.of("exercises", "src", "main", "java").toString());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run launch(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(GENERATOR_SOURCE);
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY_ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", command) + "` did not finish within 120 s");
        }
        assertThat(Files.isRegularFile(REPOSITORY_ROOT.resolve(GENERATOR_SOURCE)))
                .as("generator source at %s", REPOSITORY_ROOT.resolve(GENERATOR_SOURCE)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
