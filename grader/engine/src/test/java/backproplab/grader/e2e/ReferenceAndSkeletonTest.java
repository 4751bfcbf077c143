package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import backproplab.grader.cli.CliRun;
import backproplab.grader.report.SurefireSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader's two anchors, end to end through the CLI with the real hidden suites: the reference
 * ({@code solutions/src/main/java}) scores full marks and the skeleton ({@code exercises/src/main/java}) scores
 * zero, each with a complete report that matches its golden file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("grade, end to end, on the reference and the skeleton")
class ReferenceAndSkeletonTest {

    private CliRun reference;
    private CliRun skeleton;

    @BeforeAll
    void gradeBoth(@TempDir Path temp) throws Exception {
        // Two grading runs side by side: each forks its own JVM, so they share nothing but the two cores.
        CompletableFuture<CliRun> ref = CompletableFuture.supplyAsync(
                () -> E2eGrade.grade(CourseTree.reference(), temp.resolve("reference")));
        CompletableFuture<CliRun> skel = CompletableFuture.supplyAsync(
                () -> E2eGrade.grade(CourseTree.skeleton(), temp.resolve("skeleton")));
        reference = ref.get();
        skeleton = skel.get();
        System.out.printf("e2e: reference graded in %d ms, skeleton in %d ms%n", reference.wallMillis(), skeleton.wallMillis());
    }

    @Test
    @DisplayName("the reference scores full marks: every test passes, and the score is the sum of all points")
    void referenceScoresFullMarks() {
        assertThat(reference.exitCode()).as("exit code of grade on the reference; %s", reference.describe()).isZero();
        assertThat(reference.tests()).as("tests in the reference's results.json").anyMatch(E2eGrade::isSuiteTest);
        assertThat(reference.tests()).as("every test of the reference should pass; failed:%n%s", E2eGrade.failures(reference))
                .allMatch(t -> "passed".equals(t.path("status").asText()) && "PASSED".equals(CliRun.outcome(t)));
        double max = E2eGrade.maxScore(reference);
        assertThat(max).as("total points of the hidden suites").isPositive();
        assertThat(reference.results().path("score").asDouble()).as("results.json score of the reference (max %s)", max)
                .isEqualTo(max);
        assertThat(reference.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isTrue();
        assertThat(reference.prairieLearn().path("score").asDouble()).as("prairielearn.json score (a fraction)").isEqualTo(1.0);
    }

    @Test
    @DisplayName("on Linux both ran with full isolation, which the default (--isolation auto) picks where bubblewrap works")
    void bothRanInTheSandbox() {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "bubblewrap is Linux only");
        for (CliRun run : List.of(reference, skeleton)) {
            assertThat(run.results().path("output").asText()).as("the run notes of %s", run.out())
                    .contains("Isolation: full (bubblewrap");
        }
    }

    @Test
    @DisplayName("junit.xml of the reference and of the skeleton is valid against the Surefire 3.0 test-report schema")
    void junitXmlIsValid() throws Exception {
        for (CliRun run : List.of(reference, skeleton)) {
            String xml = Files.readString(run.out().resolve("junit.xml"));
            assertThat(SurefireSchema.problems(xml)).as("schema problems of %s", run.out().resolve("junit.xml")).isEmpty();
        }
    }

    @Test
    @DisplayName("the reference keeps every structure rule and the skeleton's API")
    void referencePassesTheChecks() {
        List<JsonNode> checks = reference.tests().stream().filter(t -> !E2eGrade.isSuiteTest(t)).toList();
        assertThat(checks).as("API and structure checks of the reference").isNotEmpty()
                .anyMatch(t -> "structure".equals(E2eGrade.task(t)))
                .allMatch(t -> "passed".equals(t.path("status").asText()));
    }

    @Test
    @DisplayName("the skeleton scores 0 with a complete report: every test of the reference is there, and none scores")
    void skeletonScoresZero() {
        assertThat(skeleton.exitCode()).as("exit code of grade on the skeleton; %s", skeleton.describe()).isZero();
        assertThat(skeleton.results().path("score").asDouble()).as("results.json score of the skeleton; tests that scored:%n%s",
                skeleton.tests().stream().filter(t -> t.path("score").asDouble() > 0).map(t -> t.path("name").asText()).toList())
                .isZero();
        assertThat(testIds(skeleton)).as("test ids of the skeleton's report, compared with the reference's")
                .containsExactlyElementsOf(testIds(reference));
        assertThat(skeleton.tests().stream().filter(E2eGrade::isSuiteTest))
                .as("every hidden test fails on the skeleton, with the TODO of the method it needs")
                .allSatisfy(t -> {
                    assertThat(t.path("status").asText()).as("status of '%s'", t.path("name").asText()).isEqualTo("failed");
                    assertThat(t.path("score").asDouble()).as("score of '%s'", t.path("name").asText()).isZero();
                    assertThat(t.path("output").asText()).as("message of '%s' on the skeleton should carry the TODO "
                            + "of the method the student has to write", t.path("name").asText()).contains("TODO [");
                });
        assertThat(skeleton.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isTrue();
        assertThat(Files.exists(skeleton.out().resolve("results.json"))).as("results.json written").isTrue();
    }

    @Test
    @DisplayName("the reference's normalised results.json matches golden-e2e/reference.json")
    void referenceGolden() {
        GoldenResults.check("reference", GoldenResults.normalise(reference.results(), CourseTree.reference()));
    }

    @Test
    @DisplayName("the skeleton's normalised results.json matches golden-e2e/skeleton.json")
    void skeletonGolden() {
        GoldenResults.check("skeleton", GoldenResults.normalise(skeleton.results(), CourseTree.skeleton()));
    }

    private static List<String> testIds(CliRun run) {
        return run.tests().stream().map(t -> t.path("extra_data").path("test_id").asText()).toList();
    }
}
