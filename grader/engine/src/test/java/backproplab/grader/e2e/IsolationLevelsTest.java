package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anchors under the module layer alone ({@code --isolation modules}): the module limits take nothing the suites
 * or ND4J need. {@link ReferenceAndSkeletonTest} grades them with the default, which is full isolation on Linux.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("grade --isolation modules, end to end, on the reference and the skeleton")
class IsolationLevelsTest {

    private CliRun reference;
    private CliRun skeleton;

    @BeforeAll
    void gradeBoth(@TempDir Path temp) throws Exception {
        List<String> modules = List.of("--isolation", "modules");
        CompletableFuture<CliRun> ref = CompletableFuture.supplyAsync(
                () -> CliRun.gradeWith(CourseTree.reference(), temp.resolve("reference"), modules));
        CompletableFuture<CliRun> skel = CompletableFuture.supplyAsync(
                () -> CliRun.gradeWith(CourseTree.skeleton(), temp.resolve("skeleton"), modules));
        reference = ref.get();
        skeleton = skel.get();
    }

    @Test
    @DisplayName("the reference scores full marks with the modules limited, pictures included")
    void referenceScoresFullMarks() {
        assertThat(reference.exitCode()).as(reference.describe()).isZero();
        assertThat(reference.tests()).as("every test of the reference should pass; failed:%n%s", E2eGrade.failures(reference))
                .isNotEmpty().allMatch(t -> "passed".equals(t.path("status").asText()));
        assertThat(reference.results().path("score").asDouble()).as("score").isEqualTo(E2eGrade.maxScore(reference));
        assertThat(reference.results().path("output").asText()).as("run notes")
                .contains("Isolation: modules only (--isolation modules)");
        assertThat(reference.out().resolve("images")).as("the training pictures, copied into the report folder")
                .isDirectoryContaining("glob:**.png");
    }

    @Test
    @DisplayName("the skeleton scores 0 with the modules limited")
    void skeletonScoresZero() {
        assertThat(skeleton.exitCode()).as(skeleton.describe()).isZero();
        assertThat(skeleton.tests()).as("tests").anyMatch(E2eGrade::isSuiteTest);
        assertThat(skeleton.results().path("score").asDouble()).as("score").isZero();
        assertThat(skeleton.results().path("output").asText()).as("run notes")
                .contains("Isolation: modules only (--isolation modules)");
    }
}
