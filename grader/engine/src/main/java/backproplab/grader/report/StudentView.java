package backproplab.grader.report;

import backproplab.scoring.TestOutcome;
import backproplab.scoring.Visibility;

/**
 * What a student may read of a test on platforms that show every result at once.
 *
 * <p>Gradescope delays or hides a test by its {@code visibility} field, so {@code results.json} carries
 * every test in full. PrairieLearn, Exercism and GitHub Classroom have no such field and show the file to
 * the student right away; there, a test that is not {@link Visibility#VISIBLE} keeps its points and its
 * pass or fail, but its name, message and output are replaced by the texts below; PrairieLearn still shows its
 * training pictures under a neutral label. {@code junit.xml}, {@code report.html} and the console table are for
 * instructors and show everything.
 */
public final class StudentView {

    /** The message shown instead of a hidden test's message. */
    public static final String HIDDEN_MESSAGE = "This is a hidden test: its details are not shown.";

    private StudentView() {
    }

    /**
     * Whether a student may see the test's details now.
     *
     * @param test a test
     * @return {@code true} for a visible test
     */
    public static boolean shown(TestOutcome test) {
        return test.visibility().shownImmediately();
    }

    /**
     * The name a student sees.
     *
     * @param numbered a numbered test
     * @return the display name, or {@code "hidden test <number> (<task>)"} for a test that is not shown
     */
    public static String name(ReportLayout.NumberedTest numbered) {
        TestOutcome test = numbered.test();
        return shown(test) ? test.displayName() : "hidden test " + numbered.number() + " (" + test.task() + ")";
    }

    /**
     * The message a student sees.
     *
     * @param test a test
     * @return its message, or {@link #HIDDEN_MESSAGE} for a test that is not shown
     */
    public static String message(TestOutcome test) {
        return shown(test) ? test.message() : HIDDEN_MESSAGE;
    }

    /**
     * The captured output a student sees.
     *
     * @param test a test
     * @return its output, or {@code ""} for a test that is not shown
     */
    public static String output(TestOutcome test) {
        return shown(test) ? test.output() : "";
    }
}
