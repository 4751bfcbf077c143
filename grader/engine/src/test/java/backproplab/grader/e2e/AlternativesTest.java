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
        // Under the course's fixed seed and under a student id: the hidden inputs drawn for a student must not punish a style.
        for (Alternative alternative : Alternative.table()) {
            for (String id : List.of("", "alice")) {
                String folder = alternative.id() + (id.isEmpty() ? "" : "-" + id);
                CompletableFuture<CliRun> graded = CompletableFuture.supplyAsync(() -> {
                    Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve(folder).resolve("src"));
                    alternative.applyTo(sources);
                    return CliRun.gradeWith(sources, temp.resolve(folder).resolve("out"),
                            id.isEmpty() ? List.of() : List.of("--student-id", id));
                });
                tests.add(DynamicTest.dynamicTest(alternative.id() + " (" + alternative.style() + ") scores full marks"
                        + (id.isEmpty() ? "" : " under student id " + id), () -> {
                    CliRun run = graded.join();
                    assertThat(run.exitCode()).as("exit code of grade on %s; %s", alternative.id(), run.describe()).isZero();
                    double max = E2eGrade.maxScore(run);
                    assertThat(max).as("total points of the report for %s; %s", alternative.id(), run.describe()).isPositive();
                    assertThat(run.results().path("score").asDouble()).as("score of the correct alternative %s (%s); failed:%n%s",
                            alternative.id(), alternative.style(), E2eGrade.failures(run)).isEqualTo(max);
                }));
            }
        }
        return tests;
    }
}
