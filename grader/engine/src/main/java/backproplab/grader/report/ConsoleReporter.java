package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.ScoreTable;

/**
 * The console table: the run text (submission, backend, the verdict's headline and details, notes), a blank
 * line, then {@link ScoreTable} of the report in {@link ReportLayout} order, ending with the line
 * {@code Score: 87.0 / 100.0}. Plain text, fixed-width columns, no colours or other terminal escapes. Also
 * written to {@code console.txt}.
 */
public final class ConsoleReporter implements Reporter {

    /** The file name written. */
    public static final String FILE_NAME = "console.txt";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        return RunSummary.runText(report, run) + "\n\n" + ScoreTable.render(ReportLayout.ordered(report));
    }
}
