package backproplab.grader.guide;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.export.CourseRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every command of the instructor guide is run by GuideCommandsIT or by CI; the guide covers its topics. */
@DisplayName("The instructor guide's commands are all run somewhere")
class GuideCommandsTest {

    @Test
    @DisplayName("every shell block is tagged guide-run or guide-ci, and guide-run blocks exist")
    void everyShellBlockIsTagged() {
        List<GuideBlocks.Block> shell = GuideBlocks.read().stream().filter(GuideBlocks.Block::shell).toList();

        assertThat(shell).as("shell blocks of %s", GuideBlocks.GUIDE).isNotEmpty();
        assertThat(shell).as("shell blocks of %s must say who runs them: ```bash guide-run (GuideCommandsIT) or ```bash guide-ci",
                GuideBlocks.GUIDE).allSatisfy(block -> assertThat(block.tags())
                        .as("tags of the block at line %d", block.line()).containsAnyOf("guide-run", "guide-ci"));
        assertThat(shell).as("blocks run by GuideCommandsIT").anySatisfy(block -> assertThat(block.tags()).contains("guide-run"));
    }

    @Test
    @DisplayName("every line of a guide-ci block is a command that .ci/run or a workflow runs, verbatim")
    void ciCommandsAreWhatCiRuns() throws IOException {
        List<String> ciLines = ciLines();

        for (GuideBlocks.Block block : GuideBlocks.read()) {
            if (block.tags().contains("guide-ci")) {
                for (String command : block.commands()) {
                    assertThat(ciLines).as("the guide's command '%s' (line %d) must be run by .ci/run or a workflow in .github/workflows",
                            command, block.line()).contains(command);
                }
            }
        }
    }

    @Test
    @DisplayName("the guide covers authoring, the skeleton, calibration, export, both platforms, CI grading and reports")
    void coversItsTopics() {
        String guide = GuideBlocks.text();

        for (String heading : List.of("## 1. Authoring an exercise", "## 2. Regenerating the skeleton", "## 3. Calibrating thresholds",
                "## 4. Exporting for students", "## 5. Packaging for Gradescope and PrairieLearn", "## 6. Grading a whole class, locally and in CI",
                "## 7. Reading a report")) {
            assertThat(guide).as("section of %s", GuideBlocks.GUIDE).contains(heading);
        }
        for (String topic : List.of("BEGIN SOLUTION", "@Graded", "Visibility", "thresholds.properties", "export-student",
                "gradescope-zip", "prairielearn-package", "grade-submissions.yml", "batch-merge", "results.json")) {
            assertThat(guide).as("%s explains %s", GuideBlocks.GUIDE, topic).contains(topic);
        }
    }

    /** The command lines CI runs: .ci/run, and the run: steps of every workflow (one line each). */
    private static List<String> ciLines() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(GuideBlocks.ciScript()).stream().map(String::strip).toList());
        try (Stream<Path> workflows = Files.list(CourseRepo.root().resolve(".github/workflows"))) {
            for (Path workflow : workflows.filter(p -> p.toString().endsWith(".yml")).toList()) {
                for (String line : Files.readAllLines(workflow)) {
                    String stripped = line.strip();
                    lines.add(stripped.startsWith("run: ") ? stripped.substring(5).strip() : stripped);
                }
            }
        }
        return lines;
    }
}
