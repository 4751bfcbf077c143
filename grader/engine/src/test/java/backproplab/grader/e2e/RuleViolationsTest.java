package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring of structure-rule violations, end to end on the whole reference with one forbidden call planted:
 * code that breaks a rule is not run at all, scores 0, and the report names the rule, the class, the member and
 * the line.
 */
@DisplayName("grade, end to end, on the reference with a forbidden call planted")
class RuleViolationsTest {

    private static final String ALLOWLIST_RULE = "Structure rule: only the allowed Java, ND4J and course APIs";

    @TempDir
    Path temp;

    @Test
    @DisplayName("System.exit in NeuralNetwork.backward: refused before running, score 0, the rule and the line named")
    void exitInBackward() {
        CliRun run = gradeWith(new Mutant("exit-in-backward", false, "System.exit in backward", "backproplab/network/NeuralNetwork.java",
                List.of(new Mutant.Edit("        gradients.clear();\n", "        gradients.clear();\n        System.exit(0);\n")),
                "network.backward", "NeuralNetwork.backward"));

        assertThat(run.exitCode()).as("exit code; %s", run.describe()).isZero();
        assertThat(run.results().path("score").asDouble()).as("score of a submission that calls System.exit").isZero();
        JsonNode rule = run.requireTest(ALLOWLIST_RULE);
        assertThat(rule.path("status").asText()).as("status of the allowlist rule").isEqualTo("failed");
        assertThat(rule.path("output").asText()).as("message of the allowlist rule")
                .contains("backproplab.network.NeuralNetwork.backward(org.nd4j.linalg.api.ndarray.INDArray)")
                .contains("java.lang.System.exit(int)")
                .containsPattern("\\(NeuralNetwork\\.java:\\d+\\)")
                .contains("instead of stopping the JVM");
        assertThat(run.tests()).as("no hidden test may run on code that breaks a rule; tests: %s", run.tests())
                .noneMatch(E2eGrade::isSuiteTest);
        assertThat(run.results().path("output").asText()).as("results.json output")
                .contains("Your submission was refused: it breaks the structure rule "
                        + "\"only the allowed Java, ND4J and course APIs\", so none of it was run and the score is 0.")
                .contains("java.lang.System.exit(int)")
                .doesNotContain("did not compile");
        assertThat(run.wallMillis()).as("wall time of a refused submission (no test JVM is started)").isLessThan(60_000);
    }

    @Test
    @DisplayName("reflection in TinyNetwork.update: refused before running, score 0, the rule named")
    void reflectionInUpdate() {
        CliRun run = gradeWith(new Mutant("reflection-in-update", false, "reflection in update", "backproplab/tinynet/TinyNetwork.java",
                List.of(new Mutant.Edit("        TinyGradients g = gradients();\n",
                        "        TinyGradients g = gradients();\n        try {\n"
                                + "            TinyNetwork.class.getDeclaredField(\"w1\").setAccessible(true);\n"
                                + "        } catch (NoSuchFieldException e) {\n            throw new IllegalStateException(e);\n        }\n")),
                "tinynet.update", "TinyNetwork.update"));

        assertThat(run.results().path("score").asDouble()).as("score of a submission that uses reflection; %s", run.describe())
                .isZero();
        assertThat(run.requireTest(ALLOWLIST_RULE).path("output").asText()).as("message of the allowlist rule")
                .contains("backproplab.tinynet.TinyNetwork.update(double)")
                .contains("java.lang.Class.getDeclaredField(java.lang.String)")
                .contains("without reflection");
    }

    private CliRun gradeWith(Mutant planted) {
        Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve("src"));
        planted.applyTo(sources);
        return E2eGrade.grade(sources, temp.resolve("out"));
    }
}
