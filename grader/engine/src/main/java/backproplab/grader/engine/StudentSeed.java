package backproplab.grader.engine;

import backproplab.grader.protocol.HiddenInputSeed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed a grading run hands the hidden suites, and where it came from: a student id (hashed, see
 * {@link HiddenInputSeed#ofStudentId}), a seed given as such ({@code grade --seed}, to reproduce a grade), or none, in
 * which case the course's fixed seed is used and the report says so.
 *
 * @param value  the seed the suites derive every hidden input from
 * @param origin where it came from, for the reports: {@code student id "alice"}, {@code given with --seed}, or that no
 *               id was given
 */
public record StudentSeed(long value, String origin) {

    /** Checks the origin. */
    public StudentSeed {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("a seed must say where it came from");
        }
    }

    /** The seed of a student id: SHA-256 of the id, its first 8 bytes. */
    public static StudentSeed ofStudentId(String studentId) {
        return new StudentSeed(HiddenInputSeed.ofStudentId(studentId), "from student id \"" + studentId.strip() + "\"");
    }

    /** A seed given as a number, to reproduce a grade exactly. */
    public static StudentSeed given(long seed) {
        return new StudentSeed(seed, "given with --seed");
    }

    /** No id and no seed: the course's fixed seed, the same hidden inputs for everyone. */
    public static StudentSeed course() {
        return new StudentSeed(HiddenInputSeed.COURSE_SEED, "no student id was given, so the course's fixed seed: every"
                + " submission graded without an id gets the same hidden inputs");
    }

    /**
     * The seed of the student named in a platform's metadata file: Gradescope's
     * {@code /autograder/submission_metadata.json} ({@code users[0].id}, else the submission's {@code id}) or
     * PrairieLearn's {@code /grade/data/data.json} ({@code user_id} or {@code submission_id} when present, else the
     * variant's {@code variant_seed}). A file that is missing or holds none of these gives the course's fixed seed, and
     * the origin says why: grading goes on.
     *
     * @param metadata the platform's file
     * @return the seed, never {@code null}
     */
    public static StudentSeed fromPlatformFile(Path metadata) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(metadata));
        } catch (IOException | RuntimeException e) {
            return new StudentSeed(HiddenInputSeed.COURSE_SEED, "the course's fixed seed: the platform's file " + metadata
                    + " could not be read (" + e.getClass().getSimpleName() + "), so every submission gets the same hidden inputs");
        }
        String[][] paths = {{"users", "0", "id"}, {"user_id"}, {"submission_id"}, {"id"}, {"variant_seed"}};
        for (String[] path : paths) {
            JsonNode node = root;
            for (String step : path) {
                node = node == null ? null : step.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(step))
                        : node.get(step);
            }
            if (node != null && node.isValueNode() && !node.asText().isBlank()) {
                StudentSeed seed = ofStudentId(node.asText());
                return new StudentSeed(seed.value(), seed.origin() + ", " + String.join(".", path) + " in " + metadata.getFileName());
            }
        }
        return new StudentSeed(HiddenInputSeed.COURSE_SEED, "the course's fixed seed: " + metadata.getFileName()
                + " names no student, so every submission gets the same hidden inputs");
    }
}
