package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import backproplab.scoring.Visibility;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gradescope's {@code results.json}, as its autograder specification defines it
 * (gradescope-autograders.readthedocs.io, "Autograder Specifications", Output format).
 *
 * <p>Top level: {@code score} (the total, always present, so it overrides the sum of the tests),
 * {@code execution_time} (whole seconds), {@code output} (the run text: submission, backend, the verdict's
 * headline and details when the run was not simply graded — compiler messages, API differences, broken structure
 * rules, why it could not be graded, the grader's error — and notes; never the score, because Gradescope hides
 * the total while hidden tests are hidden), {@code output_format}, {@code test_output_format} and {@code test_name_format}
 * {@code "text"}, {@code visibility} {@code "visible"}, {@code stdout_visibility} {@code "hidden"} (the
 * grader's own log is for instructors), {@code extra_data} (when the run knows it: {@code hidden_input_seed}, the seed the
 * hidden inputs were drawn from, and {@code hidden_input_seed_origin}, where it came from, so that a regrade can
 * reproduce it) and {@code tests}.
 *
 * <p>Per test, in {@link ReportLayout} order: {@code name} (display name), {@code name_format},
 * {@code number} ("task.test"), {@code score} and {@code max_score} (left out for an ungraded test, which
 * Gradescope then shows as an informational check), {@code status} ({@code "passed"} only for a passed
 * test; a passed test with partial credit is {@code "passed"} with a lower score), {@code output} (the
 * message, then the captured output), {@code output_format}, {@code tags} (the task id),
 * {@code visibility} (Gradescope's spelling of {@link Visibility}) and {@code extra_data} (the stable test
 * key and the grader's own status, such as {@code TIMED_OUT}).
 */
public final class GradescopeReporter implements Reporter {

    /** The file name Gradescope reads: {@code /autograder/results/results.json}. */
    public static final String FILE_NAME = "results.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        ObjectNode root = JsonFiles.object();
        root.put("score", report.score());
        root.put("execution_time", Math.round(run.executionSeconds()));
        root.put("output", RunSummary.runText(report, run));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        root.put("visibility", Visibility.VISIBLE.spelling());
        root.put("stdout_visibility", Visibility.HIDDEN.spelling());
        if (run.seed() != null) {
            ObjectNode extra = root.putObject("extra_data");
            extra.put("hidden_input_seed", run.seed());
            extra.put("hidden_input_seed_origin", run.seedOrigin());
        }
        ArrayNode tests = root.putArray("tests");
        for (ReportLayout.NumberedTest numbered : ReportLayout.numberedTests(report)) {
            tests.add(test(numbered));
        }
        return JsonFiles.write(root);
    }

    private static ObjectNode test(ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        ObjectNode node = JsonFiles.object();
        node.put("name", test.displayName());
        node.put("name_format", "text");
        node.put("number", numbered.number());
        if (test.graded()) {
            node.put("score", test.score());
            node.put("max_score", test.points());
        }
        node.put("status", test.passed() ? "passed" : "failed");
        node.put("output", output(test));
        node.put("output_format", "text");
        ArrayNode tags = node.putArray("tags");
        tags.add(test.graded() ? test.task() : ReportLayout.UNGRADED);
        node.put("visibility", test.visibility().spelling());
        ObjectNode extra = node.putObject("extra_data");
        extra.put("test_id", test.id());
        extra.put("outcome", test.status().name());
        return node;
    }

    static String output(TestOutcome test) {
        StringBuilder text = new StringBuilder(test.message());
        if (!test.output().isEmpty()) {
            text.append(text.length() == 0 ? "" : "\n\n").append("Output of the test:\n").append(test.output());
        }
        return text.toString().stripTrailing();
    }
}
