package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.TestOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exercise of a report as a student reads it: its tasks' sections ({@link ReportLayout} order, which is the
 * course's), the tests that did not earn full marks first, then the others, and the exercise's points. The console
 * and {@code report.html} show the exercises in this order, after an overview with one row per exercise.
 *
 * @param exercise the exercise (the part of the task ids before the first dot), or {@link ReportLayout#UNGRADED}
 * @param graded   {@code false} only for the ungraded tests
 * @param tasks    its task sections, in course order
 * @param toFix    its tests that did not earn full marks (an ungraded one: that did not pass), in section order
 * @param passed   its other tests, in section order
 * @param score    the points earned
 * @param maxScore the points possible
 */
record ExerciseView(String exercise, boolean graded, List<ReportLayout.Section> tasks,
                    List<ReportLayout.NumberedTest> toFix, List<ReportLayout.NumberedTest> passed, double score,
                    double maxScore) {

    /** Copies the lists. */
    ExerciseView {
        tasks = List.copyOf(tasks);
        toFix = List.copyOf(toFix);
        passed = List.copyOf(passed);
    }

    /**
     * The report's exercises in course order, the ungraded tests last.
     *
     * @param report a report
     * @return one view per exercise that has tests; empty for a report without tests
     */
    static List<ExerciseView> of(GradeReport report) {
        Map<String, List<ReportLayout.Section>> byExercise = new LinkedHashMap<>();
        for (ReportLayout.Section section : ReportLayout.sections(report)) {
            String exercise = section.graded() ? CourseOrder.exerciseOf(section.task()) : ReportLayout.UNGRADED;
            byExercise.computeIfAbsent(exercise, e -> new ArrayList<>()).add(section);
        }
        List<ExerciseView> views = new ArrayList<>();
        byExercise.forEach((exercise, sections) -> views.add(view(exercise, sections)));
        return views;
    }

    private static ExerciseView view(String exercise, List<ReportLayout.Section> sections) {
        List<ReportLayout.NumberedTest> toFix = new ArrayList<>();
        List<ReportLayout.NumberedTest> passed = new ArrayList<>();
        boolean graded = sections.stream().allMatch(ReportLayout.Section::graded);
        for (ReportLayout.Section section : sections) {
            for (ReportLayout.NumberedTest numbered : section.tests()) {
                (needsWork(numbered.test()) ? toFix : passed).add(numbered);
            }
        }
        double score = Points.round(sections.stream().mapToDouble(ReportLayout.Section::score).sum());
        double max = Points.round(sections.stream().mapToDouble(ReportLayout.Section::maxScore).sum());
        return new ExerciseView(exercise, graded, sections, toFix, passed, score, max);
    }

    /** Whether a test is one to look at: it lost points, or (ungraded) it did not pass. */
    static boolean needsWork(TestOutcome test) {
        return test.graded() ? !test.fullMarks() : !test.passed();
    }

    /** Whether the exercise carries points; the API and structure checks carry none, and get no points or bar. */
    boolean carriesPoints() {
        return graded && maxScore > 0;
    }

    /** The share of the points earned, 0 when nothing is possible. */
    double fraction() {
        return maxScore == 0.0 ? 0.0 : Math.min(1.0, score / maxScore);
    }

    /** How many tests the exercise has. */
    int testCount() {
        return toFix.size() + passed.size();
    }
}
