package backproplab.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prints a report as a plain-text table: one row per test with task, test, points and status, the
 * messages of tests that did not earn full marks indented below their row, and a total line such as
 * {@code Score: 87.0 / 100.0}. No colours or other terminal escapes; lines end with {@code \n}.
 *
 * <p>Terminal escape sequences in names and messages are removed and other control characters replaced
 * by {@code ?}, so that a student's output cannot colour or rewrite the instructor's terminal.
 *
 * <p>Graded tests come first, grouped by task in the order the tasks first appear; ungraded tests follow
 * under the task {@code (ungraded)}.
 */
public final class ScoreTable {

    /** Longest test name printed; longer display names are cut and end with {@code ...}. */
    public static final int MAX_NAME = 60;

    private static final String UNGRADED = "(ungraded)";
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-9;?]*[ -/]*[@-~]|[@-_])");
    private static final String INDENT = "      ";

    private ScoreTable() {
    }

    /**
     * The table for a report.
     *
     * @param report the report to print
     * @return the table, ending with the total line and a newline
     */
    public static String render(GradeReport report) {
        return table(report) + "Score: " + Points.format(report.score()) + " / " + Points.format(report.maxScore())
                + "\n";
    }

    /**
     * The table for a report without its total line: the rows, the messages and the line of counts
     * ({@link #summary(GradeReport)}).
     *
     * @param report the report to print
     * @return the table, ending with the counts line and a newline
     */
    public static String table(GradeReport report) {
        List<String[]> rows = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<TestOutcome> ordered = new ArrayList<>();
        for (String task : report.tasks()) {
            ordered.addAll(report.testsOf(task));
        }
        report.tests().stream().filter(t -> !t.graded()).forEach(ordered::add);
        for (TestOutcome test : ordered) {
            rows.add(new String[] {
                test.graded() ? test.task() : UNGRADED,
                shorten(test.displayName()),
                test.graded() ? Points.format(test.score()) + " / " + Points.format(test.points()) : "-",
                status(test)});
            messages.add(test.fullMarks() || test.message().isEmpty() ? "" : plain(test.message()));
        }
        String[] header = {"Task", "Test", "Points", "Status"};
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        String[] rule = new String[header.length];
        for (int c = 0; c < header.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendRow(out, rule, widths);
        for (int i = 0; i < rows.size(); i++) {
            appendRow(out, rows.get(i), widths);
            if (!messages.get(i).isEmpty()) {
                for (String line : messages.get(i).split("\n", -1)) {
                    out.append((INDENT + line).stripTrailing()).append('\n');
                }
            }
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /**
     * One line counting the tests by status, for example {@code "14 tests: 12 passed, 1 failed, 1 timed out"}.
     *
     * @param report the report
     * @return the line, without a newline
     */
    public static String summary(GradeReport report) {
        StringBuilder line = new StringBuilder();
        line.append(report.tests().size()).append(report.tests().size() == 1 ? " test" : " tests");
        String separator = ": ";
        for (TestStatus status : TestStatus.values()) {
            long count = report.count(status);
            if (count > 0) {
                line.append(separator).append(count).append(' ')
                        .append(status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                separator = ", ";
            }
        }
        return line.toString();
    }

    private static String status(TestOutcome test) {
        String status = test.status().name().replace('_', ' ');
        return test.passed() && test.score() < test.points() ? status + " (partial)" : status;
    }

    /**
     * Text without terminal escapes: escape sequences removed, other control characters except newline and
     * tab replaced by {@code ?}.
     *
     * @param text any text
     * @return the text, safe to print on a terminal
     */
    public static String plain(String text) {
        String stripped = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            out.append((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }

    private static String shorten(String name) {
        String oneLine = plain(name.replace('\n', ' ').replace('\r', ' '));
        return oneLine.length() <= MAX_NAME ? oneLine : oneLine.substring(0, MAX_NAME - 3) + "...";
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(c == 0 ? "" : "  ").append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
