package backproplab.grader.engine;

import backproplab.scoring.GradeReport;
import java.util.List;

/**
 * Everything a grading run produced, for the reporters.
 *
 * @param report        the tests and their scores (API checks, structure rules, hidden suites)
 * @param status        how far grading got
 * @param submission    the submission as named on the command line
 * @param message       a note for the student on the run as a whole (for example that not every test
 *                      could run); {@code ""} when all went well
 * @param problems      why the submission could not be graded: the compiler's errors (one per entry,
 *                      {@code path:line: error: message}), the reason for a refusal, or the grader's own
 *                      error; empty when {@link GradingStatus#gradable()}
 * @param timings       wall time per phase
 * @param notes         facts for instructors (children restarted, limits), one per line
 */
public record GradingOutcome(GradeReport report, GradingStatus status, String submission, String message,
                             List<String> problems, PhaseTimings timings, List<String> notes) {

    /** Copies the lists; a {@code null} message becomes {@code ""}. */
    public GradingOutcome {
        message = message == null ? "" : message;
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
