package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import backproplab.grader.protocol.HiddenInputSeed;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hidden inputs per student (issue 9, item 6), end to end through the CLI with the real hidden suites: under several
 * student ids the reference still scores full marks and the skeleton zero, the same id grades identically twice, every
 * report names the seed, and answers pasted in for the course seed's hidden inputs lose their points under another id.
 */
@DisplayName("grade --student-id: hidden inputs drawn per student")
class StudentSeedsTest {

    private static final List<String> IDS = List.of("alice", "bob-7", "4242");

    @TempDir
    Path temp;

    @Test
    @DisplayName("under three student ids the reference scores full marks and the skeleton zero, each report naming its seed")
    void referenceFullAndSkeletonZeroForEveryId() throws Exception {
        for (String id : IDS) {
            // One grade at a time: the sandboxes of parallel grades share one uid and its process limit.
            CliRun reference = CliRun.gradeWith(CourseTree.reference(), temp.resolve("reference-" + id),
                    List.of("--student-id", id));
            CliRun skeleton = CliRun.gradeWith(CourseTree.skeleton(), temp.resolve("skeleton-" + id),
                    List.of("--student-id", id));
            assertThat(reference.results().path("score").asDouble())
                    .as("score of the reference under student id %s; failed:%n%s", id, E2eGrade.failures(reference))
                    .isEqualTo(E2eGrade.maxScore(reference)).isEqualTo(100.0);
            assertThat(skeleton.results().path("score").asDouble()).as("score of the skeleton under student id %s", id).isZero();
            long seed = HiddenInputSeed.ofStudentId(id);
            for (CliRun run : List.of(reference, skeleton)) {
                assertThat(run.results().path("extra_data").path("hidden_input_seed").asLong())
                        .as("results.json extra_data.hidden_input_seed of %s", run.out()).isEqualTo(seed);
                assertThat(run.results().path("output").asText()).as("results.json output of %s", run.out())
                        .contains("Hidden inputs were drawn from seed " + seed + " (from student id \"" + id + "\")")
                        .contains("`grade --seed " + seed + "` reproduces this grade");
                assertThat(Files.readString(run.out().resolve("report.html"))).as("report.html of %s", run.out())
                        .contains("Hidden inputs were drawn from seed " + seed);
                assertThat(Files.readString(run.out().resolve("console.txt"))).as("console.txt of %s", run.out())
                        .contains("Hidden inputs were drawn from seed " + seed);
            }
        }
    }

    @Test
    @DisplayName("the same student id gives the identical results.json twice, and --seed with the reported seed reproduces it")
    void sameIdSameResults() throws Exception {
        Path sources = hardCoded();
        CliRun first = CliRun.gradeWith(sources, temp.resolve("first"), List.of("--student-id", "bob-7"));
        CliRun second = CliRun.gradeWith(sources, temp.resolve("second"), List.of("--student-id", "bob-7"));
        long seed = first.results().path("extra_data").path("hidden_input_seed").asLong();
        CliRun regrade = CliRun.gradeWith(sources, temp.resolve("regrade"), List.of("--seed", Long.toString(seed)));
        assertThat(GoldenResults.normalise(second.results(), sources))
                .as("results.json of a second grade with the same id").isEqualTo(GoldenResults.normalise(first.results(), sources));
        assertThat(GoldenResults.normalise(regrade.results(), sources).path("tests"))
                .as("the tests of a regrade with --seed %d", seed).isEqualTo(GoldenResults.normalise(first.results(), sources).path("tests"));
        assertThat(regrade.results().path("score").asDouble()).isEqualTo(first.results().path("score").asDouble());
    }

    @Test
    @DisplayName("answers pasted in for the course seed's hidden inputs (ChainRule.backward) earn its points without an id, and lose them under another id")
    void hardCodedAnswersLoseTheirPointsUnderAnotherId() throws Exception {
        Path sources = hardCoded();
        CliRun course = CliRun.gradeWith(sources, temp.resolve("course"), List.of());
        CliRun other = CliRun.gradeWith(sources, temp.resolve("other"), List.of("--student-id", "bob-7"));
        assertThat(course.results().path("output").asText()).as("the report says that no id was given")
                .contains("Hidden inputs were drawn from seed " + HiddenInputSeed.COURSE_SEED)
                .contains("no student id was given");
        assertThat(backward(course).path("status").asText()).as("ChainRule.backward with the course seed (the pasted answers fit)")
                .isEqualTo("passed");
        assertThat(backward(other).path("status").asText()).as("ChainRule.backward under student id bob-7").isEqualTo("failed");
        assertThat(course.results().path("score").asDouble()).as("score with the course seed; failed:%n%s", E2eGrade.failures(course))
                .isEqualTo(100.0);
        assertThat(other.results().path("score").asDouble()).as("score under another id; failed:%n%s", E2eGrade.failures(other))
                .isEqualTo(course.results().path("score").asDouble() - backward(course).path("max_score").asDouble());
    }

    private static JsonNode backward(CliRun run) {
        return run.tests().stream().filter(t -> t.path("extra_data").path("test_id").asText()
                .equals("backproplab.grader.suites.ChainRuleHiddenTest#backwardValues")).findFirst().orElseThrow();
    }

    /** The reference with the hostile corpus's ChainRule.java (hard-coded answers) in place of its own. */
    private Path hardCoded() throws Exception {
        Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve("hard-coded"));
        Path hostile = Path.of(StudentSeedsTest.class.getResource(
                "/hostile/hard-coded-answers/backproplab/chainrule/ChainRule.java").toURI());
        Files.copy(hostile, sources.resolve("backproplab/chainrule/ChainRule.java"), StandardCopyOption.REPLACE_EXISTING);
        return sources;
    }
}
