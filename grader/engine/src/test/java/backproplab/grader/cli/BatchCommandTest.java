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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grader batch} and {@code batch-merge} on a small class of real fixture submissions, graded by the real pipeline
 * with the probe suite, in two shards: alice (a source folder, all correct), bob (a repository clone whose
 * exercises module throws on relu), carol (a zip that does not compile) and dan (an endless loop).
 */
@DisplayName("grader batch and batch-merge")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static Path submissions;
    static BatchRun shard1;
    static BatchRun shard2;

    @BeforeAll
    static void gradeTheClassInTwoShards() throws IOException {
        submissions = Files.createDirectories(temp.resolve("submissions"));
        copy(fixture("good"), submissions.resolve("alice"));
        Path bob = submissions.resolve("bob");
        copy(fixture("throws"), bob.resolve("exercises/src/main/java"));
        copy(fixture("good"), bob.resolve("exercises/src/test/java"));
        Files.writeString(bob.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(bob.resolve("docs"));
        zip(fixture("does-not-compile"), submissions.resolve("carol.zip"));
        copy(fixture("infinite-loop"), submissions.resolve("dan"));

        shard1 = BatchRun.batch(submissions.toString(), "--out", temp.resolve("shard1").toString(), "--shard", "1/2", "--jobs", "2");
        shard2 = BatchRun.batch(submissions.toString(), "--out", temp.resolve("shard2").toString(), "--shard", "2/2", "--jobs", "2");
    }

    @Test
    @Order(1)
    @DisplayName("each shard grades every second entry sorted by id, one folder per student, and prints one line each and the benchmark")
    void shardsSplitTheClass() {
        assertThat(shard1.exitCode()).as(shard1.describe()).isZero();
        assertThat(shard2.exitCode()).as(shard2.describe()).isZero();
        assertThat(temp.resolve("shard1/alice/results.json")).exists();
        assertThat(temp.resolve("shard1/carol/results.json")).exists();
        assertThat(temp.resolve("shard1/bob")).doesNotExist();
        assertThat(temp.resolve("shard2/bob/results.json")).exists();
        assertThat(temp.resolve("shard2/dan/results.json")).exists();
        assertThat(temp.resolve("shard2/.batch-staging")).as("no staging folder left behind").doesNotExist();
        assertThat(shard1.stdout()).contains("Shard 1/2: 2 of 4 submissions.")
                .contains("] alice GRADED 5.00/5.00").contains("] carol COMPILE_ERROR")
                .containsPattern("Benchmark: 2 submissions in [0-9.]+ s with 2 jobs: [0-9.]+ submissions/minute, [0-9.]+ CPU-s/submission");
    }

    @Test
    @Order(2)
    @DisplayName("a batch-graded submission has exactly the files, the score and the hidden-input seed that grade --student-id <its id> writes for it alone")
    void batchEqualsSingleGrade() throws IOException {
        Path single = temp.resolve("single-bob");
        CliRun alone = CliRun.grade(submissions.resolve("bob"), single, "--student-id", "bob");
        Path batched = temp.resolve("shard2/bob");

        assertThat(names(batched)).as("files of bob's batch folder")
                .isEqualTo(Stream.concat(names(single).stream(), Stream.of("batch-record.json")).sorted().toList());
        JsonNode batchResults = JSON.readTree(batched.resolve("results.json").toFile());
        assertThat(batchResults.path("score").asDouble()).as("batch score; single grade: %s", alone.describe())
                .isEqualTo(alone.results().path("score").asDouble()).isEqualTo(3.0);
        assertThat(scores(batchResults)).as("per-test scores").isEqualTo(scores(alone.results()));
        assertThat(batchResults.path("extra_data").path("hidden_input_seed").asLong()).as("the seed batch drew bob's inputs from")
                .isEqualTo(backproplab.grader.protocol.HiddenInputSeed.ofStudentId("bob"))
                .isEqualTo(alone.results().path("extra_data").path("hidden_input_seed").asLong());
        assertThat(Files.readString(single.resolve("console.txt"))).as("the single grade read the repository's exercises module")
                .contains("repository");
    }

    @Test
    @Order(3)
    @DisplayName("a hanging submission is recorded as timed out and does not stop its shard")
    void hangDoesNotStopTheBatch() throws IOException {
        JsonNode dan = JSON.readTree(temp.resolve("shard2/dan/batch-record.json").toFile());
        assertThat(dan.path("timedOut").asBoolean()).as("dan's record: %s", dan).isTrue();
        assertThat(dan.path("status").asText()).isEqualTo("GRADED");
    }

    @Test
    @Order(4)
    @DisplayName("batch-merge of the two shards writes one gradebook, summary and class report for the whole class")
    void mergeTwoShards() throws IOException {
        Path merged = temp.resolve("merged");
        BatchRun merge = BatchRun.run("batch-merge", temp.resolve("shard1").toString(), temp.resolve("shard2").toString(),
                "--out", merged.toString());

        assertThat(merge.exitCode()).as(merge.describe()).isZero();
        List<String> gradebook = Files.readAllLines(merged.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertThat(gradebook.get(0)).isEqualTo("id,score,max,percent,status,chainrule,activations,tinynet,gradcheck,training,"
                + "network,gradientflow,beyond,probe");
        assertThat(gradebook.subList(1, gradebook.size())).containsExactly(
                "alice,5,5,100.0,GRADED,,,,,,,,,5",
                "bob,3,5,60.0,GRADED,,,,,,,,,3",
                "carol,0,0,0.0,COMPILE_ERROR,,,,,,,,,",
                gradebook.get(4));
        assertThat(gradebook.get(4)).startsWith("dan,").contains(",GRADED,");
        JsonNode summary = JSON.readTree(merged.resolve("summary.json").toFile());
        assertThat(summary.path("totals").path("submissions").asInt()).isEqualTo(4);
        assertThat(summary.path("totals").path("notGradable").asInt()).isEqualTo(1);
        assertThat(summary.path("submissions").get(1).path("exercises").path("probe").path("score").asDouble()).isEqualTo(3.0);
        String report = Files.readString(merged.resolve("class-report.html"));
        assertThat(report.split("src=\"data:image/png;base64,", -1)).as("embedded charts").hasSize(3);
        assertThat(report).contains("<td>carol</td><td>COMPILE_ERROR</td>").contains("Timed out").contains("relu");
        assertThat(merged.resolve("bob/report.html")).as("students' folders copied").exists();
    }

    @Test
    @Order(5)
    @DisplayName("a rerun keeps unchanged submissions without grading them, and --regrade grades them again")
    void rerunSkipsUnchanged() throws IOException {
        Path out = temp.resolve("shard2");
        long before = Files.getLastModifiedTime(out.resolve("bob/results.json")).toMillis();

        BatchRun again = BatchRun.batch(submissions.toString(), "--out", out.toString(), "--shard", "2/2");

        assertThat(again.stdout()).as(again.describe()).contains("bob GRADED 3.00/5.00 (unchanged, kept)")
                .contains("Benchmark: nothing graded in this run (2 unchanged submissions kept).");
        assertThat(Files.getLastModifiedTime(out.resolve("bob/results.json")).toMillis()).isEqualTo(before);

        BatchRun forced = BatchRun.batch(submissions.toString(), "--out", out.toString(), "--shard", "2/2", "--regrade");
        assertThat(forced.stdout()).as(forced.describe()).contains("Benchmark: 2 submissions");
    }

    @Test
    @Order(6)
    @DisplayName("an invalid shard is a command-line error")
    void invalidShard() {
        BatchRun run = BatchRun.batch(submissions.toString(), "--out", temp.resolve("x").toString(), "--shard", "3/2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("1 <= i <= n");
    }

    private static List<Double> scores(JsonNode results) {
        return Stream.of(results.path("tests")).flatMap(tests -> java.util.stream.StreamSupport.stream(tests.spliterator(), false))
                .map(test -> test.path("score").asDouble()).toList();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
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

    private static void zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
