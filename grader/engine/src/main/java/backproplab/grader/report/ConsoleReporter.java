package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.ScoreTable;
import backproplab.scoring.TestOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The console text, also written to {@code console.txt}: the run text (submission, backend, the verdict's headline and
 * details, notes); an overview with one row per exercise in the course's order ({@code ExerciseView}: points earned
 * and possible, a bar of {@code #} and {@code .}, the tests with full marks); then each exercise with the tests that
 * lost points first, each followed by its message (expected versus actual), where the notes explain it and its
 * pictures, and then the tests with full marks; last the counts line and {@code Score: 87.0 / 100.0}. Plain text,
 * fixed-width columns, no colours or other terminal escapes (names and messages are cleaned with
 * {@link ScoreTable#plain(String)}).
 */
public final class ConsoleReporter implements Reporter {

    /** The file name written. */
    public static final String FILE_NAME = "console.txt";

    /** Characters of the overview's bar between its brackets. */
    static final int BAR = 20;

    private static final String INDENT = "      ";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        StringBuilder out = new StringBuilder(RunSummary.runText(report, run)).append("\n\n");
        List<ExerciseView> exercises = ExerciseView.of(report);
        if (!exercises.isEmpty()) {
            overview(out, exercises);
            Columns columns = Columns.of(exercises);
            for (ExerciseView exercise : exercises) {
                exercise(out, exercise, columns);
            }
        }
        out.append(ScoreTable.summary(report)).append('\n');
        out.append(RunSummary.scoreLine(report)).append('\n');
        return out.toString();
    }

    private static void overview(StringBuilder out, List<ExerciseView> exercises) {
        out.append("Overview, exercises in the order of the course (start with the first one that lost points):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Exercise", "Points", "", "Full marks"});
        for (ExerciseView exercise : exercises) {
            rows.add(new String[] {
                exercise.exercise(),
                exercise.carriesPoints() ? Points.format(exercise.score()) + " / " + Points.format(exercise.maxScore()) : "-",
                exercise.carriesPoints() ? bar(exercise.fraction()) : "",
                exercise.passed().size() + " of " + exercise.testCount()});
        }
        table(out, rows, "  ");
        out.append('\n');
    }

    /** For example {@code [#####...............]} for a quarter of the points. */
    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0.0, Math.min(1.0, fraction)) * BAR);
        if (fraction > 0.0 && filled == 0) {
            filled = 1;
        } else if (fraction < 1.0 && filled == BAR) {
            filled = BAR - 1;
        }
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static void exercise(StringBuilder out, ExerciseView exercise, Columns columns) {
        out.append("== ").append(exercise.exercise());
        if (exercise.graded()) {
            out.append(": ").append(Points.format(exercise.score())).append(" / ")
                    .append(Points.format(exercise.maxScore()));
        }
        out.append(" ==\n");
        if (!exercise.toFix().isEmpty()) {
            out.append(exercise.graded() ? "Lost points:\n" : "Did not pass:\n");
            for (ReportLayout.NumberedTest numbered : exercise.toFix()) {
                out.append(columns.row(numbered));
                details(out, numbered.test());
            }
        }
        if (!exercise.passed().isEmpty()) {
            out.append(exercise.graded() ? "Full marks:\n" : "Passed:\n");
            for (ReportLayout.NumberedTest numbered : exercise.passed()) {
                out.append(columns.row(numbered));
                if (!numbered.test().message().isEmpty()) {
                    indented(out, numbered.test().message());
                }
                pictures(out, numbered.test());
            }
        }
        out.append('\n');
    }

    private static void details(StringBuilder out, TestOutcome test) {
        if (!test.message().isEmpty()) {
            indented(out, test.message());
        }
        for (String note : FailureNotes.of(test.message()).notes()) {
            indented(out, "Read in the notes: " + FailureNotes.where(note));
        }
        pictures(out, test);
    }

    private static void pictures(StringBuilder out, TestOutcome test) {
        for (Path png : test.images()) {
            String caption = PngImages.caption(png).map(text -> ": " + text).orElse("");
            indented(out, "Picture: " + picture(png) + caption);
        }
    }

    private static String picture(Path png) {
        Path folder = png.getParent() == null ? null : png.getParent().getFileName();
        return (folder == null ? "" : folder + "/") + PngImages.label(png);
    }

    private static void indented(StringBuilder out, String text) {
        for (String line : ScoreTable.plain(text).split("\n", -1)) {
            out.append((INDENT + line).stripTrailing()).append('\n');
        }
    }

    private static void table(StringBuilder out, List<String[]> rows, String lead) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            out.append(line(lead, row, widths));
        }
    }

    private static String line(String lead, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(lead);
        for (int c = 0; c < cells.length; c++) {
            line.append(c == 0 ? "" : "  ").append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
        }
        return line.toString().stripTrailing() + "\n";
    }

    /** The widths of the test rows, shared by every exercise so that the columns line up down the page. */
    private record Columns(int[] widths) {

        static Columns of(List<ExerciseView> exercises) {
            int[] widths = new int[5];
            for (ExerciseView exercise : exercises) {
                for (List<ReportLayout.NumberedTest> tests : List.of(exercise.toFix(), exercise.passed())) {
                    for (ReportLayout.NumberedTest numbered : tests) {
                        String[] cells = cells(numbered);
                        for (int c = 0; c < cells.length; c++) {
                            widths[c] = Math.max(widths[c], cells[c].length());
                        }
                    }
                }
            }
            return new Columns(widths);
        }

        String row(ReportLayout.NumberedTest numbered) {
            return line("  ", cells(numbered), widths);
        }

        private static String[] cells(ReportLayout.NumberedTest numbered) {
            TestOutcome test = numbered.test();
            String name = ScoreTable.plain(test.displayName().replace('\n', ' ').replace('\r', ' '));
            if (name.length() > ScoreTable.MAX_NAME) {
                name = name.substring(0, ScoreTable.MAX_NAME - 3) + "...";
            }
            String status = test.status().name().replace('_', ' ');
            return new String[] {
                numbered.number(),
                name,
                test.graded() ? test.task() : "-",
                test.graded() ? Points.format(test.score()) + " / " + Points.format(test.points()) : "-",
                test.passed() && test.score() < test.points() ? status + " (partial)" : status};
        }
    }
}
