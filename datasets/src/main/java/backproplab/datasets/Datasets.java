package backproplab.datasets;

/**
 * The course's data sets, each identical to what the notebook gets from numpy and scikit-learn for the same
 * arguments: {@link #moons}, {@link #trainTestSplit}, {@link #xor}, {@link #pattern} and
 * {@link #gradientFlowInput}. Seeds are numpy seeds (0 .. 2^32 - 1); bad arguments fail with an
 * {@link IllegalArgumentException} that says what was expected and what came in.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * scikit-learn's {@code make_moons(n_samples=samples, noise=noise, random_state=seed)}, bit for bit:
     * two interleaving half circles (label 0 outer, label 1 inner), shuffled, plus Gaussian noise.
     *
     * @param samples number of points, 1 or more (samples / 2 on the outer moon, the rest on the inner one)
     * @param noise standard deviation of the Gaussian noise, 0 or more (0 still draws the noise, like sklearn)
     * @param seed numpy seed, 0 .. 2^32 - 1
     */
    public static Dataset moons(int samples, double noise, long seed) {
        requireAtLeast("samples", samples, 1);
        if (!(noise >= 0.0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0 (a standard deviation), but was "
                    + noise);
        }
        NumpyRandom random = new NumpyRandom(requireSeed(seed));
        int outer = samples / 2;
        int inner = samples - outer;
        double[] outerAngles = linspace(0.0, Math.PI, outer);
        double[] innerAngles = linspace(0.0, Math.PI, inner);
        double[][] points = new double[samples][2];
        int[] labels = new int[samples];
        for (int i = 0; i < outer; i++) {
            points[i][0] = GlibcTrig.cos(outerAngles[i]);
            points[i][1] = GlibcTrig.sin(outerAngles[i]);
        }
        for (int i = 0; i < inner; i++) {
            points[outer + i][0] = 1 - GlibcTrig.cos(innerAngles[i]);
            points[outer + i][1] = 1 - GlibcTrig.sin(innerAngles[i]) - 0.5;
            labels[outer + i] = 1;
        }
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        random.shuffle(order);
        double[][] shuffled = new double[samples][];
        int[] shuffledLabels = new int[samples];
        for (int i = 0; i < samples; i++) {
            shuffled[i] = points[order[i]];
            shuffledLabels[i] = labels[order[i]];
        }
        for (double[] point : shuffled) {
            point[0] += random.normal(0.0, noise);
            point[1] += random.normal(0.0, noise);
        }
        return new Dataset(shuffled, shuffledLabels);
    }

    /**
     * scikit-learn's {@code train_test_split(X, y, test_size=testSize, random_state=seed)} (shuffled,
     * not stratified): n_test = ceil(testSize * n), one permutation of RandomState(seed), the first n_test
     * indices are the test set and the rest the training set, both in permutation order.
     *
     * @param testSize fraction of samples for testing, strictly between 0 and 1
     * @param seed numpy seed, 0 .. 2^32 - 1
     */
    public static Split trainTestSplit(Dataset data, double testSize, long seed) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (!(testSize > 0.0 && testSize < 1.0)) {
            throw new IllegalArgumentException("testSize must be strictly between 0 and 1 (a fraction of the samples),"
                    + " but was " + testSize);
        }
        requireSeed(seed);
        int n = data.size();
        int testCount = (int) Math.ceil(testSize * n);
        int trainCount = n - testCount;
        if (trainCount < 1) {
            throw new IllegalArgumentException("with " + n + " samples and testSize " + testSize + " the test set takes "
                    + testCount + " samples and the training set would be empty; use more samples or a smaller testSize");
        }
        int[] permutation = new NumpyRandom(seed).permutation(n);
        int[] test = java.util.Arrays.copyOfRange(permutation, 0, testCount);
        int[] train = java.util.Arrays.copyOfRange(permutation, testCount, n);
        return new Split(data.subset(train), data.subset(test), train, test);
    }

    /** The 2-D XOR problem: (0,0) -> 0, (0,1) -> 1, (1,0) -> 1, (1,1) -> 0. */
    public static Dataset xor() {
        return new Dataset(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
    }

    /** The notebook's 1-D pattern of section 4: x = 0, 1, 2, 3 -> 0, 1, 1, 0 (one feature). */
    public static Dataset pattern() {
        return new Dataset(new double[][] {{0}, {1}, {2}, {3}}, new int[] {0, 1, 1, 0});
    }

    /**
     * The random input of the notebook's gradient-flow section: {@code X = randn(features, samples)} then
     * {@code y = randint(0, 2, (1, samples))}, drawn in that order from RandomState(seed).
     *
     * @param features 1 or more (rows of the notebook's X)
     * @param samples 1 or more (columns of the notebook's X)
     */
    public static Dataset gradientFlowInput(int features, int samples, long seed) {
        requireAtLeast("features", features, 1);
        requireAtLeast("samples", samples, 1);
        NumpyRandom random = new NumpyRandom(requireSeed(seed));
        double[][] x = random.randn(features, samples);
        long[] y = random.randint(0, 2, samples);
        double[][] rows = new double[samples][features];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            for (int f = 0; f < features; f++) {
                rows[i][f] = x[f][i];
            }
            labels[i] = (int) y[i];
        }
        return new Dataset(rows, labels);
    }

    /**
     * {@code numpy.linspace(start, stop, count)} with its exact arithmetic: step = (stop - start) / (count - 1),
     * element i = i * step + start, and the last element set to stop.
     */
    static double[] linspace(double start, double stop, int count) {
        double[] values = new double[count];
        if (count == 1) {
            values[0] = 0.0 * (stop - start) + start;
        } else if (count > 1) {
            double delta = stop - start;
            double step = delta / (count - 1);
            for (int i = 0; i < count; i++) {
                values[i] = step == 0.0 ? (i / (double) (count - 1)) * delta + start : i * step + start;
            }
            values[count - 1] = stop;
        }
        return values;
    }

    private static long requireSeed(long seed) {
        if (seed < 0 || seed > NumpyRandom.MAX_SEED) {
            throw new IllegalArgumentException("seed must be between 0 and 2^32 - 1 = " + NumpyRandom.MAX_SEED
                    + " (numpy's RandomState range), but was " + seed);
        }
        return seed;
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be " + minimum + " or more, but was " + value);
        }
    }
}
