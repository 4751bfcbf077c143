package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReportLayoutTest {

    @Test
    @DisplayName("tasks come in the course's order and are numbered from 1, ungraded tests last, tests numbered task.position")
    void numbering() {
        List<ReportLayout.Section> sections = ReportLayout.sections(SampleReports.mixed());
        assertThat(sections).extracting(ReportLayout.Section::task).as("section order")
                .containsExactly("activations.sigmoid", "network.backward", "moons.accuracy", ReportLayout.UNGRADED);
        assertThat(sections).extracting(ReportLayout.Section::number).as("section numbers").containsExactly(1, 2, 3, 4);
        assertThat(sections.get(0).tests()).extracting(ReportLayout.NumberedTest::number).as("numbers in task 1")
                .containsExactly("1.1", "1.2", "1.3", "1.4");
        assertThat(sections.get(0).tests().get(1).test().methodName())
                .as("within a class, the report's order is kept").isEqualTo("sigmoidMatchesReference");
        assertThat(sections.get(2).score()).as("score of moons.accuracy").isEqualTo(3.0);
        assertThat(sections.get(2).maxScore()).as("max of moons.accuracy").isEqualTo(6.0);
    }

    @Test
    @DisplayName("an empty report has no sections")
    void empty() {
        assertThat(ReportLayout.sections(SampleReports.empty())).as("sections of an empty report").isEmpty();
    }
}
