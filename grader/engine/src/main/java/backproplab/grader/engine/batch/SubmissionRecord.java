package backproplab.grader.engine.batch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch records of one graded submission, in {@value #FILE_NAME} beside its reports: enough for the class
 * files (gradebook, summary, class report) and for a rerun to skip it, without reading the platform reports again.
 *
 * @param id            the student id
 * @param status        the verdict's status code ({@code GRADED}, {@code COMPILE_ERROR}, ...)
 * @param reason        why, in a few words, when the run was not simply graded; {@code ""} otherwise
 * @param score         points earned
 * @param max           points available
 * @param exercises     score and maximum per exercise ({@link TaskOrder#exerciseOf}) of its tests with points, in report order
 * @param wallSeconds   wall time of grading it
 * @param cpuSeconds    CPU time of grading it: the grader thread, javac's JVM and the test JVMs
 * @param timedOut      whether a test timed out or the forked run did not finish
 * @param failures      the tests with points that did not pass, in report order
 * @param contentHash   {@link ContentHash} of the submitted files
 * @param graderVersion {@link GraderFingerprint} of the grader and settings that graded it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmissionRecord(String id, String status, String reason, double score, double max,
                               Map<String, ExerciseScore> exercises, double wallSeconds, double cpuSeconds,
                               boolean timedOut, List<Failure> failures, String contentHash, String graderVersion) {

    /** The file in each submission's folder. */
    public static final String FILE_NAME = "batch-record.json";

    /** Copies the collections; nulls become empty. */
    public SubmissionRecord {
        reason = reason == null ? "" : reason;
        exercises = exercises == null ? Map.of() : new LinkedHashMap<>(exercises);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** Whether the suites ran: {@code GRADED} or {@code API_MISMATCH}. */
    public boolean gradable() {
        return status.equals("GRADED") || status.equals("API_MISMATCH");
    }

    /** The score as a percentage of the maximum, 0 when nothing was graded. */
    public double percent() {
        return max == 0.0 ? 0.0 : Math.min(100.0, 100.0 * score / max);
    }

    /**
     * One exercise's share of the score.
     *
     * @param score points earned
     * @param max   points available
     */
    public record ExerciseScore(double score, double max) {
    }

    /**
     * A graded test that did not pass.
     *
     * @param test      the test's id
     * @param name      its display name
     * @param exercise  its exercise
     * @param outcome   how it ended ({@code FAILED}, {@code TIMED_OUT}, ...)
     * @param message   its message, as the student sees it
     */
    public record Failure(String test, String name, String exercise, String outcome, String message) {

        /** The first line of the message, for the class report's "most often failed" table. */
        public String firstLine() {
            String text = message == null ? "" : message.strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        }
    }
}
