package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static backproplab.grader.cli.CliRun.grade;
import static backproplab.grader.cli.CliRun.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for hostile and broken submissions, through the CLI path with real forked JVMs: every run
 * writes a valid report within its time limit, and exactly the affected tests lose their points, with a
 * reason a student can act on.
 */
@DisplayName("grade on bad submissions")
class GradeBadSubmissionsTest {

    private static final String SIGMOID = "sigmoid(0) is 0.5";
    private static final String RELU_TWO = "relu(2) is 2";
    private static final String RELU_MINUS_TWO = "relu(-2) is 0";
    private static final String RELU_DERIVATIVE = "reluDerivative(3) is 1";
    private static final String BCE = "binaryCrossEntropy(1, 0.5) is ln 2";

    @TempDir
    Path out;

    @Test
    @DisplayName("a correct submission passes all five probe tests, and the API check names the skeleton classes it lacks")
    void goodSubmission() {
        CliRun run = grade(fixture("good"), out, "--structure-rules", "--fork-compiler");

        assertThat(run.exitCode()).as("exit code of grade on a good submission; %s", run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("results.json score; %s", run.describe()).isEqualTo(5.0);
        for (String name : new String[] {SIGMOID, RELU_TWO, RELU_MINUS_TWO, RELU_DERIVATIVE, BCE}) {
            assertThat(run.requireTest(name).path("status").asText()).as("status of '%s'; %s", name, run.describe())
                    .isEqualTo("passed");
        }
        assertThat(run.tests()).as("results.json should list the classes of the skeleton that the fixture lacks")
                .anySatisfy(t -> assertThat(t.path("output").asText()).contains("NeuralNetwork is missing"));
        assertThat(run.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isTrue();
    }

    @Test
    @DisplayName("a file that does not compile gives score 0, the compiler's message with a relative path, and gradable false")
    void doesNotCompile() {
        CliRun run = grade(fixture("does-not-compile"), out, "--fork-compiler");

        assertThat(run.exitCode()).as("exit code when the student's code does not compile; %s", run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("results.json score").isZero();
        assertThat(run.results().path("output").asText()).as("results.json output should carry javac's message")
                .contains("\nbackproplab/activations/Activations.java:24: error: ';' expected")
                .doesNotContain(fixture("does-not-compile").resolve("backproplab").toString());
        assertThat(run.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isFalse();
        assertThat(run.stdout()).as("console").contains("COMPILE_ERROR");
    }

    @Test
    @DisplayName("an endless loop times out only the tests that call it; the others still pass in a fresh JVM")
    void infiniteLoop() {
        CliRun run = grade(fixture("infinite-loop"), out, "--grace", "500ms");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String looping : new String[] {RELU_TWO, RELU_MINUS_TWO}) {
            JsonNode test = run.requireTest(looping);
            assertThat(outcome(test)).as("outcome of '%s', which calls the looping relu; %s", looping, run.describe())
                    .isEqualTo("TIMED_OUT");
            assertThat(test.path("score").asDouble()).as("score of '%s'", looping).isZero();
            // JUnit's own timeout reports "timed out after 2 seconds"; if the machine is too busy for it to report
            // in time, the child's watchdog does, with "time limit of 2 s". Both must point at the loop.
            assertThat(test.path("output").asText()).as("message of '%s' should give the limit and point at the loop", looping)
                    .containsPattern("timed out after 2 seconds|time limit of 2 s")
                    .contains("at Activations.relu(Activations.java:");
        }
        for (String fine : new String[] {SIGMOID, RELU_DERIVATIVE, BCE}) {
            assertThat(run.requireTest(fine).path("status").asText()).as("status of '%s'; %s", fine, run.describe())
                    .isEqualTo("passed");
        }
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(3.0);
    }

    @Test
    @DisplayName("System.exit(3) costs only the test that called it, with the exit code as the reason")
    void systemExit() {
        CliRun run = grade(fixture("system-exit"), out);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode exiting = run.requireTest(SIGMOID);
        assertThat(exiting.path("score").asDouble()).as("score of the test whose code called System.exit").isZero();
        assertThat(exiting.path("output").asText()).as("reason given for '%s'", SIGMOID)
                .contains("the test JVM exited with code 3").contains("System.exit");
        for (String fine : new String[] {RELU_TWO, RELU_MINUS_TWO, RELU_DERIVATIVE, BCE}) {
            assertThat(run.requireTest(fine).path("status").asText()).as("status of '%s'; %s", fine, run.describe())
                    .isEqualTo("passed");
        }
    }

    @Test
    @DisplayName("with the structure rules on, System.exit is refused before anything runs: a gradable 0 that names the rule")
    void systemExitRefusedByRules() throws IOException {
        CliRun run = grade(fixture("system-exit"), out, "--structure-rules");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score").isZero();
        assertThat(run.results().path("output").asText()).as("results.json output")
                .contains("Your submission was refused: it breaks the structure rule \"only the allowed Java, ND4J and course APIs\"")
                .doesNotContain("did not compile");
        // A refusal costs the attempt, unlike code that does not compile.
        assertThat(run.prairieLearn().path("gradable").asBoolean()).as("prairielearn.json gradable").isTrue();
        assertThat(run.prairieLearn().path("score").asDouble()).as("prairielearn.json score").isZero();
        assertThat(run.stdout()).as("console").contains("Status: REFUSED");
        assertThat(new ObjectMapper().readTree(out.resolve("timings.json").toFile()).path("status").asText())
                .as("status in timings.json").isEqualTo("REFUSED");
    }

    @Test
    @DisplayName("100 MB printed to stdout are capped at 8 KB per test with a note, and the test still passes")
    void floodsStdout() {
        CliRun run = grade(fixture("floods-stdout"), out, "--test-timeout", "20s");

        JsonNode flooding = run.requireTest(SIGMOID);
        assertThat(flooding.path("status").asText()).as("status of the flooding test; %s", run.describe()).isEqualTo("passed");
        String output = flooding.path("output").asText();
        assertThat(output).as("captured output of the flooding test")
                .contains("[output truncated after 8192 bytes; " + (100_000_000L - 8192) + " more bytes were not kept]");
        assertThat(output.length()).as("length of the captured output kept for the flooding test").isLessThan(9_000);
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(5.0);
    }

    @Test
    @DisplayName("an exception fails the tests that call the method, naming the exception and the student's line")
    void throwsException() {
        CliRun run = grade(fixture("throws"), out);

        JsonNode test = run.requireTest(RELU_TWO);
        assertThat(outcome(test)).as("outcome; %s", run.describe()).isEqualTo("FAILED");
        assertThat(test.path("output").asText()).as("message of the failing test")
                .contains("IllegalStateException: relu is not ready yet")
                .contains("at Activations.relu(Activations.java:24)");
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(3.0);
    }

    @Test
    @DisplayName("a NaN result fails the assertion with expected and actual values")
    void returnsNaN() {
        CliRun run = grade(fixture("returns-nan"), out);

        JsonNode test = run.requireTest(BCE);
        assertThat(outcome(test)).as("outcome; %s", run.describe()).isEqualTo("FAILED");
        assertThat(test.path("output").asText()).as("message of the NaN test").contains("NaN").contains("binaryCrossEntropy");
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(4.0);
    }

    @Test
    @DisplayName("a changed signature is named by the API check with the expected declaration, and its callers fail with NoSuchMethodError")
    void wrongSignature() {
        CliRun run = grade(fixture("wrong-signature"), out);

        JsonNode api = run.requireTest("API: Activations.relu(double)");
        assertThat(api.path("status").asText()).as("status of the API check of relu; %s", run.describe()).isEqualTo("failed");
        assertThat(api.path("output").asText()).as("message of the API check")
                .contains("Activations.relu(double) is missing: expected public static double relu(double)")
                .contains("Found instead: public static float relu(float)");
        JsonNode caller = run.requireTest(RELU_TWO);
        assertThat(outcome(caller)).as("outcome of a test calling relu(double)").isEqualTo("FAILED");
        assertThat(caller.path("output").asText()).as("message of a test calling relu(double)").contains("NoSuchMethodError");
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(3.0);
    }

    @Test
    @DisplayName("running out of heap costs the test that allocated, with the heap limit as the reason")
    void outOfMemory() {
        CliRun run = grade(fixture("out-of-memory"), out, "--heap", "64m");

        JsonNode test = run.requireTest(SIGMOID);
        assertThat(test.path("score").asDouble()).as("score of the allocating test; %s", run.describe()).isZero();
        assertThat(test.path("output").asText()).as("reason").contains("ran out of memory (heap limit 64m)");
        assertThat(run.results().path("score").asDouble()).as("score").isEqualTo(4.0);
    }

    @Test
    @DisplayName("the whole-run limit kills the test JVM: the running test timed out, the rest did not run, and the report is complete")
    void wholeRunTimeout() {
        CliRun run = grade(fixture("infinite-loop"), out, "--test-timeout", "60s", "--run-timeout", "8s");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.wallMillis()).as("wall time of a run limited to 8 s").isBetween(8_000L, 25_000L);
        JsonNode running = run.requireTest(RELU_TWO);
        assertThat(outcome(running)).as("outcome of the test running at the limit; %s", run.describe()).isEqualTo("TIMED_OUT");
        assertThat(running.path("output").asText()).as("reason").contains("time limit of 8 s");
        for (String later : new String[] {RELU_MINUS_TWO, RELU_DERIVATIVE, BCE}) {
            JsonNode test = run.requireTest(later);
            assertThat(outcome(test)).as("outcome of '%s', after the limit", later).isEqualTo("NOT_RUN");
        }
        assertThat(run.requireTest(SIGMOID).path("status").asText()).as("the test before the loop").isEqualTo("passed");
    }
}
