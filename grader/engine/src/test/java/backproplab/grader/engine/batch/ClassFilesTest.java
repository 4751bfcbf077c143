package backproplab.grader.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch's plan, shards, content hash and class files, on real folders and records (no grading). */
@DisplayName("batch plan and class files")
class ClassFilesTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("shard i/n takes entries i, i+n, ... of the id-sorted list, and the n shards cover each entry once")
    void shards() throws IOException {
        for (String id : List.of("e", "a", "d", "b", "c")) {
            Files.createDirectories(temp.resolve(id));
        }
        Files.write(temp.resolve("f.zip"), new byte[] {'P', 'K', 3, 4});
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve("notes.txt"), "not a submission");

        assertThat(BatchPlan.of(temp, ShardSpec.parse("1/2")).selected()).extracting(BatchEntry::id).containsExactly("a", "c", "e");
        assertThat(BatchPlan.of(temp, ShardSpec.parse("2/2")).selected()).extracting(BatchEntry::id).containsExactly("b", "d", "f");
        assertThat(BatchPlan.of(temp, ShardSpec.ALL).all()).hasSize(6);
        assertThatThrownBy(() -> ShardSpec.parse("0/2")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> ShardSpec.parse("two")).hasMessageContaining("i/n");
    }

    @Test
    @DisplayName("the content hash changes with a submitted file and ignores .git and target")
    void contentHash() throws IOException {
        Path sub = Files.createDirectories(temp.resolve("s/backproplab"));
        Files.writeString(sub.resolve("A.java"), "class A {}");
        String first = ContentHash.of(temp.resolve("s"));
        Files.createDirectories(temp.resolve("s/.git"));
        Files.writeString(temp.resolve("s/.git/HEAD"), "ref");
        assertThat(ContentHash.of(temp.resolve("s"))).isEqualTo(first);
        Files.writeString(sub.resolve("A.java"), "class A { }");
        assertThat(ContentHash.of(temp.resolve("s"))).isNotEqualTo(first).startsWith("sha256:");
    }

    @Test
    @DisplayName("the gradebook lists tasks in course order and quotes fields as RFC 4180 says")
    void gradebook() {
        SubmissionRecord odd = record("o'neil, \"jr\"", "GRADED", 1.5, Map.of("beyond", 1.5), "x");
        SubmissionRecord plain = record("amy", "COMPILE_ERROR", 0, Map.of(), "");
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("mine", 1.0);
        ordered.put("chainrule", 2.0);
        SubmissionRecord custom = record("zed", "GRADED", 3, ordered, "y");

        String csv = Gradebook.csv(List.of(plain, odd, custom));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "id,score,max,percent,status,chainrule,activations,tinynet,gradcheck,training,network,gradientflow,beyond,mine",
                "amy,0,10,0.0,COMPILE_ERROR,,,,,,,,,",
                "\"o'neil, \"\"jr\"\"\",1.5,10,15.0,GRADED,,,,,,,,1.5,",
                "zed,3,10,30.0,GRADED,2,,,,,,,,1",
                "");
    }

    @Test
    @DisplayName("submissions whose failures carry identical numbers form a group; different numbers do not")
    void similarity() {
        SubmissionRecord a = record("a", "GRADED", 1, Map.of("network", 1.0), "expected 0.25 but was 0.731");
        SubmissionRecord b = record("b", "GRADED", 1, Map.of("network", 1.0), "expected 0.25 but was 0.731");
        SubmissionRecord c = record("c", "GRADED", 1, Map.of("network", 1.0), "expected 0.25 but was 0.5");

        assertThat(SimilarityGroups.of(List.of(a, b, c))).singleElement()
                .satisfies(group -> assertThat(group.ids()).containsExactly("a", "b"));
    }

    @Test
    @DisplayName("the class files are written: the report embeds two charts and names the ungradable submissions")
    void classFiles() throws IOException {
        ClassOutput.writeAll(List.of(record("b", "REFUSED", 0, Map.of(), ""),
                record("a", "GRADED", 7, Map.of("network", 7.0), "expected 1 but was 2")), temp);

        assertThat(Files.readString(temp.resolve("gradebook.csv"))).startsWith("id,").contains("\r\na,7,10,70.0,GRADED");
        assertThat(Files.readString(temp.resolve("summary.json"))).contains("\"gradable\" : 1", "\"REFUSED\" : 1");
        String html = Files.readString(temp.resolve("class-report.html"));
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(3);
        assertThat(html).contains("<td>b</td><td>REFUSED</td>").contains("expected 1 but was 2");
    }

    private static SubmissionRecord record(String id, String status, double score, Map<String, Double> exercises, String failure) {
        Map<String, SubmissionRecord.ExerciseScore> scores = new LinkedHashMap<>();
        exercises.forEach((exercise, points) -> scores.put(exercise, new SubmissionRecord.ExerciseScore(points, 10)));
        List<SubmissionRecord.Failure> failures = failure.isEmpty() ? List.of()
                : List.of(new SubmissionRecord.Failure("t1", "test one", "network", "FAILED", failure));
        return new SubmissionRecord(id, status, status.equals("GRADED") ? "" : "why", score, 10, scores, 1.0, 1.0, false,
                failures, "sha256:x", "v");
    }
}
