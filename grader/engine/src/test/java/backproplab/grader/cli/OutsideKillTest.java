package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM killed from outside (a stray SIGKILL, not the grader's limits) is no fault of the student's: the grader
 * runs it again once, and if that one is killed too, the outcome is a grader problem, never a failed test. The real
 * test JVM is killed from this test, mid-run.
 */
@DisplayName("grade when something outside kills the test JVM")
class OutsideKillTest {

    private static final String SIGMOID = "    public static double sigmoid(double z) {\n";

    @TempDir
    Path temp;

    @Test
    @DisplayName("killed once mid-run, the test JVM is run again and the submission gets its full score")
    void killedOnce() throws Exception {
        CliRun run = gradeWhileKilling(1);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score; %s", run.describe()).isEqualTo(5.0);
        assertThat(run.results().path("output").asText()).as("run notes")
                .contains("killed by signal 9 from outside the grader");
    }

    @Test
    @DisplayName("killed again after the retry, the outcome is a grader problem and no test is charged as failed")
    void killedTwice() throws Exception {
        CliRun run = gradeWhileKilling(2);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        String output = run.results().path("output").asText();
        assertThat(output).as("results.json output").contains("killed from outside the grader 2 times");
        assertThat(run.tests()).as("suite tests charged as failed or timed out (the API checks of this partial "
                        + "fixture aside)")
                .filteredOn(t -> !"api".equals(t.path("tags").path(0).asText()))
                .noneMatch(t -> List.of("FAILED", "TIMED_OUT").contains(CliRun.outcome(t)));
        assertThat(run.tests()).as("a pending test says it was the machine")
                .anyMatch(t -> t.path("output").asText().contains("a problem of the grading machine, not of your code"));
    }

    /** Grades a slow but correct submission and SIGKILLs its first {@code kills} test JVMs once they are running. */
    private CliRun gradeWhileKilling(int kills) throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "kill -9 on Linux");
        Path submission = slowGood(temp.resolve("slow"));
        Path work = temp.resolve("work");
        List<String> options = new ArrayList<>(List.of("--suites", ProbeSuite.NAME, "--suite-path", ProbeSuite.folder(),
                "--no-backend-info", "--test-timeout", "30s", "--grace", "1s", "--run-timeout", "120s",
                "--no-structure-rules", "--no-fork-compiler", "--isolation", "modules", "--work-dir", work.toString()));
        CompletableFuture<CliRun> grading = CompletableFuture.supplyAsync(
                () -> CliRun.gradeWith(submission, temp.resolve("out"), options));
        Set<Long> killed = new LinkedHashSet<>();
        while (killed.size() < kills && !grading.isDone()) {
            Optional<ProcessHandle> child = testJvm(work, killed);
            if (child.isPresent() && Files.exists(work.resolve("run").resolve("child-" + killed.size())
                    .resolve("sigmoid-started"))) {
                child.get().destroyForcibly();
                killed.add(child.get().pid());
            }
            Thread.sleep(100);
        }
        CliRun run = grading.get();
        assertThat(killed).as("test JVMs killed from here; %s", run.describe()).hasSize(kills);
        return run;
    }

    /** The test JVM of this grade, found by its command line (its request file is in the work folder). */
    private static Optional<ProcessHandle> testJvm(Path work, Set<Long> already) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> !already.contains(p.pid()))
                    .filter(p -> {
                        String line = commandLine(p.pid());
                        return line.contains("backproplab.grader.child.ChildMain") && line.contains(work.toString());
                    })
                    .findFirst();
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** The good fixture whose sigmoid says it started (a file in the test JVM's folder) and then takes 3 s. */
    private static Path slowGood(Path folder) throws IOException {
        Path source = folder.resolve("backproplab/activations/Activations.java");
        Files.createDirectories(source.getParent());
        String good = Files.readString(fixture("good").resolve("backproplab/activations/Activations.java"));
        String slow = SIGMOID
                + "        try {\n"
                + "            java.nio.file.Files.writeString(java.nio.file.Path.of(\"sigmoid-started\"), \"\");\n"
                + "            Thread.sleep(3000);\n"
                + "        } catch (Exception e) { throw new IllegalStateException(e); }\n";
        Files.writeString(source, good.replace(SIGMOID, slow), StandardCharsets.UTF_8);
        return folder;
    }
}
