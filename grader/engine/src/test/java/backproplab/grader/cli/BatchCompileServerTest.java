package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader batch} with its default, forked compiler, which a batch runs in warm compile servers: every submission
 * gets what {@code grade} (a one-shot javac JVM) gives it, and its timings charge it the server's CPU. Real fixtures,
 * the probe suite, two jobs.
 */
@DisplayName("grader batch with warm compile servers")
class BatchCompileServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STUDENTS = List.of("alice", "bob", "carol", "dave", "erin");

    @TempDir
    static Path temp;

    static Path submissions;
    static BatchRun batch;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        submissions = Files.createDirectories(temp.resolve("submissions"));
        copy(fixture("good"), submissions.resolve("alice"));
        copy(fixture("throws"), submissions.resolve("bob"));
        copy(fixture("does-not-compile"), submissions.resolve("carol"));
        copy(fixture("wrong-signature"), submissions.resolve("dave"));
        copy(fixture("good"), submissions.resolve("erin"));
        batch = batch(temp.resolve("out"), "--jobs", "2", "--isolation", "modules");
    }

    @Test
    @DisplayName("every submission's results equal its single grade's with its id, compile errors word for word")
    void sameAsSingleGrades() throws IOException {
        assertThat(batch.exitCode()).as(batch.describe()).isZero();
        for (String student : STUDENTS) {
            CliRun alone = CliRun.gradeWith(submissions.resolve(student), temp.resolve("single-" + student),
                    options("--isolation", "modules", "--student-id", student));
            JsonNode batched = JSON.readTree(temp.resolve("out").resolve(student).resolve("results.json").toFile());

            assertThat(batched.path("score").asDouble()).as("%s's score; single grade: %s", student, alone.describe())
                    .isEqualTo(alone.results().path("score").asDouble());
            assertThat(tests(batched)).as("%s's tests", student).isEqualTo(tests(alone.results()));
            assertThat(withoutTimes(batched.path("output").asText())).as("%s's results output", student)
                    .isEqualTo(withoutTimes(alone.results().path("output").asText()));
        }
    }

    @Test
    @DisplayName("each submission's timings charge it a share of the compile server's CPU time")
    void serverCpuCharged() throws IOException {
        for (String student : List.of("alice", "carol", "erin")) {
            JsonNode timings = JSON.readTree(temp.resolve("out").resolve(student).resolve("timings.json").toFile());
            assertThat(timings.path("cpuMillis").path("javac JVM").asLong()).as("%s: %s", student, timings).isPositive();
        }
    }

    @Test
    @DisplayName("a rerun with another isolation level grades every submission again: the level is part of the grader's fingerprint")
    void isolationChangesTheFingerprint() throws IOException {
        Path out = temp.resolve("isolation");
        BatchRun first = batch(out, "--jobs", "2", "--isolation", "none");
        BatchRun same = batch(out, "--jobs", "2", "--isolation", "none");
        BatchRun other = batch(out, "--jobs", "2", "--isolation", "modules");

        assertThat(first.stdout()).as(first.describe()).contains("Benchmark: 5 submissions");
        assertThat(same.stdout()).as(same.describe()).contains("nothing graded in this run (5 unchanged submissions kept)");
        assertThat(other.stdout()).as(other.describe()).contains("Benchmark: 5 submissions").doesNotContain("unchanged, kept");
    }

    /** The fast probe options, but with the default forked compiler. */
    private static List<String> options(String... more) {
        List<String> options = new ArrayList<>(CliRun.FAST);
        options.remove("--no-fork-compiler");
        options.addAll(List.of(more));
        return options;
    }

    private static BatchRun batch(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("batch", submissions.toString(), "--out", out.toString()));
        args.addAll(options(more));
        return BatchRun.run(args.toArray(String[]::new));
    }

    /** The text without durations ({@code 1.2 s}, {@code 350 ms}), which differ from run to run. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\b\\d+(\\.\\d+)? ?(ms|s)\\b", "<duration>");
    }

    private static List<String> tests(JsonNode results) {
        return StreamSupport.stream(results.path("tests").spliterator(), false)
                .map(test -> test.path("name").asText() + " " + test.path("score").asDouble() + "/"
                        + test.path("max_score").asDouble() + " " + test.path("output").asText())
                .toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target);
                }
            }
        }
    }
}
