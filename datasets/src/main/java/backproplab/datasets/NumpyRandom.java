package backproplab.datasets;

import backproplab.runtime.Backend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A bit-exact port of numpy's legacy {@code numpy.random.RandomState(seed)} for integer seeds.
 *
 * <p>Every method draws exactly the numbers numpy draws, in the same order, so that a sequence of calls here
 * returns the same doubles and integers as the same sequence of calls on {@code RandomState(seed)}:
 * MT19937 seeded with {@code init_genrand}, {@code random_sample}, the legacy {@code random_interval},
 * {@code shuffle}, {@code permutation}, {@code randint} (int64, masked rejection), {@code uniform}, and the polar
 * Box-Muller {@code gauss} with its cached second value behind {@code standard_normal}, {@code normal} and
 * {@code randn}. The logarithm inside {@code gauss} is {@link GlibcLog#log}, a port of the glibc routine numpy calls.
 *
 * <p>Not thread-safe: one instance is one stream.
 */
public final class NumpyRandom {

    /** Largest seed numpy's RandomState accepts (2^32 - 1). */
    public static final long MAX_SEED = 0xffffffffL;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] key = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /**
     * Creates the stream of {@code numpy.random.RandomState(seed)}.
     *
     * @param seed 0 .. 2^32 - 1, like numpy
     * @throws IllegalArgumentException for a seed outside that range
     */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1 = " + MAX_SEED
                    + " (numpy's RandomState range), but was " + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** numpy's {@code mt19937_next32}: the next raw 32-bit word, as an unsigned value in a long. */
    public long nextUint32() {
        if (pos == N) {
            generate();
        }
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** numpy's {@code next_uint64} for MT19937: the first 32-bit word is the high half. */
    public long nextUint64() {
        long high = nextUint32();
        long low = nextUint32();
        return (high << 32) | low;
    }

    private void generate() {
        int i;
        int y;
        for (i = 0; i < N - M; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; i < N - 1; i++) {
            y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
            key[i] = key[i + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** {@code random_sample()}: a double in [0, 1) with 53 random bits. */
    public double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * The legacy {@code random_interval(max)}: a uniform integer in [0, max] by masked rejection
     * (32-bit draws when max fits in 32 bits, 64-bit draws otherwise).
     *
     * @param max the inclusive upper bound, read as an unsigned 64-bit value
     */
    public long randomInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (Long.compareUnsigned(max, MAX_SEED) <= 0) {
            do {
                value = nextUint32() & mask;
            } while (value > max);
        } else {
            do {
                value = nextUint64() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    /** {@code shuffle(x)} for a 1-D array, in place: for i = n-1 down to 1, swap x[i] with x[random_interval(i)]. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            int j = (int) randomInterval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * {@code permutation(n)}: 0 .. n-1 shuffled.
     *
     * @throws IllegalArgumentException for n &lt; 0
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation size must be 0 or more, but was " + n);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffle(values);
        return values;
    }

    /**
     * {@code randint(low, high)}: one integer in [low, high), numpy's default int64 dtype (masked rejection).
     *
     * @throws IllegalArgumentException unless low &lt; high
     */
    public long randint(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("randint needs low < high, but low was " + low + " and high " + high);
        }
        // numpy: rng = high - 1 - low as uint64, then off + random_interval-style masked draw.
        return low + randomInterval(high - 1 - low);
    }

    /**
     * {@code randint(low, high, size=count)}: count integers in [low, high), drawn in order.
     *
     * @throws IllegalArgumentException unless low &lt; high and count &gt;= 0
     */
    public long[] randint(long low, long high, int count) {
        if (low >= high) {
            throw new IllegalArgumentException("randint needs low < high, but low was " + low + " and high " + high);
        }
        requireCount(count);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = low + randomInterval(high - 1 - low);
        }
        return values;
    }

    /** {@code uniform(low, high)}: low + (high - low) * random_sample(). */
    public double uniform(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("uniform needs a finite high - low, but low was " + low
                    + " and high " + high);
        }
        return low + range * randomSample();
    }

    /**
     * {@code standard_normal()}: numpy's legacy polar Box-Muller {@code gauss}. Each accepted pair yields
     * f*x2 now and caches f*x1 for the next call.
     */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double cached = gauss;
            gauss = 0.0;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code normal(loc, scale)}: loc + scale * gauss. */
    public double normal(double loc, double scale) {
        if (!(scale >= 0.0)) {
            throw new IllegalArgumentException("normal needs scale >= 0, but was " + scale);
        }
        return loc + scale * standardNormal();
    }

    /** {@code normal(loc, scale, size=(rows, cols))} filled in C (row-major) order. */
    public double[][] normal(double loc, double scale, int rows, int cols) {
        if (!(scale >= 0.0)) {
            throw new IllegalArgumentException("normal needs scale >= 0, but was " + scale);
        }
        requireShape(rows, cols);
        double[][] values = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r][c] = loc + scale * standardNormal();
            }
        }
        return values;
    }

    /** {@code randn(rows, cols)} filled in C (row-major) order. */
    public double[][] randn(int rows, int cols) {
        requireShape(rows, cols);
        double[][] values = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r][c] = standardNormal();
            }
        }
        return values;
    }

    /** {@link #randn(int, int)} as a rows x cols DOUBLE INDArray (starts ND4J). */
    public INDArray randnArray(int rows, int cols) {
        double[][] values = randn(rows, cols);
        Backend.init();
        return Nd4j.createFromArray(values);
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("size must be 0 or more, but was " + count);
        }
    }

    private static void requireShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be 0 or more in each dimension, but was ("
                    + rows + ", " + cols + ")");
        }
    }
}
