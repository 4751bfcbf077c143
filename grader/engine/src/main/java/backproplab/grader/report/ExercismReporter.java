package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import backproplab.scoring.TestStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Exercism's test-runner {@code results.json}, version 3 of "The Test Runner Interface"
 * (exercism/docs, building/tooling/test-runners/interface.md).
 *
 * <p>Top level: {@code version} 3; {@code status} {@code "error"} for every verdict but a graded run (the code
 * did not compile, its API does not match, it was refused for broken structure rules or could not be graded, or
 * the grader failed; then {@code message} holds the verdict's headline and details), else {@code "pass"} when
 * every test passed and {@code "fail"} otherwise (then {@code message} is {@code null}); {@code tests} in {@link ReportLayout}
 * order, which is the order of the test files as the spec requires.
 *
 * <p>Per test: {@code name}; {@code status} {@code "pass"} (passed, partial credit included),
 * {@code "fail"} (an assertion or exception failed the test) or {@code "error"} (aborted, skipped, not run
 * or timed out: the test could not give a verdict); {@code message} (or {@code null} when there is none);
 * {@code output} (the captured output, at most {@value #MAX_OUTPUT} characters, cut with the spec's note;
 * left out when empty); {@code task_id}. Task ids are mapped to integers by {@link ReportLayout}: the
 * tasks sorted by id and numbered from 1, so {@code task_id} equals the first part of the test's number in
 * every other report; ungraded tests have no {@code task_id}. {@code test_code} is left out: the hidden
 * suites' code is not shown to students. Hidden tests are shown as {@link StudentView} says.
 */
public final class ExercismReporter implements Reporter {

    /** The file name written; Exercism reads it as {@code results.json} in the output directory. */
    public static final String FILE_NAME = "exercism.json";

    /** Longest output per test, as the spec requires. */
    public static final int MAX_OUTPUT = 500;

    /** The note that ends a cut output, in the spec's words. */
    public static final String TRUNCATED = "Output was truncated. Please limit to 500 chars";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        ObjectNode root = JsonFiles.object();
        root.put("version", 3);
        Optional<String> error = error(run.verdict());
        if (error.isPresent()) {
            root.put("status", "error");
            root.put("message", error.get());
        } else {
            boolean allPassed = report.tests().stream().allMatch(TestOutcome::passed);
            root.put("status", allPassed ? "pass" : "fail");
            root.putNull("message");
        }
        ArrayNode tests = root.putArray("tests");
        for (ReportLayout.NumberedTest numbered : ReportLayout.numberedTests(report)) {
            tests.add(test(numbered));
        }
        return JsonFiles.write(root);
    }

    /**
     * The top-level error message: every verdict but a graded run is an {@code "error"} in Exercism's sense (the
     * tests did not run cleanly, or not at all), and its message is the verdict's headline and details.
     */
    private static Optional<String> error(Verdict verdict) {
        Optional<String> message = VerdictText.of(verdict).map(VerdictText::message);
        return verdict.accept(new Verdict.Cases<>() {
            @Override
            public Optional<String> graded(Verdict.Graded graded) {
                return Optional.empty();
            }

            @Override
            public Optional<String> apiMismatch(Verdict.ApiMismatch mismatch) {
                return message;
            }

            @Override
            public Optional<String> didNotCompile(Verdict.DidNotCompile failure) {
                return message;
            }

            @Override
            public Optional<String> refused(Verdict.Refused refusal) {
                return message;
            }

            @Override
            public Optional<String> invalidSubmission(Verdict.InvalidSubmission invalid) {
                return message;
            }

            @Override
            public Optional<String> graderFailed(Verdict.GraderFailed failure) {
                return message;
            }
        });
    }

    private static ObjectNode test(ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        ObjectNode node = JsonFiles.object();
        node.put("name", StudentView.name(numbered));
        node.put("status", status(test.status()));
        String message = StudentView.message(test);
        if (message.isEmpty()) {
            node.putNull("message");
        } else {
            node.put("message", message);
        }
        String output = StudentView.output(test);
        if (!output.isEmpty()) {
            node.put("output", cap(output));
        }
        if (test.graded()) {
            node.put("task_id", numbered.section());
        }
        return node;
    }

    static String status(TestStatus status) {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ABORTED, SKIPPED, NOT_RUN, TIMED_OUT -> "error";
        };
    }

    static String cap(String output) {
        if (output.length() <= MAX_OUTPUT) {
            return output;
        }
        String suffix = "\n" + TRUNCATED;
        return output.substring(0, MAX_OUTPUT - suffix.length()) + suffix;
    }
}
