package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.TestOutcome;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PrairieLearn's external-grader results, as its documentation "External Grading", section "Grading results"
 * defines them; copy the file to {@code /grade/results/results.json}.
 *
 * <p>Top level: {@code gradable} ({@code false}, and then no {@code score}, so the student loses no attempt,
 * when the code did not compile, its API does not match the skeleton's and no hidden test passed, the submission
 * could not be graded, or the grader failed; the compiler's messages, the API differences or the reasons are the
 * {@code format_errors}; a refusal for broken structure rules is a gradable 0), {@code score} (the total as a
 * fraction in [0, 1]), {@code message} (the score line of a graded run, else the verdict's headline and
 * details), {@code output} (the run text), {@code images} (attached PNGs of all tests — hidden tests' under a neutral label — as {@code data:image/png;base64} URLs, each with
 * a {@code label} naming the test and file) and {@code tests} with {@code name}, {@code description} (the
 * task and the test's number), {@code points}, {@code max_points}, {@code message} and {@code output}.
 * Hidden tests are shown as {@link StudentView} says. Images stop being added once they would take the
 * file past {@value #IMAGE_BUDGET} characters (PrairieLearn limits results to 1 MB); the output says so.
 */
public final class PrairieLearnReporter implements Reporter {

    /** The file name written; PrairieLearn reads it as {@code /grade/results/results.json}. */
    public static final String FILE_NAME = "prairielearn.json";

    /** Characters of embedded images allowed in one file. */
    public static final int IMAGE_BUDGET = 700_000;

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        ObjectNode root = JsonFiles.object();
        Grading grading = Grading.of(report, run.verdict());
        root.put("gradable", grading.gradable());
        if (grading.gradable()) {
            root.put("score", grading.score());
        }
        root.put("message", grading.message());
        if (!grading.formatErrors().isEmpty()) {
            ArrayNode errors = root.putArray("format_errors");
            grading.formatErrors().forEach(errors::add);
        }
        StringBuilder output = new StringBuilder(RunSummary.runText(report, run));
        ArrayNode images = JsonFiles.object().arrayNode();
        ArrayNode tests = JsonFiles.object().arrayNode();
        int budget = IMAGE_BUDGET;
        int skippedImages = 0;
        for (ReportLayout.NumberedTest numbered : ReportLayout.numberedTests(report)) {
            TestOutcome test = numbered.test();
            tests.add(test(numbered));
            // Pictures of the student's own training reveal nothing of a hidden test but its plots; they keep
            // a neutral label so the hidden test's name stays hidden.
            String labelPrefix = StudentView.shown(test) ? test.displayName() + ": " : "training picture: ";
            for (Path png : test.images()) {
                Optional<String> url = PngImages.dataUrl(png);
                if (url.isEmpty()) {
                    continue;
                }
                if (url.get().length() > budget) {
                    skippedImages++;
                    continue;
                }
                budget -= url.get().length();
                ObjectNode image = images.addObject();
                image.put("label", labelPrefix + PngImages.label(png));
                image.put("url", url.get());
            }
        }
        if (skippedImages > 0) {
            output.append("\n\n").append(skippedImages).append(skippedImages == 1 ? " image was" : " images were")
                    .append(" left out to keep this result under PrairieLearn's size limit.");
        }
        root.put("output", output.toString());
        root.set("images", images);
        root.set("tests", tests);
        return JsonFiles.write(root);
    }

    /**
     * The top-level fields that depend on the verdict. Not gradable, with no score, so the student does not lose
     * the attempt: code that did not compile, an API mismatch, a submission that could not be graded (its
     * reasons are the format errors), a grader failure (not the student's, so no format errors). A refusal for
     * broken structure rules is a gradable zero.
     */
    private record Grading(boolean gradable, double score, String message, List<String> formatErrors) {

        static Grading of(GradeReport report, Verdict verdict) {
            String message = VerdictText.of(verdict).map(VerdictText::message).orElse("");
            return verdict.accept(new Verdict.Cases<>() {
                @Override
                public Grading graded(Verdict.Graded graded) {
                    return new Grading(true, Points.round(report.fraction()),
                            RunSummary.scoreLine(report) + " (" + RunSummary.percent(report) + ")", List.of());
                }

                @Override
                public Grading apiMismatch(Verdict.ApiMismatch mismatch) {
                    return new Grading(false, 0.0, message, mismatch.differences());
                }

                @Override
                public Grading didNotCompile(Verdict.DidNotCompile failure) {
                    return new Grading(false, 0.0, message, failure.compilerMessages());
                }

                @Override
                public Grading refused(Verdict.Refused refusal) {
                    return new Grading(true, 0.0, message, List.of());
                }

                @Override
                public Grading invalidSubmission(Verdict.InvalidSubmission invalid) {
                    return new Grading(false, 0.0, message, invalid.reasons());
                }

                @Override
                public Grading graderFailed(Verdict.GraderFailed failure) {
                    return new Grading(false, 0.0, message, List.of());
                }
            });
        }
    }

    private static ObjectNode test(ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        ObjectNode node = JsonFiles.object();
        node.put("name", StudentView.name(numbered));
        node.put("description", (test.graded() ? "Task " + test.task() : "Ungraded") + ", test " + numbered.number());
        node.put("points", test.score());
        node.put("max_points", test.points());
        node.put("message", StudentView.message(test).isEmpty() && test.passed() ? "Passed."
                : StudentView.message(test));
        node.put("output", StudentView.output(test));
        return node;
    }
}
