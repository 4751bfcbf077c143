package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.ScoreTable;
import java.util.List;
import java.util.Locale;

/** The run-level texts the reports share: score line, compile errors, API mismatches, notes. */
final class RunSummary {

    private RunSummary() {
    }

    static String scoreLine(GradeReport report) {
        return "Score: " + Points.format(report.score()) + " / " + Points.format(report.maxScore());
    }

    static String percent(GradeReport report) {
        return String.format(Locale.ROOT, "%.1f %%", report.fraction() * 100.0);
    }

    static String countsLine(GradeReport report) {
        return ScoreTable.summary(report);
    }

    /**
     * The text about the run as a whole, without the score: what was graded, whether it compiled, API
     * mismatches and notes. Safe to show to students before hidden results are released.
     */
    static String runText(GradeReport report, RunInfo run) {
        StringBuilder text = new StringBuilder();
        text.append("Backprop Lab grader: submission ").append(run.submission().isEmpty() ? "(unnamed)" : run.submission())
                .append('\n');
        String backend = run.backendOr(report.backend());
        if (!backend.isEmpty()) {
            text.append("Backend: ").append(backend).append('\n');
        }
        if (!run.compiled()) {
            text.append('\n').append(compileHeadline()).append('\n');
            appendLines(text, run.compileErrors());
        }
        if (!run.apiMismatches().isEmpty()) {
            text.append('\n').append(apiHeadline()).append('\n');
            appendItems(text, run.apiMismatches());
        }
        if (!run.notes().isEmpty()) {
            text.append("\nNotes:\n");
            appendItems(text, run.notes());
        }
        return text.toString().stripTrailing();
    }

    static String compileHeadline() {
        return "Your code did not compile, so no test could run. The compiler said:";
    }

    static String apiHeadline() {
        return "Your classes do not match the exercise's public API (the tests need these exact signatures):";
    }

    static String compileErrors(RunInfo run) {
        return String.join("\n", run.compileErrors()).stripTrailing();
    }

    private static void appendLines(StringBuilder text, List<String> lines) {
        for (String line : lines) {
            text.append(line.stripTrailing()).append('\n');
        }
    }

    private static void appendItems(StringBuilder text, List<String> items) {
        for (String item : items) {
            text.append("- ").append(item.stripTrailing()).append('\n');
        }
    }
}
