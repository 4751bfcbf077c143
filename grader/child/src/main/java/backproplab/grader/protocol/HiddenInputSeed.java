package backproplab.grader.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The per-student seed from which the hidden suites draw their data, seeds and sizes: the one place that turns a
 * student id into a seed, names the test JVM's system property that carries it, and reads that property back.
 *
 * <p>The hash is documented so that anyone can recompute a student's seed: the first 8 bytes (big-endian) of the
 * SHA-256 of the id's UTF-8 bytes, with surrounding white space removed, as a signed {@code long}. For example the id
 * {@code alice} gives {@code ofStudentId("alice")}; {@code grade --seed <that number>} then reproduces the grade.
 * Without an id the grader uses {@link #COURSE_SEED}, the same for everyone.
 */
public final class HiddenInputSeed {

    /** The test JVM's system property holding the seed, a decimal {@code long}. */
    public static final String PROPERTY = "backproplab.grader.seed";

    /** The seed of a run that was given no student id and no seed: the course's fixed hidden inputs. */
    public static final long COURSE_SEED = 2026L;

    private HiddenInputSeed() {
    }

    /**
     * The seed of a student id.
     *
     * @param studentId a non-blank id (a Gradescope user id, a PrairieLearn submission id, a batch entry's name)
     * @return the first 8 bytes of SHA-256(UTF-8 of the stripped id), big-endian
     * @throws IllegalArgumentException if the id is blank
     */
    public static long ofStudentId(String studentId) {
        String id = studentId == null ? "" : studentId.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a student id must not be blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The seed this test JVM was given, or {@link #COURSE_SEED} when it was given none (a build that runs the suites
     * directly, the test plan).
     *
     * @return the seed
     * @throws IllegalStateException if the property is set but is not a decimal {@code long} (a grader bug)
     */
    public static long ofThisJvm() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return COURSE_SEED;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The system property " + PROPERTY + " must be a whole number, but is '"
                    + value + "'.", e);
        }
    }
}
