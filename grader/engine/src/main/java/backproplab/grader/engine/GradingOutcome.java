package backproplab.grader.engine;

import backproplab.grader.report.Verdict;
import backproplab.scoring.GradeReport;
import java.util.List;
import java.util.Objects;

/**
 * Everything a grading run produced, for the reporters.
 *
 * @param report     the tests and their scores (API checks, structure rules, hidden suites); empty when nothing
 *                   could be compiled
 * @param verdict    what the run came to, with what the reports need to explain it
 * @param submission the submission as named on the command line
 * @param timings    wall time per phase
 * @param notes      run-level facts, one per line: first, when there is one, that not every test could run; then
 *                   facts for instructors (the submission's size, children restarted)
 * @param seed       the seed the hidden inputs were drawn from, or {@code null} when the outcome does not know it
 */
public record GradingOutcome(GradeReport report, Verdict verdict, String submission, PhaseTimings timings,
                             List<String> notes, StudentSeed seed) {

    /** Checks for nulls and copies the notes. */
    public GradingOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(verdict, "verdict");
        notes = List.copyOf(notes);
    }

    /** An outcome that does not (yet) know its seed. */
    public GradingOutcome(GradeReport report, Verdict verdict, String submission, PhaseTimings timings,
                          List<String> notes) {
        this(report, verdict, submission, timings, notes, null);
    }

    /** The same outcome, drawn from {@code hiddenInputs}. */
    public GradingOutcome withSeed(StudentSeed hiddenInputs) {
        return new GradingOutcome(report, verdict, submission, timings, notes, hiddenInputs);
    }
}
