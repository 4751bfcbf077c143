package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each JSON format, parsed back with Jackson and checked field by field against its platform's spec. */
class JsonReportersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VISIBILITIES = Set.of("visible", "hidden", "after_due_date", "after_published");

    static List<SampleReports.Case> cases() {
        return SampleReports.allCases();
    }

    private static JsonNode parse(Reporter reporter, SampleReports.Case sample) throws IOException {
        return JSON.readTree(reporter.render(sample.report(), sample.run()));
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("results.json has Gradescope's fields with Gradescope's types")
    void gradescope(SampleReports.Case sample) throws IOException {
        JsonNode root = parse(new GradescopeReporter(), sample);
        assertThat(root.get("score").isNumber()).as("score is a number in %s", root).isTrue();
        assertThat(root.get("score").asDouble()).as("score is the report's total").isEqualTo(sample.report().score());
        assertThat(root.get("execution_time").isIntegralNumber()).as("execution_time is whole seconds").isTrue();
        assertThat(root.get("output").isTextual()).as("output is text").isTrue();
        assertThat(root.get("output_format").asText()).as("output_format").isEqualTo("text");
        assertThat(VISIBILITIES).as("top-level visibility").contains(root.get("visibility").asText());
        assertThat(VISIBILITIES).as("stdout_visibility").contains(root.get("stdout_visibility").asText());
        assertThat(root.get("tests").size()).as("one entry per test").isEqualTo(sample.report().tests().size());
        for (JsonNode test : root.get("tests")) {
            assertThat(test.get("name").isTextual()).as("name of %s", test).isTrue();
            assertThat(test.get("number").asText()).as("number of %s", test).matches("\\d+\\.\\d+");
            assertThat(test.get("status").asText()).as("status of %s", test).isIn("passed", "failed");
            assertThat(VISIBILITIES).as("visibility of %s", test).contains(test.get("visibility").asText());
            assertThat(test.get("tags").isArray()).as("tags of %s", test).isTrue();
            assertThat(test.get("output").isTextual()).as("output of %s", test).isTrue();
            if (test.has("score")) {
                assertThat(test.get("max_score").isNumber()).as("max_score of %s", test).isTrue();
                assertThat(test.get("score").asDouble()).as("score of %s within [0, max_score]", test)
                        .isBetween(0.0, test.get("max_score").asDouble());
            }
        }
        if (sample.run().verdict() instanceof Verdict.DidNotCompile) {
            assertThat(root.get("score").asDouble()).as("score of a submission that did not compile").isZero();
            assertThat(root.get("output").asText()).as("output carries the compiler's messages")
                    .contains("did not compile").contains("';' expected");
        }
    }

    @Test
    @DisplayName("results.json keeps hidden tests with Gradescope's visibility, and ungraded tests without a score")
    void gradescopeVisibilityAndUngraded() throws IOException {
        JsonNode tests = parse(new GradescopeReporter(), SampleReports.goldenCases().get(0)).get("tests");
        Map<String, JsonNode> byName = new HashMap<>();
        tests.forEach(t -> byName.put(t.get("name").asText(), t));
        assertThat(byName.get("gradients match central differences").get("visibility").asText())
                .as("visibility of the hidden test").isEqualTo("hidden");
        assertThat(byName.get("printsShapes()").has("score")).as("an ungraded test has no score").isFalse();
        assertThat(byName.get("moons test accuracy reaches the tiers").get("status").asText())
                .as("a partial pass is passed").isEqualTo("passed");
        assertThat(root(new GradescopeReporter()).get("output").asText())
                .as("top-level output must not reveal the total while tests are hidden").doesNotContain("Score");
    }

    private static JsonNode root(Reporter reporter) throws IOException {
        return parse(reporter, SampleReports.goldenCases().get(0));
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("prairielearn.json has PrairieLearn's fields; a score exactly when it is gradable")
    void prairieLearn(SampleReports.Case sample) throws IOException {
        JsonNode root = parse(new PrairieLearnReporter(), sample);
        assertThat(root.get("gradable").isBoolean()).as("gradable is a boolean").isTrue();
        assertThat(root.has("score")).as("a score exactly when gradable").isEqualTo(root.get("gradable").asBoolean());
        if (root.get("gradable").asBoolean()) {
            assertThat(root.get("score").asDouble()).as("score is a fraction").isBetween(0.0, 1.0);
            assertThat(root.get("score").asDouble()).as("score, rounded to 6 decimals").isCloseTo(sample.report().fraction(), org.assertj.core.data.Offset.offset(1e-6));
        }
        if (sample.run().verdict() instanceof Verdict.DidNotCompile) {
            assertThat(root.get("format_errors").isArray()).as("format_errors of an ungradable submission").isTrue();
            assertThat(root.get("format_errors").get(0).asText()).as("first format error").contains("';' expected");
        }
        assertThat(root.get("message").isTextual()).as("message").isTrue();
        assertThat(root.get("output").isTextual()).as("output").isTrue();
        for (JsonNode test : root.get("tests")) {
            for (String field : List.of("name", "description", "message", "output")) {
                assertThat(test.get(field).isTextual()).as("%s of %s", field, test).isTrue();
            }
            assertThat(test.get("points").asDouble()).as("points of %s", test)
                    .isBetween(0.0, test.get("max_points").asDouble());
        }
        for (JsonNode image : root.get("images")) {
            assertThat(image.get("label").isTextual()).as("image label").isTrue();
            assertThat(image.get("url").asText()).as("image url").startsWith("data:image/png;base64,");
        }
    }

    @Test
    @DisplayName("prairielearn.json embeds the attached PNGs byte for byte and hides the details of hidden tests")
    void prairieLearnImagesAndHiddenTests() throws IOException {
        JsonNode root = root(new PrairieLearnReporter());
        assertThat(root.get("images")).as("both attached images").hasSize(2);
        byte[] embedded = Base64.getDecoder().decode(
                root.get("images").get(0).get("url").asText().substring("data:image/png;base64,".length()));
        assertThat(embedded).as("first image, decoded").isEqualTo(Files.readAllBytes(SampleReports.LOSS_CURVE));
        JsonNode hidden = null;
        for (JsonNode test : root.get("tests")) {
            if (test.get("max_points").asDouble() == 3.0) {
                hidden = test;
            }
        }
        assertThat(hidden).as("the hidden 3-point test is listed").isNotNull();
        assertThat(hidden.get("name").asText()).as("hidden test's name").startsWith("hidden test ")
                .doesNotContain("central differences");
        assertThat(hidden.get("message").asText()).as("hidden test's message").isEqualTo(StudentView.HIDDEN_MESSAGE);
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("exercism.json follows version 3 of Exercism's test-runner interface")
    void exercism(SampleReports.Case sample) throws IOException {
        JsonNode root = parse(new ExercismReporter(), sample);
        assertThat(root.get("version").asInt()).as("version").isEqualTo(3);
        assertThat(root.get("status").asText()).as("status").isIn("pass", "fail", "error");
        if (root.get("status").asText().equals("error")) {
            assertThat(root.get("message").asText()).as("an error needs a message").isNotBlank();
        } else {
            assertThat(root.get("message").isNull()).as("message of a run without error").isTrue();
        }
        assertThat(root.get("tests").isArray()).as("tests is an array even when empty").isTrue();
        for (JsonNode test : root.get("tests")) {
            assertThat(test.get("name").isTextual()).as("name of %s", test).isTrue();
            assertThat(test.get("status").asText()).as("status of %s", test).isIn("pass", "fail", "error");
            if (test.has("output")) {
                assertThat(test.get("output").asText().length()).as("output length of %s", test)
                        .isLessThanOrEqualTo(ExercismReporter.MAX_OUTPUT);
            }
            if (test.has("task_id")) {
                assertThat(test.get("task_id").isInt()).as("task_id of %s is an integer", test).isTrue();
            }
        }
    }

    @Test
    @DisplayName("exercism.json cuts long output with the spec's note and maps task ids like the test numbers")
    void exercismOutputAndTaskIds() throws IOException {
        JsonNode tests = root(new ExercismReporter()).get("tests");
        JsonNode gradescope = root(new GradescopeReporter()).get("tests");
        assertThat(tests.size()).as("same tests as results.json").isEqualTo(gradescope.size());
        boolean sawCut = false;
        for (int i = 0; i < tests.size(); i++) {
            JsonNode test = tests.get(i);
            String number = gradescope.get(i).get("number").asText();
            if (test.has("task_id")) {
                assertThat(number).as("task_id %s of test %s matches its number in results.json", test.get("task_id"), i)
                        .startsWith(test.get("task_id").asInt() + ".");
            }
            if (test.has("output") && test.get("output").asText().endsWith(ExercismReporter.TRUNCATED)) {
                sawCut = true;
            }
        }
        assertThat(sawCut).as("the 600-character output of a sample test was cut with the note").isTrue();
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("classroom-result.json has the fields the GitHub Classroom reporter reads, and its scores add up")
    void classroom(SampleReports.Case sample) throws IOException {
        JsonNode root = parse(new ClassroomReporter(), sample);
        assertThat(root.get("version").asInt()).as("version").isEqualTo(1);
        assertThat(root.get("status").asText()).as("status").isIn("pass", "fail", "error");
        assertThat(root.get("max_score").asDouble()).as("max_score").isEqualTo(sample.report().maxScore());
        double sum = 0;
        for (JsonNode test : root.get("tests")) {
            for (String field : List.of("name", "status", "message", "test_code", "filename")) {
                assertThat(test.get(field).isTextual()).as("%s of %s", field, test).isTrue();
            }
            assertThat(test.get("score").isNumber()).as("score of %s", test).isTrue();
            assertThat(test.get("line_no").isInt()).as("line_no of %s", test).isTrue();
            assertThat(test.get("duration").isNumber()).as("duration of %s", test).isTrue();
            sum += test.get("score").asDouble();
        }
        assertThat(sum).as("sum of test scores, which GitHub Classroom records")
                .isCloseTo(sample.report().score(), org.assertj.core.data.Offset.offset(1e-9));
        if (sample.run().verdict() instanceof Verdict.DidNotCompile) {
            assertThat(root.get("tests").get(0).get("message").asText()).as("compilation entry")
                    .contains("';' expected");
        }
    }

    @Test
    @DisplayName("the JSON files do not depend on the order in which the engine reported the tests")
    void orderIndependent() {
        GradeReport report = SampleReports.mixed();
        for (Reporter reporter : Reporters.all()) {
            String expected = reporter.render(report, SampleReports.mixedRun());
            for (long seed = 1; seed <= 3; seed++) {
                assertThat(reporter.render(SampleReports.shuffled(report, seed), SampleReports.mixedRun()))
                        .as("%s rendered from the tests shuffled with seed %d", reporter.fileName(), seed)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("no student-facing JSON leaks the absolute path of an attached image")
    void noLocalPaths() {
        String path = SampleReports.LOSS_CURVE.getParent().toString();
        for (Reporter reporter : Reporters.all()) {
            assertThat(reporter.render(SampleReports.mixed(), SampleReports.mixedRun()))
                    .as("%s must not contain the machine's paths", reporter.fileName()).doesNotContain(path);
        }
        TestOutcome withImages = SampleReports.mixed().tests().get(3);
        assertThat(withImages.images()).as("the sample really has images").isNotEmpty();
    }
}
