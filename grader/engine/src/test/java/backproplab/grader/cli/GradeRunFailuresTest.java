package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static backproplab.grader.cli.CliRun.grade;
import static backproplab.grader.cli.CliRun.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the test JVM itself cannot do its job, the report still comes out complete and says why. */
@DisplayName("grade when the test JVM fails")
class GradeRunFailuresTest {

    @TempDir
    Path out;

    @Test
    @DisplayName("a test JVM that cannot start gives one not-run entry with the JVM's own message, and exit code 0")
    void childCannotStart() {
        CliRun run = grade(fixture("good"), out, "--heap", "lots");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode suites = run.requireTest("Hidden test suites");
        assertThat(outcome(suites)).as("outcome of the stand-in for the suites").isEqualTo("NOT_RUN");
        assertThat(suites.path("output").asText()).as("reason")
                .contains("the test JVM could not start").contains("Invalid maximum heap size");
        assertThat(run.results().path("score").asDouble()).as("score").isZero();
    }

    @Test
    @DisplayName("with no restarts allowed, the tests after a System.exit are not run, each saying why")
    void noRestarts() {
        CliRun run = grade(fixture("system-exit"), out, "--max-restarts", "0");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String later : new String[] {"relu(2) is 2", "relu(-2) is 0", "reluDerivative(3) is 1", "binaryCrossEntropy(1, 0.5) is ln 2"}) {
            JsonNode test = run.requireTest(later);
            assertThat(outcome(test)).as("outcome of '%s'; %s", later, run.describe()).isEqualTo("NOT_RUN");
            assertThat(test.path("output").asText()).as("reason for '%s'", later)
                    .contains("the test JVM exited with code 3 while running \"sigmoid(0) is 0.5\"");
        }
    }
}
