package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.scoring.GradeWeights;
import backproplab.scoring.Points;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grade weights that the students' score preview uses ({@link GradeWeights}, in datasets) are the grade's own: per
 * exercise, the points of the hidden tests in the reference's golden results (which {@link ReferenceAndSkeletonTest}
 * keeps equal to a real grading run). Change a hidden test's points, and this test names the weight to change.
 */
class GradeWeightsTest {

    @Test
    @DisplayName("each exercise's weight in the score preview is the sum of its hidden tests' points in the grade")
    void weightsAreTheGradesPoints() throws Exception {
        JsonNode reference = new ObjectMapper().readTree(GoldenResults.folder().resolve("reference.json").toFile());
        Map<String, Double> grade = new LinkedHashMap<>();
        for (JsonNode test : reference.path("tests")) {
            String task = test.path("tags").path(0).asText();
            grade.merge(GradeWeights.exerciseOf(task), test.path("max_score").asDouble(), Double::sum);
        }
        grade.replaceAll((exercise, points) -> Points.round(points));
        grade.values().removeIf(points -> points == 0.0);
        assertThat(GradeWeights.bundled().byExercise())
                .as("%s in datasets against the points per exercise of golden-e2e/reference.json", GradeWeights.RESOURCE)
                .containsExactlyEntriesOf(grade);
        assertThat(GradeWeights.bundled().total()).as("the grade's maximum")
                .isEqualTo(reference.path("tests").findValues("max_score").stream().mapToDouble(JsonNode::asDouble).sum());
    }
}
