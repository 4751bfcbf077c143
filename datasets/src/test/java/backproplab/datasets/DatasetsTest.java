package backproplab.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Datasets equal scikit-learn's and the notebook's data")
class DatasetsTest {

    @ParameterizedTest(name = "make_moons({0}, noise={1}, random_state={2})")
    @CsvSource({"400, 0.15, 42", "401, 0.15, 42", "1, 0.1, 0", "2, 0.0, 7", "3, 0.3, 4294967295", "1000, 0.2, 123",
        "57, 1.5, 1", "10, 0.05, 0", "399, 0.0, 5", "2500, 0.1, 2024"})
    @DisplayName("moons equals make_moons bit for bit: every coordinate and every label")
    void moonsEqualsMakeMoons(int samples, double noise, long seed) {
        Dataset expected = Golden.moons(samples, noise, seed);
        Dataset actual = Datasets.moons(samples, noise, seed);
        assertThat(actual.size()).as("number of samples of moons(%d, %s, %d)", samples, noise, seed)
                .isEqualTo(samples);
        for (int i = 0; i < samples; i++) {
            double[] want = expected.x(i);
            double[] got = actual.x(i);
            int difference = Golden.firstBitDifference(want, got);
            assertThat(difference)
                    .as("sample %d of moons(%d, %s, %d): x1/x2 %s; look at linspace, cos/sin, shuffle, then the noise",
                            i, samples, noise, seed, Golden.describeDifference(want, got, difference))
                    .isEqualTo(-1);
            assertThat(actual.label(i)).as("label of sample %d of moons(%d, %s, %d)", i, samples, noise, seed)
                    .isEqualTo(expected.label(i));
        }
        assertThat(actual).as("moons(%d, %s, %d) as a whole", samples, noise, seed).isEqualTo(expected);
    }

    @Test
    @DisplayName("moons(400, 0.15, 42) has 200 points of each moon")
    void courseMoonsAreBalanced() {
        int[] labels = Datasets.moons(400, 0.15, 42).labelArray();
        assertThat(Arrays.stream(labels).filter(label -> label == 1).count()).as("label-1 samples").isEqualTo(200);
        assertThat(Arrays.stream(labels).filter(label -> label == 0).count()).as("label-0 samples").isEqualTo(200);
    }

    static Stream<Arguments> splits() {
        List<String[]> rows = Golden.rows("splits.csv");
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int i = 0; i < rows.size(); i += 2) {
            String[] train = rows.get(i);
            String[] test = rows.get(i + 1);
            cases.add(Arguments.of(Integer.parseInt(train[0]), Double.parseDouble(train[1]), Long.parseLong(train[2]),
                    Double.parseDouble(train[3]), Long.parseLong(train[4]), Golden.ints(train[6]),
                    Golden.ints(test[6])));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "moons({0}, {1}, {2}) split with test_size={3}, random_state={4}")
    @MethodSource("splits")
    @DisplayName("trainTestSplit picks train_test_split's indices in its order, and the samples behind them")
    void splitEqualsTrainTestSplit(int samples, double noise, long seed, double testSize, long splitSeed,
            int[] expectedTrain, int[] expectedTest) {
        Dataset data = Datasets.moons(samples, noise, seed);
        Split split = Datasets.trainTestSplit(data, testSize, splitSeed);
        assertThat(split.testIndices())
                .as("test indices for test_size=%s, random_state=%d: the first ceil(test_size * n) of "
                        + "permutation(n)", testSize, splitSeed)
                .containsExactly(expectedTest);
        assertThat(split.trainIndices())
                .as("train indices for test_size=%s, random_state=%d: the rest of permutation(n)", testSize, splitSeed)
                .containsExactly(expectedTrain);
        Dataset golden = Golden.moons(samples, noise, seed);
        assertThat(split.train()).as("training samples are the golden samples at the train indices")
                .isEqualTo(golden.subset(expectedTrain));
        assertThat(split.test()).as("test samples are the golden samples at the test indices")
                .isEqualTo(golden.subset(expectedTest));
    }

    @Test
    @DisplayName("the course split of moons(400, 0.15, 42) has 320 training and 80 test samples")
    void courseSplitSizes() {
        Split split = Datasets.trainTestSplit(Datasets.moons(400, 0.15, 42), 0.2, 42);
        assertThat(split.train().size()).as("training samples").isEqualTo(320);
        assertThat(split.test().size()).as("test samples").isEqualTo(80);
    }

    @Test
    @DisplayName("xor is (0,0)->0, (0,1)->1, (1,0)->1, (1,1)->0")
    void xorPoints() {
        Dataset xor = Datasets.xor();
        assertThat(xor.samples()).as("XOR inputs").isEqualTo(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertThat(xor.labelArray()).as("XOR labels").containsExactly(0, 1, 1, 0);
    }

    @Test
    @DisplayName("pattern is the notebook's x = 0, 1, 2, 3 -> 0, 1, 1, 0 with one feature")
    void patternPoints() {
        Dataset pattern = Datasets.pattern();
        assertThat(pattern.featureCount()).as("features of the 1-D pattern").isEqualTo(1);
        assertThat(pattern.samples()).as("pattern inputs").isEqualTo(new double[][] {{0}, {1}, {2}, {3}});
        assertThat(pattern.labelArray()).as("pattern labels").containsExactly(0, 1, 1, 0);
    }

    static Stream<Arguments> gradientFlowCases() {
        return Golden.rows("gradient_flow.csv").stream().map(row -> Arguments.of(Integer.parseInt(row[0]),
                Integer.parseInt(row[1]), Long.parseLong(row[2]), Golden.doubles(row[3]), Golden.ints(row[4])));
    }

    @ParameterizedTest(name = "randn({0}, {1}) then randint(0, 2, (1, {1})), seed {2}")
    @MethodSource("gradientFlowCases")
    @DisplayName("gradientFlowInput equals numpy's randn then randint from the same RandomState")
    void gradientFlowInputEqualsNumpy(int features, int samples, long seed, double[] expectedX, int[] expectedY) {
        Dataset data = Datasets.gradientFlowInput(features, samples, seed);
        double[] actualX = new double[features * samples];
        for (int f = 0; f < features; f++) {
            for (int s = 0; s < samples; s++) {
                actualX[f * samples + s] = data.x(s)[f];
            }
        }
        int difference = Golden.firstBitDifference(expectedX, actualX);
        assertThat(difference).as("X (features x samples, row-major) for seed %d: %s", seed,
                Golden.describeDifference(expectedX, actualX, difference)).isEqualTo(-1);
        assertThat(data.labelArray()).as("y for seed %d", seed).containsExactly(expectedY);
    }

    @Test
    @DisplayName("bad moons arguments are refused with a message that names the argument and the value")
    void moonsRefusesBadArguments() {
        assertThatThrownBy(() -> Datasets.moons(0, 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples must be 1 or more, but was 0");
        assertThatThrownBy(() -> Datasets.moons(-5, 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> Datasets.moons(10, -0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise must be a finite number >= 0").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Datasets.moons(10, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Datasets.moons(10, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Datasets.moons(10, 0.1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed must be between 0 and 2^32 - 1").hasMessageContaining("-1");
        assertThatThrownBy(() -> Datasets.moons(10, 0.1, 1L << 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4294967296");
    }

    @Test
    @DisplayName("bad split arguments are refused: testSize outside (0, 1), bad seed, empty training set, no data")
    void splitRefusesBadArguments() {
        Dataset data = Datasets.moons(10, 0.1, 1);
        for (double testSize : new double[] {0.0, 1.0, -0.2, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> Datasets.trainTestSplit(data, testSize, 1))
                    .as("testSize %s", testSize)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("testSize must be strictly between 0 and 1")
                    .hasMessageContaining(Double.toString(testSize));
        }
        assertThatThrownBy(() -> Datasets.trainTestSplit(data, 0.2, -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> Datasets.trainTestSplit(Datasets.moons(1, 0.1, 1), 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training set would be empty");
        assertThatThrownBy(() -> Datasets.trainTestSplit(data, 0.95, 0))
                .as("ceil(0.95 * 10) = 10 test samples leave none for training")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training set would be empty");
        assertThatThrownBy(() -> Datasets.trainTestSplit(null, 0.2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data");
    }

    @Test
    @DisplayName("bad gradient-flow arguments are refused")
    void gradientFlowRefusesBadArguments() {
        assertThatThrownBy(() -> Datasets.gradientFlowInput(0, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features must be 1 or more, but was 0");
        assertThatThrownBy(() -> Datasets.gradientFlowInput(3, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples must be 1 or more, but was 0");
        assertThatThrownBy(() -> Datasets.gradientFlowInput(3, 4, 1L << 33))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
    }

    @ParameterizedTest(name = "linspace(0, pi, {0})")
    @CsvSource({"0", "1", "2", "3", "200", "201"})
    @DisplayName("linspace follows numpy: i * step, last element exactly pi, one element is 0")
    void linspaceFollowsNumpy(int count) {
        double[] values = Datasets.linspace(0.0, Math.PI, count);
        assertThat(values).as("length of linspace(0, pi, %d)", count).hasSize(count);
        if (count == 1) {
            assertThat(values[0]).as("linspace(0, pi, 1)").isEqualTo(0.0);
        }
        if (count > 1) {
            double step = Math.PI / (count - 1);
            for (int i = 0; i < count - 1; i++) {
                assertThat(values[i]).as("element %d of linspace(0, pi, %d)", i, count).isEqualTo(i * step);
            }
            assertThat(values[count - 1]).as("last element of linspace(0, pi, %d)", count).isEqualTo(Math.PI);
        }
    }
}
