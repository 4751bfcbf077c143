package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.ScoreTable;
import java.util.Locale;

/** The run-level texts the reports share: score line, counts, and the run text with the verdict and the notes. */
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
     * The text about the run as a whole, without the score: what was graded, the verdict's headline and details
     * when there are any (compile errors, API differences, broken rules, …) and the notes. Safe to show to
     * students before hidden results are released.
     */
    static String runText(GradeReport report, RunInfo run) {
        StringBuilder text = new StringBuilder();
        text.append("Backprop Lab grader: submission ").append(run.submission().isEmpty() ? "(unnamed)" : run.submission())
                .append('\n');
        String backend = run.backendOr(report.backend());
        if (!backend.isEmpty()) {
            text.append("Backend: ").append(backend).append('\n');
        }
        if (!run.seedLine().isEmpty()) {
            text.append(run.seedLine()).append('\n');
        }
        VerdictText.of(run.verdict()).ifPresent(verdict -> text.append('\n').append(verdict.message()).append('\n'));
        if (!run.notes().isEmpty()) {
            text.append("\nNotes:\n");
            for (String note : run.notes()) {
                text.append("- ").append(note.stripTrailing()).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }
}
