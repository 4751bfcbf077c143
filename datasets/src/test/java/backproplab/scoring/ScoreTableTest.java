package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    private static TestOutcome outcome(String name, String task, double points, double score, TestStatus status,
                                       String message) {
        return new TestOutcome("p.T#" + name, name, "p.T", name, task, !task.isEmpty(), points, score, status,
                message, "", Visibility.VISIBLE, 0, List.of());
    }

    @Test
    @DisplayName("the table has aligned columns, messages indented below the rows that lost points, and the total")
    void table() {
        GradeReport report = new GradeReport(List.of(
                outcome("shapes", "network.backward", 1, 1, TestStatus.PASSED, ""),
                outcome("gradients", "network.backward", 3, 0, TestStatus.FAILED, "dW2 is wrong\n  expected (1, 8)"),
                outcome("plain", "", 0, 0, TestStatus.PASSED, ""),
                outcome("moons", "moons", 4, 2, TestStatus.PASSED, "Partial credit: 50 %")), "backend");
        assertThat(ScoreTable.render(report)).as("rendered table").isEqualTo("""
                Task              Test       Points     Status
                ----------------  ---------  ---------  ----------------
                network.backward  shapes     1.0 / 1.0  PASSED
                network.backward  gradients  0.0 / 3.0  FAILED
                      dW2 is wrong
                        expected (1, 8)
                moons             moons      2.0 / 4.0  PASSED (partial)
                      Partial credit: 50 %
                (ungraded)        plain      -          PASSED
                4 tests: 3 passed, 1 failed
                Score: 3.0 / 8.0
                """);
    }

    @Test
    @DisplayName("an empty report still prints a header and a total of 0 / 0")
    void empty() {
        assertThat(ScoreTable.render(GradeReport.empty(""))).as("empty table").endsWith("0 tests\nScore: 0.0 / 0.0\n");
    }

    @Test
    @DisplayName("terminal escapes in messages are removed and other control characters shown as ?")
    void noEscapes() {
        GradeReport report = new GradeReport(List.of(
                outcome("colours", "t", 1, 0, TestStatus.FAILED, "\u001B[31mred\u001B[0m and a bell \u0007\tok")), "");
        assertThat(ScoreTable.render(report)).as("rendered table")
                .contains("      red and a bell ?\tok\n").doesNotContain("\u001B").doesNotContain("\u0007");
    }

    @Test
    @DisplayName("points print with one or two decimals")
    void pointsFormat() {
        assertThat(Points.format(87)).as("whole").isEqualTo("87.0");
        assertThat(Points.format(1.5)).as("half").isEqualTo("1.5");
        assertThat(Points.format(1.0 / 3)).as("third").isEqualTo("0.33");
        assertThat(Points.format(0)).as("zero").isEqualTo("0.0");
    }
}
