package backproplab.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The score preview of {@link ScoringListener} (see there for when and where it is written): the visible tests that
 * ran, on the grade's scale. Each exercise's visible tests are scaled to the exercise's weight in the grade
 * ({@link GradeWeights}), so the preview is out of the same 100 points as the grade and weighs the exercises as the
 * grade does; it says that it counts the visible tests only. Below it, the visible tests one by one
 * ({@link ScoreTable}, their own points).
 */
final class ScorePreview {

    private ScorePreview() {
    }

    static void writeIfEnabled(GradeReport report) {
        if ("false".equalsIgnoreCase(System.getProperty(ScoringListener.PREVIEW_PROPERTY, "true").trim())
                || report.gradedTests().isEmpty()) {
            return;
        }
        Path file = target();
        if (file == null) {
            return;
        }
        String text = render(report, GradeWeights.bundled());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // A preview is a convenience; a read-only directory must not fail the test run.
        }
    }

    /**
     * One exercise's line of the preview.
     *
     * @param exercise the exercise
     * @param score    the points its visible tests earned
     * @param max      the points its visible tests are worth, above 0
     * @param weight   its weight in the grade
     */
    record Row(String exercise, double score, double max, double weight) {

        /** The visible share of the exercise, in grade points. */
        double preview() {
            return Points.round(weight * score / max);
        }
    }

    /** The exercises that have graded visible tests and a weight, in the order of the weights. */
    static List<Row> rows(GradeReport report, GradeWeights weights) {
        List<TestOutcome> visible = visible(report);
        List<Row> rows = new ArrayList<>();
        weights.byExercise().forEach((exercise, weight) -> {
            List<TestOutcome> tests = visible.stream()
                    .filter(t -> GradeWeights.exerciseOf(t.task()).equals(exercise)).toList();
            double max = Points.round(tests.stream().mapToDouble(TestOutcome::points).sum());
            if (max > 0) {
                double score = Points.round(tests.stream().mapToDouble(TestOutcome::score).sum());
                rows.add(new Row(exercise, score, max, weight));
            }
        });
        return rows;
    }

    /** The preview's text. */
    static String render(GradeReport report, GradeWeights weights) {
        List<Row> rows = rows(report, weights);
        double preview = Points.round(rows.stream().mapToDouble(Row::preview).sum());
        double covered = Points.round(rows.stream().mapToDouble(Row::weight).sum());
        StringBuilder text = new StringBuilder();
        text.append("Backprop Lab score preview, on the grade's scale: the visible tests that ran here, each exercise\n")
                .append("weighted as in the grade. It counts the visible tests only: your grade comes from the grader,\n")
                .append("which runs hidden tests as well, so it can differ.\n");
        if (!report.backend().isEmpty()) {
            text.append("Backend: ").append(report.backend()).append('\n');
        }
        text.append('\n');
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Exercise", "Visible tests", "Weight in the grade", "Preview"});
        for (Row row : rows) {
            lines.add(new String[] {row.exercise(), Points.format(row.score()) + " / " + Points.format(row.max()),
                Points.format(row.weight()), Points.format(row.preview())});
        }
        table(text, lines);
        List<String> unweighted = weights.byExercise().keySet().stream()
                .filter(e -> rows.stream().noneMatch(r -> r.exercise().equals(e))).toList();
        text.append("Preview score: ").append(Points.format(preview)).append(" / ").append(Points.format(weights.total()))
                .append(" (visible tests only");
        if (!unweighted.isEmpty()) {
            text.append("; they cover exercises worth ").append(Points.format(covered)).append(" of the ")
                    .append(Points.format(weights.total())).append(" points, none for ")
                    .append(String.join(", ", unweighted));
        }
        text.append(")\n\nThe visible tests, with their own points:\n");
        text.append(ScoreTable.table(new GradeReport(visible(report), report.backend())));
        return text.toString();
    }

    private static List<TestOutcome> visible(GradeReport report) {
        return report.tests().stream().filter(t -> t.visibility() == Visibility.VISIBLE).toList();
    }

    private static void table(StringBuilder out, List<String[]> lines) {
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                boolean number = c > 0;
                String pad = " ".repeat(widths[c] - line[c].length());
                row.append(c == 0 ? "" : "  ").append(number ? pad + line[c] : line[c] + pad);
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
    }

    private static Path target() {
        String configured = System.getProperty(ScoringListener.PREVIEW_FILE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path target = Path.of("target");
        return Files.isDirectory(target) ? target.resolve("score-preview.txt") : null;
    }
}
