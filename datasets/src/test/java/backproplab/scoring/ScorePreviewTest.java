package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScorePreviewTest {

    private static TestOutcome visible(String name, String task, double score) {
        return new TestOutcome("p.T#" + name, name, "p.T", name, task, true, 1, score,
                score == 1 ? TestStatus.PASSED : TestStatus.FAILED, score == 1 ? "" : "wrong", "", Visibility.VISIBLE, 0,
                List.of());
    }

    private static final GradeWeights WEIGHTS = GradeWeights.parse("""
            # a course of three exercises
            chainrule = 10
            network = 60

            beyond = 30
            """);

    @Test
    @DisplayName("the preview scales each exercise's visible tests to its weight in the grade, out of the grade's total")
    void weighted() {
        GradeReport report = new GradeReport(List.of(
                visible("a", "chainrule", 1), visible("b", "chainrule", 1),
                visible("c", "network", 1), visible("d", "network", 0), visible("e", "network", 0),
                visible("f", "beyond", 0),
                new TestOutcome("h#x", "hidden one", "h", "x", "network.backward", true, 5, 5, TestStatus.PASSED, "", "",
                        Visibility.HIDDEN, 0, List.of()),
                new TestOutcome("s#x", "structure", "s", "x", "structure", true, 0, 0, TestStatus.PASSED, "", "",
                        Visibility.VISIBLE, 0, List.of())), "");
        String text = ScorePreview.render(report, WEIGHTS);
        assertThat(text).as("preview").contains("Preview score: 30.0 / 100.0 (visible tests only)\n")
                .contains("counts the visible tests only")
                .contains("""
                        Exercise   Visible tests  Weight in the grade  Preview
                        chainrule      2.0 / 2.0                 10.0     10.0
                        network        1.0 / 3.0                 60.0     20.0
                        beyond         0.0 / 1.0                 30.0      0.0
                        """)
                .doesNotContain("hidden one").doesNotContain("Score: ");
    }

    @Test
    @DisplayName("an exercise without visible tests adds nothing and is named, so the preview's reach is clear")
    void exerciseWithoutVisibleTests() {
        GradeReport report = new GradeReport(List.of(visible("a", "chainrule", 1)), "");
        assertThat(ScorePreview.render(report, WEIGHTS)).contains("Preview score: 10.0 / 100.0 (visible tests only; "
                + "they cover exercises worth 10.0 of the 100.0 points, none for network, beyond)\n");
    }

    @Test
    @DisplayName("the course's weights add up to 100 and follow the course's exercises")
    void bundledWeights() {
        GradeWeights weights = GradeWeights.bundled();
        assertThat(weights.total()).isEqualTo(100.0);
        assertThat(weights.byExercise().keySet()).containsExactly("chainrule", "activations", "tinynet", "gradcheck",
                "training", "network", "gradientflow", "beyond", "integration");
        assertThat(GradeWeights.exerciseOf("network.backward")).isEqualTo("network");
    }

    @Test
    @DisplayName("a malformed weights line is refused with the line in the message")
    void malformed() {
        assertThatThrownBy(() -> GradeWeights.parse("network: 40")).hasMessageContaining("\"network: 40\"");
        assertThatThrownBy(() -> GradeWeights.parse("a = 1\na = 2")).hasMessageContaining("\"a = 2\"");
    }
}
