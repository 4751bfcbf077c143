package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kinds of verdict and the rule that tells a graded run from an API mismatch. */
class VerdictTest {

    private static final List<String> DIFFERENCE = List.of("Activations.relu(double) is missing: expected public static double relu(double).");

    @Test
    @DisplayName("a run whose suites ran is graded when the API matches, whether or not any test passed")
    void gradedWhenTheApiMatches() {
        assertThat(Verdict.afterSuites(List.of(), false)).as("no test passed").isEqualTo(Verdict.graded());
        assertThat(Verdict.afterSuites(List.of(), true)).as("some tests passed").isEqualTo(Verdict.graded());
    }

    @Test
    @DisplayName("API differences are the verdict only when not one hidden test passed; otherwise the run is graded and lists them")
    void apiMismatchOnlyWhenNothingPassed() {
        assertThat(Verdict.afterSuites(DIFFERENCE, false)).as("differences and no test passed")
                .isEqualTo(new Verdict.ApiMismatch(DIFFERENCE));
        assertThat(Verdict.afterSuites(DIFFERENCE, true)).as("differences and some tests passed")
                .isEqualTo(new Verdict.Graded(DIFFERENCE));
    }

    @Test
    @DisplayName("timings.json's status code is derived from the kind of verdict")
    void statusCodes() {
        assertThat(List.of(Verdict.graded(), new Verdict.ApiMismatch(DIFFERENCE), new Verdict.DidNotCompile(List.of("x")),
                new Verdict.Refused(List.of(new Verdict.BrokenRule("no reflection", "m"))),
                new Verdict.InvalidSubmission(List.of("No .java file was found.")), new Verdict.GraderFailed("boom"))
                .stream().map(Verdict::status))
                .containsExactly("GRADED", "API_MISMATCH", "COMPILE_ERROR", "REFUSED", "INVALID_SUBMISSION", "GRADER_ERROR");
    }

    @Test
    @DisplayName("a refusal, an API mismatch and an invalid submission must say why")
    void reasonsAreRequired() {
        assertThatThrownBy(() -> new Verdict.Refused(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict.ApiMismatch(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict.InvalidSubmission(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
