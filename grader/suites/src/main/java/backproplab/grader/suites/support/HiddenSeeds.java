package backproplab.grader.suites.support;

import backproplab.grader.protocol.HiddenInputSeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The one place the hidden suites get their free choices from: every random parameter, input, batch size and training
 * seed of a suite is derived from the student's seed ({@link HiddenInputSeed}, given to the test JVM by the grader)
 * and a purpose, such as {@code "xor.seeds"} or {@code "network.backward.case1"}. The same student seed gives the same
 * hidden data on every run; another student seed gives other data.
 *
 * <p>Derivation (documented so that a regrade can be checked by hand): the purpose's seed is the first 8 bytes
 * (big-endian) of SHA-256 over the student seed's 8 bytes (big-endian) followed by the purpose's UTF-8 bytes; a
 * purpose's random stream is {@code new SplittableRandom(that seed)}. Seeds handed to {@code NumpyRandom} are that
 * value reduced to [0, 2^31).
 */
public final class HiddenSeeds {

    private static volatile Long student;

    private HiddenSeeds() {
    }

    /** The student seed of this test JVM ({@link HiddenInputSeed#ofThisJvm()}: the course seed when none was given). */
    public static long studentSeed() {
        Long seed = student;
        if (seed == null) {
            seed = HiddenInputSeed.ofThisJvm();
            student = seed;
        }
        return seed;
    }

    /** For the suites' own tests: draw as if the grader had given {@code seed}; {@code null} goes back to this JVM's seed. */
    static void useStudentSeed(Long seed) {
        student = seed;
    }

    /**
     * Whether this JVM runs under the course seed ({@link HiddenInputSeed#COURSE_SEED}: no student id, no seed). Inputs
     * that were fixed literals before they were drawn per student keep those literals under the course seed, so the
     * course run (and the golden files recorded from it) stays as it was; every other seed draws them.
     */
    public static boolean isCourseSeed() {
        return studentSeed() == HiddenInputSeed.COURSE_SEED;
    }

    /**
     * The 64-bit seed of one purpose under a student seed.
     *
     * @param studentSeed the student's seed
     * @param purpose     what the seed is for, e.g. {@code "xor.seeds"}
     * @return the first 8 bytes of SHA-256(studentSeed ‖ UTF-8(purpose))
     */
    public static long derive(long studentSeed, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(studentSeed).array());
            sha.update(purpose.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha.digest(), 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A random stream for one purpose, the same for the same student seed. */
    public static SplittableRandom random(String purpose) {
        return new SplittableRandom(derive(studentSeed(), purpose));
    }

    /** A seed for {@code NumpyRandom} or {@code new NeuralNetwork(seed, …)} for one purpose, in [0, 2^31). */
    public static long seed(String purpose) {
        return derive(studentSeed(), purpose) & 0x7fff_ffffL;
    }

    /** The {@code attempt}-th seed of one purpose (for drawing again, deterministically, when a draw is unusable). */
    public static long seed(String purpose, int attempt) {
        return seed(purpose + "#" + attempt);
    }

    /** One of {@code candidates}, chosen for this purpose. */
    public static int pick(String purpose, int... candidates) {
        return candidates[random(purpose).nextInt(candidates.length)];
    }

    /** One of {@code candidates}, chosen for this purpose. */
    public static double pick(String purpose, double... candidates) {
        return candidates[random(purpose).nextInt(candidates.length)];
    }

    /**
     * {@code count} different seeds of a calibrated pool, chosen for this purpose (a partial Fisher–Yates shuffle),
     * in the order drawn.
     *
     * @throws IllegalStateException if the pool has fewer than {@code count} seeds
     */
    public static long[] distinct(String purpose, long[] pool, int count) {
        return distinct(studentSeed(), purpose, pool, count);
    }

    /** {@link #distinct(String, long[], int)} for a given student seed (for calibration and tests). */
    public static long[] distinct(long studentSeed, String purpose, long[] pool, int count) {
        if (pool.length < count) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "suite bug: the pool for %s has %d seeds, fewer than the %d a run needs", purpose, pool.length, count));
        }
        long[] shuffled = Arrays.copyOf(pool, pool.length);
        SplittableRandom rng = new SplittableRandom(derive(studentSeed, purpose));
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(shuffled.length - i);
            long t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return Arrays.copyOf(shuffled, count);
    }

    /** The next uniform number in [from, to) of a purpose's stream. */
    public static double uniform(SplittableRandom rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }
}
