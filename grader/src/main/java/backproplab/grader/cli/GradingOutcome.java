package backproplab.grader.cli;

import backproplab.scoring.GradeReport;
import java.util.List;

/**
 * Everything a grading run produced, for the reporters.
 *
 * @param report        the tests and their scores (API checks, structure rules, hidden suites)
 * @param status        how far grading got
 * @param submission    the submission as named on the command line
 * @param message       the top-level message for the student: the compiler's errors, the reason for a
 *                      refusal, or a note on an incomplete run; {@code ""} when all went well
 * @param timings       wall time per phase
 * @param notes         facts for instructors (children restarted, limits), one per line
 */
public record GradingOutcome(GradeReport report, GradingStatus status, String submission, String message,
                             PhaseTimings timings, List<String> notes) {

    /** Copies the notes; a {@code null} message becomes {@code ""}. */
    public GradingOutcome {
        message = message == null ? "" : message;
        notes = List.copyOf(notes);
    }
}
