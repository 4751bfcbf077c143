package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes every results file of a grading run. */
public final class Reporters {

    private static final ConsoleReporter CONSOLE = new ConsoleReporter();

    private static final List<Reporter> ALL = List.of(
            new GradescopeReporter(),
            new PrairieLearnReporter(),
            new ExercismReporter(),
            new ClassroomReporter(),
            new JUnitXmlReporter(),
            new HtmlReporter(),
            CONSOLE);

    private Reporters() {
    }

    /**
     * Every reporter, in the order {@link #writeAll} runs them.
     *
     * @return Gradescope, PrairieLearn, Exercism, GitHub Classroom, JUnit XML, HTML and console reporters
     */
    public static List<Reporter> all() {
        return ALL;
    }

    /**
     * Writes {@code results.json}, {@code prairielearn.json}, {@code exercism.json},
     * {@code classroom-result.json}, {@code junit.xml}, {@code report.html} and {@code console.txt} into
     * {@code outDir}. Each file is complete and valid for any report, including an empty one and one of a
     * submission that did not compile.
     *
     * @param report the graded results
     * @param run    the run's metadata
     * @param outDir the output directory; created if missing
     * @return the console table, to print
     * @throws IOException if a file cannot be written
     */
    public static String writeAll(GradeReport report, RunInfo run, Path outDir) throws IOException {
        for (Reporter reporter : ALL) {
            reporter.write(report, run, outDir);
        }
        return CONSOLE.render(report, run);
    }
}
