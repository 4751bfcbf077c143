package backproplab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NumpyRandom reproduces numpy's legacy RandomState")
class NumpyRandomTest {

    static Stream<Arguments> streams() {
        return Golden.rows("streams.csv").stream()
                .map(row -> Arguments.of(Long.parseLong(row[0]), row[1], row[2]));
    }

    @ParameterizedTest(name = "seed {0}: {1}")
    @MethodSource("streams")
    @DisplayName("every golden stream equals numpy's value for value, bit for bit")
    void streamEqualsNumpy(long seed, String kind, String values) {
        NumpyRandom random = new NumpyRandom(seed);
        switch (kind) {
            case "random_sample" -> assertDoubles(seed, kind, Golden.doubles(values),
                    draw(Golden.doubles(values).length, random::randomSample));
            case "standard_normal" -> assertDoubles(seed, kind, Golden.doubles(values),
                    draw(Golden.doubles(values).length, random::standardNormal));
            case "normal_1.5_0.25" -> assertDoubles(seed, kind, Golden.doubles(values),
                    draw(Golden.doubles(values).length, () -> random.normal(1.5, 0.25)));
            case "randn_3x4" -> assertDoubles(seed, kind, Golden.doubles(values), flatten(random.randn(3, 4)));
            case "uniform_-3_7" -> assertDoubles(seed, kind, Golden.doubles(values),
                    draw(Golden.doubles(values).length, () -> random.uniform(-3, 7)));
            case "randint_0_2" -> assertLongs(seed, kind, Golden.longs(values), random.randint(0, 2, 700));
            case "randint_-5_1000000" -> assertLongs(seed, kind, Golden.longs(values),
                    random.randint(-5, 1000000, 500));
            case "randint_0_1099511627776" -> assertLongs(seed, kind, Golden.longs(values),
                    random.randint(0, 1L << 40, 300));
            case "randint_0_4294967296" -> assertLongs(seed, kind, Golden.longs(values),
                    random.randint(0, 1L << 32, 300));
            case "randint_scalar_3_17" -> {
                long[] actual = new long[200];
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = random.randint(3, 17);
                }
                assertLongs(seed, kind, Golden.longs(values), actual);
            }
            case "permutation_1000" -> assertThat(random.permutation(1000))
                    .as("permutation(1000) of RandomState(%d) should equal numpy's; compare shuffle's "
                            + "random_interval draws", seed)
                    .containsExactly(Golden.ints(values));
            case "mixed_normal_sample_randint10" -> {
                String[] expected = values.split(" ");
                List<String> actual = new ArrayList<>();
                for (int i = 0; i < expected.length / 3; i++) {
                    actual.add(Double.toString(random.standardNormal()));
                    actual.add(Double.toString(random.randomSample()));
                    actual.add(Long.toString(random.randint(0, 10)));
                }
                List<String> expectedNormalised = new ArrayList<>();
                for (int i = 0; i < expected.length; i++) {
                    expectedNormalised.add(i % 3 == 2 ? expected[i] : Double.toString(Double.parseDouble(expected[i])));
                }
                assertThat(actual)
                        .as("interleaved standard_normal, random_sample, randint(0, 10) of RandomState(%d) should "
                                + "equal numpy's; the cached second gauss must survive the draws in between", seed)
                        .containsExactlyElementsOf(expectedNormalised);
            }
            default -> throw new IllegalStateException("unknown stream kind in streams.csv: " + kind);
        }
    }

    static Stream<Arguments> checksums() {
        return Golden.rows("stream_checksums.csv").stream().map(row -> Arguments.of(
                Long.parseLong(row[0]), row[1], Integer.parseInt(row[2]), Long.parseUnsignedLong(row[3]), row[4]));
    }

    @ParameterizedTest(name = "seed {0}: {2} x {1}")
    @MethodSource("checksums")
    @DisplayName("long streams equal numpy's: the sum of all raw bits and the last value match")
    void longStreamEqualsNumpy(long seed, String kind, int count, long expectedSum, String expectedLast) {
        NumpyRandom random = new NumpyRandom(seed);
        long sum = 0;
        String last = null;
        switch (kind) {
            case "standard_normal", "random_sample" -> {
                double value = 0;
                for (int i = 0; i < count; i++) {
                    value = kind.equals("random_sample") ? random.randomSample() : random.standardNormal();
                    sum += Double.doubleToRawLongBits(value);
                }
                assertThat(Double.doubleToRawLongBits(value))
                        .as("value %d of %s for seed %d: numpy gave %s, Java gave %s", count, kind, seed,
                                expectedLast, value)
                        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(expectedLast)));
            }
            case "permutation" -> {
                int[] permutation = random.permutation(count);
                for (int i = 0; i < count; i++) {
                    sum += (long) i * permutation[i];
                }
                last = Integer.toString(permutation[count - 1]);
                assertThat(last).as("last element of permutation(%d), seed %d", count, seed).isEqualTo(expectedLast);
            }
            default -> throw new IllegalStateException("unknown kind in stream_checksums.csv: " + kind);
        }
        assertThat(Long.toUnsignedString(sum))
                .as("checksum of %d x %s for seed %d should equal numpy's; a single differing bit changes it",
                        count, kind, seed)
                .isEqualTo(Long.toUnsignedString(expectedSum));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {-1, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE})
    @DisplayName("a seed outside 0 .. 2^32 - 1 is refused, like numpy")
    void seedOutsideNumpyRangeIsRefused(long seed) {
        assertThatThrownBy(() -> new NumpyRandom(seed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed must be between 0 and 2^32 - 1")
                .hasMessageContaining(Long.toString(seed));
    }

    @Test
    @DisplayName("the largest seed 2^32 - 1 is accepted and differs from seed 0")
    void largestSeedIsAccepted() {
        assertThat(new NumpyRandom(NumpyRandom.MAX_SEED).nextUint32())
                .as("first word of seed 2^32 - 1 versus seed 0")
                .isNotEqualTo(new NumpyRandom(0).nextUint32());
    }

    @Test
    @DisplayName("MT19937 seeded with 5489 gives the reference first output 3499211612")
    void referenceFirstOutput() {
        assertThat(new NumpyRandom(5489).nextUint32())
                .as("first genrand_int32() after init_genrand(5489), the published MT19937 reference value")
                .isEqualTo(3499211612L);
    }

    @Test
    @DisplayName("randint refuses an empty range and a negative size")
    void randintRefusesBadArguments() {
        NumpyRandom random = new NumpyRandom(1);
        assertThatThrownBy(() -> random.randint(2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low < high");
        assertThatThrownBy(() -> random.randint(5, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low < high");
        assertThatThrownBy(() -> random.randint(0, 2, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size must be 0 or more");
    }

    @Test
    @DisplayName("normal refuses a negative scale, permutation a negative size, randn a negative shape")
    void otherDrawsRefuseBadArguments() {
        NumpyRandom random = new NumpyRandom(1);
        assertThatThrownBy(() -> random.normal(0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale >= 0");
        assertThatThrownBy(() -> random.normal(0, Double.NaN, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale >= 0");
        assertThatThrownBy(() -> random.permutation(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> random.randn(2, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, -1)");
        assertThatThrownBy(() -> random.uniform(0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    @DisplayName("normal(loc, scale, rows, cols) equals loc + scale * standard normal in row-major order")
    void normalMatrixIsRowMajor() {
        double[][] matrix = new NumpyRandom(9).normal(2.0, 3.0, 2, 3);
        NumpyRandom reference = new NumpyRandom(9);
        double[] expected = draw(6, () -> 2.0 + 3.0 * reference.standardNormal());
        assertDoubles(9, "normal(2, 3, size=(2, 3))", expected, flatten(matrix));
    }

    @Test
    @DisplayName("randnArray is a rows x cols DOUBLE INDArray holding randn's values")
    void randnArrayMatchesRandn() {
        var array = new NumpyRandom(3).randnArray(2, 5);
        double[][] expected = new NumpyRandom(3).randn(2, 5);
        assertThat(array.shape()).as("shape of randnArray(2, 5)").containsExactly(2L, 5L);
        assertThat(array.dataType().toString()).as("data type of randnArray").isEqualTo("DOUBLE");
        assertThat(array.toDoubleMatrix()).as("values of randnArray(2, 5) versus randn(2, 5)").isEqualTo(expected);
    }

    private static double[] draw(int count, java.util.function.DoubleSupplier supplier) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = supplier.getAsDouble();
        }
        return values;
    }

    private static double[] flatten(double[][] matrix) {
        return Stream.of(matrix).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static void assertDoubles(long seed, String kind, double[] expected, double[] actual) {
        int difference = Golden.firstBitDifference(expected, actual);
        assertThat(difference)
                .as("%s of RandomState(%d) should equal numpy's bit for bit; %s", kind, seed,
                        Golden.describeDifference(expected, actual, difference))
                .isEqualTo(-1);
    }

    private static void assertLongs(long seed, String kind, long[] expected, long[] actual) {
        assertThat(actual)
                .as("%s of RandomState(%d) should equal numpy's; compare the masked rejection in random_interval",
                        kind, seed)
                .containsExactly(expected);
    }
}
