package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** report.html and the console read as a student reads them: an overview in course order, failures first. */
class ExerciseReportsTest {

    private static final SampleReports.Case COURSE = SampleReports.named("course");

    @Test
    @DisplayName("the exercises are in the course's order, whatever order the test engine reported them in")
    void exercisesInCourseOrder() {
        assertThat(ExerciseView.of(COURSE.report()).stream().map(ExerciseView::exercise))
                .containsExactly("chainrule", "activations", "network");
    }

    @Test
    @DisplayName("within an exercise, the tests that lost points come before the tests with full marks")
    void failuresFirst() {
        ExerciseView network = ExerciseView.of(COURSE.report()).get(2);
        assertThat(network.toFix().stream().map(t -> t.test().displayName()))
                .containsExactly("dW2 has the shape of W2", "moons test accuracy reaches the tiers");
        assertThat(network.passed().stream().map(t -> t.test().displayName()))
                .containsExactly("forward returns a (1 × m) output");
        assertThat(network.score()).as("points of the network exercise").isEqualTo(4.0);
        assertThat(network.maxScore()).as("points possible").isEqualTo(7.0);
    }

    @Test
    @DisplayName("a failure's method and notes are read from the message's conventions, and a plain message has neither")
    void failureNotes() {
        FailureNotes backward = FailureNotes.of(SampleReports.BACKWARD_MESSAGE);
        assertThat(backward.method()).contains("NeuralNetwork.backward");
        assertThat(backward.notes()).containsExactly("docs/06-neural-network.md#backward");
        assertThat(FailureNotes.where("docs/06-neural-network.md#backward"))
                .isEqualTo("exercises/docs/06-neural-network.md, section \"backward\"");
        assertThat(FailureNotes.of(SampleReports.MOONS_MESSAGE).method())
                .contains("NeuralNetwork (forward, backward, update, He initialisation)");
        FailureNotes plain = FailureNotes.of("[final loss] expected < 0.1 but was 0.31");
        assertThat(plain.method()).isEmpty();
        assertThat(plain.notes()).isEmpty();
    }

    @Test
    @DisplayName("the console starts with the overview, one row per exercise with points and a bar, then failures first")
    void consoleOverview() {
        String text = new ConsoleReporter().render(COURSE.report(), COURSE.run());
        List<String> lines = text.lines().toList();
        int overview = lines.indexOf(lines.stream().filter(l -> l.startsWith("Overview")).findFirst().orElseThrow());
        assertThat(lines.get(overview + 2)).startsWith("  chainrule    1.5 / 1.5  [####################]");
        assertThat(lines.get(overview + 3)).startsWith("  activations  1.0 / 3.0  [#######.............]");
        assertThat(lines.get(overview + 4)).startsWith("  network      4.0 / 7.0  [###########.........]");
        assertThat(text.indexOf("Overview")).as("overview before the first exercise").isLessThan(text.indexOf("== "));
        int network = text.indexOf("== network");
        assertThat(text.indexOf("Lost points:", network)).as("failures of network before its passes")
                .isLessThan(text.indexOf("Full marks:", network));
        assertThat(text).contains("      Read in the notes: exercises/docs/02-activations.md, section \"sigmoid\"\n")
                .contains("      Picture: images/captioned-loss-curve.png: The loss curve of the sample report: it falls")
                .endsWith("Score: 6.5 / 11.5\n");
        assertThat(ConsoleReporter.bar(0.001)).as("a little is more than nothing").isEqualTo("[#...................]");
        assertThat(ConsoleReporter.bar(0.999)).as("almost is not full").isEqualTo("[###################.]");
    }

    @Test
    @DisplayName("checks worth no points (API, structure) get a row in the overview without points or a bar")
    void checksWithoutPoints() {
        SampleReports.Case refusal = SampleReports.named("refusal");
        String text = new ConsoleReporter().render(refusal.report(), refusal.run());
        assertThat(text.lines().filter(l -> l.startsWith("  structure ")).findFirst().orElseThrow())
                .as("the structure row").doesNotContain("[").contains(" -  ").endsWith("1 of 2");
        String html = new HtmlReporter().render(refusal.report(), refusal.run());
        assertThat(html).as("no bar for checks").doesNotContain("class=\"bar");
    }

    @Test
    @DisplayName("report.html starts with the overview and shows each failure with method, message, notes and picture")
    void htmlOverview() {
        String html = new HtmlReporter().render(COURSE.report(), COURSE.run());
        int overview = html.indexOf("id=\"overview\"");
        assertThat(overview).as("overview section").isPositive();
        assertThat(html.indexOf("href=\"#exercise-chainrule\"")).isGreaterThan(overview)
                .isLessThan(html.indexOf("href=\"#exercise-activations\""));
        assertThat(html.indexOf("href=\"#exercise-activations\"")).isLessThan(html.indexOf("href=\"#exercise-network\""));
        assertThat(html.indexOf("id=\"exercise-chainrule\"")).as("exercise sections after the overview")
                .isGreaterThan(overview);
        int network = html.indexOf("id=\"exercise-network\"");
        assertThat(html.indexOf("class=\"failure\"", network)).as("failure cards before the full-marks table")
                .isLessThan(html.indexOf("Full marks", network));
        assertThat(html).contains("<code>NeuralNetwork.backward</code>")
                .contains("<code>exercises/docs/06-neural-network.md</code>, section \u201cbackward\u201d")
                .contains("captioned-loss-curve.png: The loss curve of the sample report: it falls")
                .contains("style=\"width: 57%\"");
    }
}
