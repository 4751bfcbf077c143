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
 *         .withCompileErrors(List.of("NeuralNetwork.java:42: error: ';' expected"));
 * }</pre>
 *
 * @param submission       the submission's name as the instructor knows it (file or folder name)
 * @param executionSeconds wall time of the whole grading run, in seconds
 * @param backend          the backend line; when blank, the report's own backend line is used
 * @param compileErrors    the compiler's messages when the submission did not compile; empty if it compiled
 * @param apiMismatches    differences from the skeleton's public API, one sentence each; empty if none
 * @param notes            other run-level facts for the student, for example that the test JVM was stopped
 *                         after the time limit for the whole run
 */
public record RunInfo(String submission, double executionSeconds, String backend, List<String> compileErrors,
                      List<String> apiMismatches, List<String> notes) {

    /**
     * Replaces {@code null}s by empty values and copies the lists.
     *
     * @param submission the {@code submission} component, as described above
     * @param executionSeconds the {@code executionSeconds} component, as described above
     * @param backend the {@code backend} component, as described above
     * @param compileErrors the {@code compileErrors} component, as described above
     * @param apiMismatches the {@code apiMismatches} component, as described above
     * @param notes the {@code notes} component, as described above
     */
    public RunInfo {
        submission = submission == null ? "" : submission;
        backend = backend == null ? "" : backend;
        executionSeconds = Double.isFinite(executionSeconds) ? Math.max(0.0, executionSeconds) : 0.0;
        compileErrors = compileErrors == null ? List.of() : List.copyOf(compileErrors);
        apiMismatches = apiMismatches == null ? List.of() : List.copyOf(apiMismatches);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * A run of the named submission that compiled, took no time and had no remarks.
     *
     * @param submission the submission's name
     * @return run information to refine with the {@code with...} methods
     */
    public static RunInfo of(String submission) {
        return new RunInfo(Objects.requireNonNull(submission, "submission"), 0.0, "", List.of(), List.of(), List.of());
    }

    /**
     * Whether the submission compiled.
     *
     * @return {@code true} when there are no compile errors
     */
    public boolean compiled() {
        return compileErrors.isEmpty();
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
        return new RunInfo(submission, seconds, backend, compileErrors, apiMismatches, notes);
    }

    /**
     * @param line the backend line, for example {@code Backend.describe()}
     * @return a copy with that backend line
     */
    public RunInfo withBackend(String line) {
        return new RunInfo(submission, executionSeconds, line, compileErrors, apiMismatches, notes);
    }

    /**
     * @param messages the compiler's error messages; non-empty means the submission did not compile
     * @return a copy with those compile errors
     */
    public RunInfo withCompileErrors(List<String> messages) {
        return new RunInfo(submission, executionSeconds, backend, messages, apiMismatches, notes);
    }

    /**
     * @param messages one sentence per API difference, naming the method and the expected signature
     * @return a copy with those API mismatches
     */
    public RunInfo withApiMismatches(List<String> messages) {
        return new RunInfo(submission, executionSeconds, backend, compileErrors, messages, notes);
    }

    /**
     * @param messages run-level remarks for the student
     * @return a copy with those notes
     */
    public RunInfo withNotes(List<String> messages) {
        return new RunInfo(submission, executionSeconds, backend, compileErrors, apiMismatches, messages);
    }
}
