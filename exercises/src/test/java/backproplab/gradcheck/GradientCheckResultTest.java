package backproplab.gradcheck;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.gradcheck.GradientCheckResult.ParameterSummary;
import backproplab.gradcheck.GradientCheckResult.Row;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The result object is given code; these tests build rows with {@link Row#of}, which needs your RelativeError. */
@Graded(points = 1, task = "gradcheck")
@DisplayName("Exercise 4 — reading a gradient-check result")
class GradientCheckResultTest {

    private static final String DOC = "docs/04-gradient-check.md#reading-the-result";

    @Test
    @DisplayName("rows built with Row.of carry the relative and absolute errors")
    void rowOfComputesErrors() {
        Row row = Row.of("w1", 0.3, 0.1);

        assertThat(row.relativeError()).as("Row.of(\"w1\", 0.3, 0.1).relativeError(): expected |0.3 − 0.1| / (0.3 + 0.1) = 0.5 (docs/04-gradient-check.md#relative-error)")
                .isCloseTo(0.5, within(1e-15));
        assertThat(row.absoluteError()).as("Row.of(\"w1\", 0.3, 0.1).absoluteError(): expected 0.2 (%s)", DOC)
                .isCloseTo(0.2, within(1e-15));
    }

    @Test
    @DisplayName("matching gradients pass; a mismatch fails and is named in the verdict and marked in the table")
    void passAndFail() {
        GradientCheckResult good = new GradientCheckResult(List.of(Row.of("w1", 0.0123, 0.01230000001), Row.of("b1", -0.5, -0.5000000002)));
        GradientCheckResult bad = new GradientCheckResult(List.of(Row.of("w1", 0.0246, 0.0123), Row.of("b1", -0.5, -0.5000000002)));

        assertThat(good.passed()).as("GradientCheckResult.passed() for relative errors ≈ 1e-9: expected true; table:%n%s", good.table()).isTrue();
        assertThat(good.verdict()).as("GradientCheckResult.verdict() for a passing check (%s)", DOC).startsWith("✅");
        assertThat(bad.passed()).as("GradientCheckResult.passed() with w1 off by a factor of 2: expected false; table:%n%s", bad.table()).isFalse();
        assertThat(bad.failures()).extracting(Row::parameter).as("GradientCheckResult.failures(): expected only w1 (%s)", DOC).containsExactly("w1");
        assertThat(bad.verdict()).as("GradientCheckResult.verdict() for a failing w1 (%s)", DOC).startsWith("❌").contains("w1");
        assertThat(bad.table()).as("GradientCheckResult.table(): expected the notebook's columns and a mark on the w1 row (%s)", DOC)
                .contains("Parameter", "Analytical", "Numerical", "Rel. error", "<-- mismatch");
    }

    @Test
    @DisplayName("tiny gradients pass on absolute error even when their relative error is large; NaN never passes")
    void absoluteErrorFloorAndNaN() {
        GradientCheckResult tiny = new GradientCheckResult(List.of(Row.of("b2", 1e-12, 3e-12)));
        GradientCheckResult nan = new GradientCheckResult(List.of(Row.of("w2", Double.NaN, 0.25)));

        assertThat(tiny.passed()).as("GradientCheckResult.passed() for 1e-12 vs 3e-12 (|a − n| = 2e-12 ≤ %s): expected true (%s)",
                GradientCheckResult.MIN_ABSOLUTE_ERROR, DOC).isTrue();
        assertThat(nan.passed()).as("GradientCheckResult.passed() for an analytical gradient of NaN: expected false (%s)", DOC).isFalse();
    }

    @Test
    @DisplayName("summary groups element rows such as W1[0,1] under their matrix W1 with the worst element")
    void summaryGroupsMatrixElements() {
        GradientCheckResult result = new GradientCheckResult(List.of(
                Row.of("W1[0,0]", 0.1, 0.1000000001),
                Row.of("W1[0,1]", 0.2, 0.1),
                Row.of("b1[0,0]", 0.3, 0.3)));

        List<ParameterSummary> summary = result.summary();

        assertThat(summary).extracting(ParameterSummary::parameter).as("GradientCheckResult.summary(): expected one line per matrix (%s)", DOC)
                .containsExactly("W1", "b1");
        assertThat(summary.get(0).worst().parameter()).as("GradientCheckResult.summary(): worst element of W1 (%s)", DOC).isEqualTo("W1[0,1]");
        assertThat(summary.get(0).values()).as("GradientCheckResult.summary(): number of W1 elements checked (%s)", DOC).isEqualTo(2);
        assertThat(result.verdict()).as("GradientCheckResult.verdict(): expected the matrix name W1 among the suspects (%s)", DOC).contains("Check W1");
    }
}
