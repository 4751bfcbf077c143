package backproplab.grader.report;

import java.util.List;
import java.util.Objects;

/**
 * What the reports need to know about a grading run besides the test results.
 *
 * <p>Build it with {@link #of(String)} and the {@code with...} methods:
 * <pre>{@code
 * RunInfo run = RunInfo.of("alice-hw3.zip")
 *         .withExecutionSeconds(7.4)
 *         .withBackend(Backend.describe())
 *         .withVerdict(new Verdict.DidNotCompile(List.of("NeuralNetwork.java:42: error: ';' expected")));
 * }</pre>
 *
 * @param submission       the submission's name as the instructor knows it (file or folder name)
 * @param executionSeconds wall time of the whole grading run, in seconds
 * @param backend          the backend line; when blank, the report's own backend line is used
 * @param verdict          what the run came to; every reporter says it in its own format
 * @param notes            other run-level facts for the student, for example that the test JVM was stopped
 *                         after the time limit for the whole run
 */
public record RunInfo(String submission, double executionSeconds, String backend, Verdict verdict,
                      List<String> notes) {

    /**
     * Replaces {@code null}s by empty values (a {@code null} verdict by {@link Verdict#graded()}) and copies the
     * list.
     *
     * @param submission the {@code submission} component, as described above
     * @param executionSeconds the {@code executionSeconds} component, as described above
     * @param backend the {@code backend} component, as described above
     * @param verdict the {@code verdict} component, as described above
     * @param notes the {@code notes} component, as described above
     */
    public RunInfo {
        submission = submission == null ? "" : submission;
        backend = backend == null ? "" : backend;
        executionSeconds = Double.isFinite(executionSeconds) ? Math.max(0.0, executionSeconds) : 0.0;
        verdict = verdict == null ? Verdict.graded() : verdict;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A graded run of the named submission that took no time and had no remarks.
     *
     * @param submission the submission's name
     * @return run information to refine with the {@code with...} methods
     */
    public static RunInfo of(String submission) {
        return new RunInfo(Objects.requireNonNull(submission, "submission"), 0.0, "", Verdict.graded(), List.of());
    }

    /**
     * The backend line to print: this run's, or else the report's.
     *
     * @param reportBackend the backend line of the grade report
     * @return the line, possibly {@code ""}
     */
    public String backendOr(String reportBackend) {
        return backend.isBlank() ? (reportBackend == null ? "" : reportBackend) : backend;
    }

    /**
     * @param seconds wall time of the grading run
     * @return a copy with that execution time
     */
    public RunInfo withExecutionSeconds(double seconds) {
        return new RunInfo(submission, seconds, backend, verdict, notes);
    }

    /**
     * @param line the backend line, for example {@code Backend.describe()}
     * @return a copy with that backend line
     */
    public RunInfo withBackend(String line) {
        return new RunInfo(submission, executionSeconds, line, verdict, notes);
    }

    /**
     * @param outcome what the run came to
     * @return a copy with that verdict
     */
    public RunInfo withVerdict(Verdict outcome) {
        return new RunInfo(submission, executionSeconds, backend, outcome, notes);
    }

    /**
     * @param messages run-level remarks for the student
     * @return a copy with those notes
     */
    public RunInfo withNotes(List<String> messages) {
        return new RunInfo(submission, executionSeconds, backend, verdict, messages);
    }
}
