package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file says what really happened: each kind of verdict has its own words and its own platform flags. */
class VerdictReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String render(Reporter reporter, SampleReports.Case sample) {
        return reporter.render(sample.report(), sample.run());
    }

    private static JsonNode json(Reporter reporter, String caseName) throws IOException {
        return JSON.readTree(render(reporter, SampleReports.named(caseName)));
    }

    @Test
    @DisplayName("a refusal names the broken rule in every file and never mentions compiling")
    void refusalNamesTheRule() {
        SampleReports.Case refusal = SampleReports.named("refusal");
        for (Reporter reporter : Reporters.all()) {
            String text = render(reporter, refusal);
            assertThat(text).as("%s of a refusal", reporter.fileName())
                    .contains("refused")
                    .contains(SampleReports.EXIT_RULE)
                    .doesNotContainIgnoringCase("compil");
        }
    }

    @Test
    @DisplayName("results.json of a refusal leads with a headline that names the rule, says the score is 0, and what to do")
    void refusalHeadlineInResults() throws IOException {
        String output = json(new GradescopeReporter(), "refusal").get("output").asText();
        assertThat(output).as("results.json output of a refusal")
                .contains("\n\nYour submission was refused: it breaks the structure rule \""
                        + SampleReports.EXIT_RULE + "\", so none of it was run and the score is 0. "
                        + "Fix what is listed below and submit again:\n"
                        + SampleReports.EXIT_RULE_MESSAGE + "\n");
    }

    @Test
    @DisplayName("a refusal for several rules names each of them in the headline")
    void refusalOfSeveralRules() {
        RunInfo run = RunInfo.of("x").withVerdict(new Verdict.Refused(List.of(
                new Verdict.BrokenRule("no reflection", "Your code breaks the structure rule \"no reflection\" in 1 place."),
                new Verdict.BrokenRule("no threads or executors", "Your code breaks ... threads."),
                new Verdict.BrokenRule(SampleReports.EXIT_RULE, SampleReports.EXIT_RULE_MESSAGE))));
        String output = new ConsoleReporter().render(SampleReports.refusal(), run);
        assertThat(output).as("console of a refusal for three rules")
                .contains("it breaks 3 structure rules, \"no reflection\", \"no threads or executors\" and \""
                        + SampleReports.EXIT_RULE + "\", so none of it was run");
    }

    @Test
    @DisplayName("a grader failure says so, and that it is not the student's fault, in every file")
    void graderFailureSaysSo() {
        SampleReports.Case failure = SampleReports.named("grader-failure");
        for (Reporter reporter : Reporters.all()) {
            String text = render(reporter, failure);
            assertThat(text).as("%s of a grader failure", reporter.fileName())
                    .contains("The grader failed; this is not ")
                    .contains("error=13, Permission denied")
                    .doesNotContainIgnoringCase("compil");
        }
    }

    @Test
    @DisplayName("an API mismatch leads with the API in every file and does not mention compiling")
    void apiMismatchSaysSo() {
        SampleReports.Case mismatch = SampleReports.named("api-mismatch");
        for (Reporter reporter : Reporters.all()) {
            assertThat(render(reporter, mismatch)).as("%s of an API mismatch", reporter.fileName())
                    .contains("Your classes do not match the exercise's public API, and no hidden test passed")
                    .doesNotContainIgnoringCase("compil");
        }
    }

    @Test
    @DisplayName("a submission that could not be graded gives the reason in every file and does not mention compiling")
    void invalidSubmissionSaysWhy() {
        SampleReports.Case invalid = SampleReports.named("invalid-submission");
        for (Reporter reporter : Reporters.all()) {
            assertThat(render(reporter, invalid)).as("%s of a submission that could not be graded", reporter.fileName())
                    .contains("could not be graded")
                    .contains("Class Main is in package (the unnamed package)")
                    .doesNotContainIgnoringCase("compil");
        }
    }

    @ParameterizedTest(name = "{0}: gradable {1}")
    @CsvSource({
        "mixed, true",
        "compile-failure, false",
        "api-mismatch, false",
        "refusal, true",
        "invalid-submission, false",
        "grader-failure, false"})
    @DisplayName("prairielearn.json is gradable, so the attempt counts, only for a graded run and a refusal")
    void prairieLearnGradable(String caseName, boolean gradable) throws IOException {
        JsonNode root = json(new PrairieLearnReporter(), caseName);
        assertThat(root.get("gradable").asBoolean()).as("gradable of the %s case", caseName).isEqualTo(gradable);
        assertThat(root.has("score")).as("score of the %s case, present exactly when gradable", caseName)
                .isEqualTo(gradable);
    }

    @Test
    @DisplayName("prairielearn.json of a refusal is a gradable 0 whose message names the rule")
    void prairieLearnRefusal() throws IOException {
        JsonNode root = json(new PrairieLearnReporter(), "refusal");
        assertThat(root.get("score").asDouble()).as("score of a refusal").isZero();
        assertThat(root.get("message").asText()).as("message of a refusal")
                .startsWith("Your submission was refused: it breaks the structure rule \"" + SampleReports.EXIT_RULE + "\"")
                .contains(SampleReports.EXIT_RULE_MESSAGE);
        assertThat(root.has("format_errors")).as("a refusal has no format errors").isFalse();
    }

    @Test
    @DisplayName("prairielearn.json of a grader failure blames the grader and lists no format errors of the student")
    void prairieLearnGraderFailure() throws IOException {
        JsonNode root = json(new PrairieLearnReporter(), "grader-failure");
        assertThat(root.get("message").asText()).as("message of a grader failure")
                .startsWith("The grader failed; this is not your fault.").contains(SampleReports.GRADER_ERROR);
        assertThat(root.has("format_errors")).as("format_errors of a grader failure").isFalse();
    }

    @Test
    @DisplayName("prairielearn.json of an API mismatch and of a submission that could not be graded lists the causes as format errors")
    void prairieLearnFormatErrors() throws IOException {
        assertThat(json(new PrairieLearnReporter(), "api-mismatch").get("format_errors").get(0).asText())
                .as("format error of an API mismatch").isEqualTo(SampleReports.API_DIFFERENCE);
        assertThat(json(new PrairieLearnReporter(), "invalid-submission").get("format_errors").get(0).asText())
                .as("format error of a submission that could not be graded").isEqualTo(SampleReports.PACKAGE_REASON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "compile-failure, 'Your code did not compile'",
        "api-mismatch, 'Your classes do not match the exercise''s public API, and no hidden test passed'",
        "refusal, 'Your submission was refused: it breaks the structure rule'",
        "invalid-submission, 'Your submission could not be graded as it is'",
        "grader-failure, 'The grader failed; this is not your fault.'"})
    @DisplayName("exercism.json of a run that was not graded has status error and a message that starts with its headline")
    void exercismError(String caseName, String headline) throws IOException {
        JsonNode root = json(new ExercismReporter(), caseName);
        assertThat(root.get("status").asText()).as("status of the %s case", caseName).isEqualTo("error");
        assertThat(root.get("message").asText()).as("message of the %s case", caseName).startsWith(headline);
    }

    @ParameterizedTest(name = "{0}: entry {1}")
    @CsvSource({
        "compile-failure, compilation",
        "api-mismatch, public API",
        "refusal, structure rules",
        "invalid-submission, submission",
        "grader-failure, grader"})
    @DisplayName("classroom-result.json of a run that was not graded has status error and leads with a 0-point entry that says why")
    void classroomError(String caseName, String entry) throws IOException {
        JsonNode root = json(new ClassroomReporter(), caseName);
        assertThat(root.get("status").asText()).as("status of the %s case", caseName).isEqualTo("error");
        JsonNode first = root.get("tests").get(0);
        assertThat(first.get("name").asText()).as("name of the first entry of the %s case", caseName).isEqualTo(entry);
        assertThat(first.get("score").asDouble()).as("score of that entry").isZero();
        assertThat(first.get("message").asText()).as("message of that entry")
                .isEqualTo(json(new ExercismReporter(), caseName).get("message").asText());
    }

    @ParameterizedTest(name = "{0}: suite {1}")
    @CsvSource({
        "compile-failure, compilation, error",
        "api-mismatch, api, failure",
        "refusal, refusal, failure",
        "invalid-submission, submission, error",
        "grader-failure, grader, error"})
    @DisplayName("junit.xml of a run that was not graded starts with a suite of its own that says why")
    void junitSuite(String caseName, String suite, String element) {
        String xml = render(new JUnitXmlReporter(), SampleReports.named(caseName));
        assertThat(xml).as("junit.xml of the %s case", caseName)
                .contains("<testsuite name=\"" + suite + "\" tests=\"1\"")
                .contains("<" + element + " message=\"");
    }
}
