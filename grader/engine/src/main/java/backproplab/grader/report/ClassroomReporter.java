package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.TestOutcome;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of a GitHub Classroom grader step, version 1, the JSON that GitHub Classroom's
 * {@code autograding-grading-reporter} action reads (the format its command, I/O and Python graders emit).
 *
 * <p>Top level: {@code version} 1; {@code status} {@code "error"} for every verdict but a graded run (the code
 * did not compile, its API does not match, it was refused, it could not be graded, or the grader failed),
 * {@code "pass"} when every test passed, else {@code "fail"}; {@code max_score} (the total points);
 * {@code tests}, each with {@code name}, {@code status} ({@code pass}, {@code fail} or {@code error}, as in
 * {@link ExercismReporter}), {@code score} (points earned), {@code message}, {@code test_code} (the stable
 * test key), {@code filename} (the test class's source path), {@code line_no} (0: not known) and
 * {@code duration} (seconds). A run that was not graded gets a 0-point test first, with the verdict's headline and
 * details as its message: {@code "compilation"} (test code {@code javac}) with the compiler's messages,
 * {@code "public API"}, {@code "structure rules"}, {@code "submission"} or {@code "grader"}. Hidden tests are shown
 * as {@link StudentView} says.
 *
 * <h2>How a workflow uses it</h2>
 * The reporter action takes a comma-separated list of step ids in {@code runners} and, for each id, reads
 * the environment variable {@code <ID>_RESULTS} as base64-encoded JSON. It sums the tests' {@code score}
 * against {@code max_score} for the grade it sends to GitHub Classroom (its console summary instead counts
 * passed tests). The file this reporter writes is plain JSON; the workflow encodes it:
 * <pre>{@code
 * - name: Grade with Backprop Lab
 *   id: backprop
 *   run: |
 *     java -jar grader/target/grader.jar grade exercises/src/main/java --out grading
 *     echo "result=$(base64 -w0 grading/classroom-result.json)" >> "$GITHUB_OUTPUT"
 * - name: Autograding Reporter
 *   uses: classroom-resources/autograding-grading-reporter@v1
 *   env:
 *     BACKPROP_RESULTS: "${{ steps.backprop.outputs.result }}"
 *   with:
 *     runners: backprop
 * }</pre>
 */
public final class ClassroomReporter implements Reporter {

    /** The file name written. */
    public static final String FILE_NAME = "classroom-result.json";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        ObjectNode root = JsonFiles.object();
        root.put("version", 1);
        boolean allPassed = report.tests().stream().allMatch(TestOutcome::passed);
        Optional<Problem> problem = Problem.of(run.verdict());
        root.put("status", problem.isPresent() ? "error" : allPassed ? "pass" : "fail");
        root.put("max_score", report.maxScore());
        ArrayNode tests = root.putArray("tests");
        problem.ifPresent(entry -> {
            ObjectNode node = tests.addObject();
            node.put("name", entry.name());
            node.put("status", "error");
            node.put("score", 0.0);
            node.put("message", VerdictText.of(run.verdict()).map(VerdictText::message).orElse(""));
            node.put("test_code", entry.testCode());
            node.put("filename", "");
            node.put("line_no", 0);
            node.put("duration", 0.0);
        });
        for (ReportLayout.NumberedTest numbered : ReportLayout.numberedTests(report)) {
            TestOutcome test = numbered.test();
            ObjectNode node = tests.addObject();
            node.put("name", StudentView.name(numbered));
            node.put("status", ExercismReporter.status(test.status()));
            node.put("score", test.score());
            node.put("message", StudentView.message(test));
            node.put("test_code", StudentView.shown(test) ? test.id() : "hidden");
            node.put("filename", StudentView.shown(test) ? sourcePath(test.className()) : "");
            node.put("line_no", 0);
            node.put("duration", Double.parseDouble(String.format(Locale.ROOT, "%.3f", test.durationMillis() / 1000.0)));
        }
        return JsonFiles.write(root);
    }

    /**
     * The 0-point entry that leads the tests of a run that was not graded, with the verdict's text as its message.
     *
     * @param name     the entry's name
     * @param testCode what stands in for the test's code: the step that stopped grading
     */
    private record Problem(String name, String testCode) {

        static Optional<Problem> of(Verdict verdict) {
            return verdict.accept(new Verdict.Cases<>() {
                @Override
                public Optional<Problem> graded(Verdict.Graded graded) {
                    return Optional.empty();
                }

                @Override
                public Optional<Problem> apiMismatch(Verdict.ApiMismatch mismatch) {
                    return Optional.of(new Problem("public API", "api-check"));
                }

                @Override
                public Optional<Problem> didNotCompile(Verdict.DidNotCompile failure) {
                    return Optional.of(new Problem("compilation", "javac"));
                }

                @Override
                public Optional<Problem> refused(Verdict.Refused refusal) {
                    return Optional.of(new Problem("structure rules", "structure-rules"));
                }

                @Override
                public Optional<Problem> invalidSubmission(Verdict.InvalidSubmission invalid) {
                    return Optional.of(new Problem("submission", "intake"));
                }

                @Override
                public Optional<Problem> graderFailed(Verdict.GraderFailed failure) {
                    return Optional.of(new Problem("grader", "grader"));
                }
            });
        }
    }

    private static String sourcePath(String className) {
        if (className.isEmpty()) {
            return "";
        }
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        return outer.replace('.', '/') + ".java";
    }
}
