package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.TestOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one order and numbering every report uses, so that test "2.3" is the same test in every file.
 *
 * <p>Tasks are in the course's order ({@link CourseOrder}: the exercises as the notebook has them, then the API and
 * structure checks) and numbered from 1; ungraded tests come last, in a section of their own
 * numbered after the tasks. Within a section, tests are sorted by test class name and, within a class,
 * keep the order of the report (JUnit's deterministic method order). Sorting does not depend on the order
 * in which a test engine found the classes, so two machines produce the same numbers. A test's number is
 * {@code <task number>.<position in its section>}, both from 1. This is also the mapping of task ids to
 * Exercism's integer {@code task_id}.
 */
public final class ReportLayout {

    /** Section title of the ungraded tests. */
    public static final String UNGRADED = "(ungraded)";

    private ReportLayout() {
    }

    /**
     * One task's tests, numbered.
     *
     * @param number   the task's number, from 1
     * @param task     the task id, or {@link #UNGRADED}
     * @param graded   {@code false} only for the section of ungraded tests
     * @param tests    the tests in report order
     * @param score    the task's score
     * @param maxScore the task's maximum score
     */
    public record Section(int number, String task, boolean graded, List<NumberedTest> tests, double score,
                          double maxScore) {

        /**
         * Copies the list.
         *
         * @param number the {@code number} component, as described above
         * @param task the {@code task} component, as described above
         * @param graded the {@code graded} component, as described above
         * @param tests the {@code tests} component, as described above
         * @param score the {@code score} component, as described above
         * @param maxScore the {@code maxScore} component, as described above
         */
        public Section {
            tests = List.copyOf(tests);
        }
    }

    /**
     * A test with its stable number.
     *
     * @param number  for example {@code "2.3"}
     * @param section the number of its section
     * @param test    the outcome
     */
    public record NumberedTest(String number, int section, TestOutcome test) {
    }

    /**
     * The report's tests in sections, in the order described in the class comment.
     *
     * @param report a report
     * @return the sections; empty for a report without tests
     */
    public static List<Section> sections(GradeReport report) {
        Map<TestOutcome, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < report.tests().size(); i++) {
            position.put(report.tests().get(i), i);
        }
        Comparator<TestOutcome> order = Comparator.comparing(TestOutcome::className)
                .thenComparing(position::get);
        List<Section> sections = new ArrayList<>();
        TreeSet<String> tasks = new TreeSet<>(CourseOrder.bundled().tasks());
        report.gradedTests().forEach(t -> tasks.add(t.task()));
        int number = 1;
        for (String task : tasks) {
            List<TestOutcome> tests = report.tests().stream()
                    .filter(t -> t.graded() && t.task().equals(task)).sorted(order).toList();
            sections.add(section(number++, task, true, tests));
        }
        List<TestOutcome> ungraded = report.tests().stream().filter(t -> !t.graded()).sorted(order).toList();
        if (!ungraded.isEmpty()) {
            sections.add(section(number, UNGRADED, false, ungraded));
        }
        return sections;
    }

    /**
     * Every test with its number, section by section.
     *
     * @param report a report
     * @return the numbered tests in report order of all formats
     */
    public static List<NumberedTest> numberedTests(GradeReport report) {
        return sections(report).stream().flatMap(s -> s.tests().stream()).toList();
    }

    /**
     * The report with its tests in the order of {@link #sections(GradeReport)}.
     *
     * @param report a report
     * @return an equal report except for the order of its tests
     */
    public static GradeReport ordered(GradeReport report) {
        return new GradeReport(numberedTests(report).stream().map(NumberedTest::test).toList(), report.backend());
    }

    private static Section section(int number, String task, boolean graded, List<TestOutcome> tests) {
        List<NumberedTest> numbered = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            numbered.add(new NumberedTest(number + "." + (i + 1), number, tests.get(i)));
        }
        double score = Points.round(tests.stream().mapToDouble(TestOutcome::score).sum());
        double max = Points.round(tests.stream().mapToDouble(TestOutcome::points).sum());
        return new Section(number, task, graded, numbered, score, max);
    }
}
