package backproplab.grader.engine;

import backproplab.grader.report.Verdict;
import java.util.List;

/**
 * The console's one-line verdict for the person who ran the grader, for example
 * {@code Status: REFUSED (breaks the structure rule "no reflection"; nothing was run, score 0)}.
 * Public for the batch, which records the reason of each submission.
 */
public final class StatusLine {

    private StatusLine() {
    }

    /**
     * The line for a verdict.
     *
     * @param verdict what the run came to
     * @return {@code "Status: "}, the verdict's {@link Verdict#status() code} and, unless the run was simply
     *         graded, why in a few words
     */
    public static String of(Verdict verdict) {
        String why = verdict.accept(new Verdict.Cases<>() {
            @Override
            public String graded(Verdict.Graded graded) {
                return graded.apiDifferences().isEmpty() ? "" : differences(graded.apiDifferences());
            }

            @Override
            public String apiMismatch(Verdict.ApiMismatch mismatch) {
                return differences(mismatch.differences()) + " and no hidden test passed; not gradable";
            }

            @Override
            public String didNotCompile(Verdict.DidNotCompile failure) {
                return "the code did not compile; not gradable";
            }

            @Override
            public String refused(Verdict.Refused refusal) {
                List<String> rules = refusal.ruleNames().stream().map(rule -> "\"" + rule + "\"").toList();
                return "breaks the structure rule" + (rules.size() == 1 ? " " : "s ") + String.join(", ", rules)
                        + "; nothing was run, score 0";
            }

            @Override
            public String invalidSubmission(Verdict.InvalidSubmission invalid) {
                return "could not be graded: " + firstLine(invalid.reasons().get(0)) + "; not gradable";
            }

            @Override
            public String graderFailed(Verdict.GraderFailed failure) {
                return "the grader failed: " + firstLine(failure.error()) + "; not gradable";
            }
        });
        return "Status: " + verdict.status() + (why.isEmpty() ? "" : " (" + why + ")");
    }

    private static String differences(List<String> differences) {
        return "the API differs from the skeleton in " + differences.size()
                + (differences.size() == 1 ? " place" : " places");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
