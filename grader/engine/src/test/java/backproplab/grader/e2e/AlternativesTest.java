package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every correct alternative of {@code src/test/resources/alternatives/alternatives.json} (the reference's exercises
 * solved in another style) graded end to end with every hidden suite: each must score full marks, so that no
 * check, the aliasing checks included, punishes a style the notes allow. Two are graded at a time.
 */
@DisplayName("grade, end to end, on correct solutions in other styles")
class AlternativesTest {

    @TempDir
    static Path temp;

    @TestFactory
    List<DynamicTest> everyCorrectAlternativeScoresFullMarks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Alternative alternative : Alternative.table()) {
            CompletableFuture<CliRun> graded = CompletableFuture.supplyAsync(() -> {
                Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve(alternative.id()).resolve("src"));
                alternative.applyTo(sources);
                return E2eGrade.grade(sources, temp.resolve(alternative.id()).resolve("out"));
            });
            tests.add(DynamicTest.dynamicTest(alternative.id() + " (" + alternative.style() + ") scores full marks", () -> {
                CliRun run = graded.join();
                assertThat(run.exitCode()).as("exit code of grade on %s; %s", alternative.id(), run.describe()).isZero();
                double max = E2eGrade.maxScore(run);
                assertThat(max).as("total points of the report for %s; %s", alternative.id(), run.describe()).isPositive();
                assertThat(run.results().path("score").asDouble()).as("score of the correct alternative %s (%s); failed:%n%s",
                        alternative.id(), alternative.style(), E2eGrade.failures(run)).isEqualTo(max);
            }));
        }
        return tests;
    }
}
