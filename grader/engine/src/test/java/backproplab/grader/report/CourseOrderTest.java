package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The course's order comes from the skeleton's own stubs, so reports follow the notebook without a list to keep. */
@DisplayName("The course's order")
class CourseOrderTest {

    @Test
    @DisplayName("is the notebook's: chain rule, activations, tiny network, gradient check, training, network, flow, beyond")
    void notebookOrder() {
        assertThat(CourseOrder.bundled().exercises()).as("exercises read from the bundled skeleton")
                .containsExactly("chainrule", "activations", "tinynet", "gradcheck", "training", "network", "gradientflow",
                        "beyond");
    }

    @Test
    @DisplayName("puts tasks of the exercises first, in that order, then the checks and other tasks by name")
    void taskOrder() {
        List<String> sorted = List.of("structure", "beyond.adam", "api", "activations.relu", "chainrule.forward",
                "activations.bce", "probe.relu").stream().sorted(CourseOrder.bundled().tasks()).toList();

        assertThat(sorted).as("sorted task ids").containsExactly("chainrule.forward", "activations.bce", "activations.relu",
                "beyond.adam", "api", "probe.relu", "structure");
    }

    @Test
    @DisplayName("is read from the lowest note number of each exercise's stubs, whatever order the files come in")
    void fromStubs() {
        CourseOrder order = CourseOrder.fromSources(Map.of(
                "b/B.java", "throw new UnsupportedOperationException(\"TODO [second.task]: do it. See docs/02-second.md#a\");",
                "a/Later.java", "throw new UnsupportedOperationException(\"TODO [first.more]: then. See docs/02-second.md#c\");",
                "a/A.java", "throw new UnsupportedOperationException(\"TODO [first.task]: do it. See docs/01-first.md#b\");",
                "g/Given.java", "record Given() {}"));

        assertThat(order.exercises()).as("exercises").containsExactly("first", "second");
    }
}
