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
 * @param seed             the seed the hidden inputs were drawn from, or {@code null} when the reports do not know it
 *                         (a run that never reached the hidden suites still knows it: the seed is chosen before)
 * @param seedOrigin       where the seed came from, for example {@code student id "alice"}; {@code ""} without a seed
 */
public record RunInfo(String submission, double executionSeconds, String backend, Verdict verdict,
                      List<String> notes, Long seed, String seedOrigin) {

    /**
     * Replaces {@code null}s by empty values (a {@code null} verdict by {@link Verdict#graded()}) and copies the
     * list.
     *
     * @param submission the {@code submission} component, as described above
     * @param executionSeconds the {@code executionSeconds} component, as described above
     * @param backend the {@code backend} component, as described above
     * @param verdict the {@code verdict} component, as described above
     * @param notes the {@code notes} component, as described above
     * @param seed the {@code seed} component, as described above
     * @param seedOrigin the {@code seedOrigin} component, as described above
     */
    public RunInfo {
        submission = submission == null ? "" : submission;
        backend = backend == null ? "" : backend;
        executionSeconds = Double.isFinite(executionSeconds) ? Math.max(0.0, executionSeconds) : 0.0;
        verdict = verdict == null ? Verdict.graded() : verdict;
        notes = notes == null ? List.of() : List.copyOf(notes);
        seedOrigin = seed == null || seedOrigin == null ? "" : seedOrigin;
    }

    /** A run's information without a seed (for reports of runs that do not say where their hidden inputs came from). */
    public RunInfo(String submission, double executionSeconds, String backend, Verdict verdict, List<String> notes) {
        this(submission, executionSeconds, backend, verdict, notes, null, "");
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
        return new RunInfo(submission, seconds, backend, verdict, notes, seed, seedOrigin);
    }

    /**
     * @param line the backend line, for example {@code Backend.describe()}
     * @return a copy with that backend line
     */
    public RunInfo withBackend(String line) {
        return new RunInfo(submission, executionSeconds, line, verdict, notes, seed, seedOrigin);
    }

    /**
     * @param outcome what the run came to
     * @return a copy with that verdict
     */
    public RunInfo withVerdict(Verdict outcome) {
        return new RunInfo(submission, executionSeconds, backend, outcome, notes, seed, seedOrigin);
    }

    /**
     * @param messages run-level remarks for the student
     * @return a copy with those notes
     */
    public RunInfo withNotes(List<String> messages) {
        return new RunInfo(submission, executionSeconds, backend, verdict, messages, seed, seedOrigin);
    }

    /**
     * @param hiddenInputSeed the seed the hidden suites drew their inputs from
     * @param origin          where it came from, for example {@code student id "alice"} or {@code --seed}
     * @return a copy that reports that seed
     */
    public RunInfo withSeed(long hiddenInputSeed, String origin) {
        return new RunInfo(submission, executionSeconds, backend, verdict, notes, hiddenInputSeed, origin);
    }

    /**
     * The sentence every report prints about the seed, or {@code ""} without one: "Hidden inputs were drawn from seed
     * N (from student id "alice"); `grade --seed N` reproduces this grade."
     *
     * @return the sentence
     */
    public String seedLine() {
        if (seed == null) {
            return "";
        }
        return "Hidden inputs were drawn from seed " + seed + " (" + seedOrigin + "); `grade --seed " + seed
                + "` reproduces this grade.";
    }
}
