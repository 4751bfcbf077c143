package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader batch --repos list.txt}: the listed repositories are cloned with {@code git clone --depth 1} and graded;
 * here a local {@code file://} repository of a correct submission, and one url that does not exist.
 */
@DisplayName("grader batch --repos")
class BatchReposTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static BatchRun run;
    static Path out;

    @BeforeAll
    static void cloneAndGrade() throws Exception {
        Path alice = temp.resolve("origin/alice");
        copy(fixture("good"), alice.resolve("exercises/src/main/java"));
        Files.writeString(alice.resolve("pom.xml"), "<project/>\n");
        git(alice, "init", "--quiet");
        git(alice, "add", ".");
        git(alice, "-c", "user.name=Alice", "-c", "user.email=alice@example.org", "commit", "--quiet", "-m", "homework 3");
        Path list = temp.resolve("repos.txt");
        Files.writeString(list, "# two students\nalice " + alice.toUri() + "\nzoe " + temp.resolve("origin/zoe").toUri()
                + "\n", StandardCharsets.UTF_8);
        out = temp.resolve("out");
        run = BatchRun.batch("--repos", list.toString(), "--out", out.toString(), "--jobs", "1");
    }

    @Test
    @DisplayName("a listed repository is cloned into <out>/.repos and graded like any submission")
    void clonedAndGraded() throws IOException {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(out.resolve(".repos/alice/exercises/src/main/java")).as("the clone").isDirectory();
        assertThat(run.stdout()).contains("Cloning 2 repositories (git clone --depth 1)")
                .contains("Cloned 1 of 2 repositories; 1 could not be cloned").contains("] alice GRADED 5.00/5.00");
        assertThat(JSON.readTree(out.resolve("alice/results.json").toFile()).path("score").asDouble()).isEqualTo(5.0);
    }

    @Test
    @DisplayName("a repository that cannot be cloned is a not-gradable row whose reason is git's, and the batch goes on")
    void failedCloneIsNotGradable() throws IOException {
        String gradebook = Files.readString(out.resolve("gradebook.csv"));
        assertThat(gradebook.lines().filter(l -> l.startsWith("zoe,"))).as("zoe's row in\n%s", gradebook)
                .singleElement().asString().contains("INVALID_SUBMISSION");
        JsonNode results = JSON.readTree(out.resolve("zoe/results.json").toFile());
        assertThat(results.path("output").asText()).as("zoe's results.json")
                .contains("could not be cloned").contains("git clone exit code");
        assertThat(Files.readString(out.resolve("class-report.html"))).contains("zoe").contains("could not be cloned");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(120, TimeUnit.SECONDS) && git.exitValue() == 0).as("git %s: %s", command, output).isTrue();
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
