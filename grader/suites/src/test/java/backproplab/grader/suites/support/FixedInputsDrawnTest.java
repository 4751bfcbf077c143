package backproplab.grader.suites.support;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.protocol.HiddenInputSeed;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Inputs that were fixed literals: the course seed keeps them, a student seed draws them")
class FixedInputsDrawnTest {

    private static final long ALICE = HiddenInputSeed.ofStudentId("alice");
    private static final long BOB = HiddenInputSeed.ofStudentId("bob");

    private static <T> T under(long seed, Supplier<T> draw) {
        HiddenSeeds.useStudentSeed(seed);
        try {
            return draw.get();
        } finally {
            HiddenSeeds.useStudentSeed(null);
        }
    }

    private static double[] probeSteps() {
        Thresholds t = Thresholds.get();
        return new double[] {t.number("gradcheck.probeEpsilon"), t.number("gradcheck.secondProbeEpsilon")};
    }

    @Test
    @DisplayName("the TinyGradientCheck point: the course seed's is today's (and usable), a student's is drawn, usable, the same twice")
    void tinyCheckerPoint() {
        double[] course = under(HiddenInputSeed.COURSE_SEED, GradedCases::tinyCheckerPoint);
        assertThat(course).containsExactly(0.8, 0.3, -1.4, 0.6, 1.2, 1);
        assertThat(GradedCases.usableTinyPoint(course, probeSteps())).as("the course point meets the drawn points' criteria").isTrue();
        double[] alice = under(ALICE, GradedCases::tinyCheckerPoint);
        double[] bob = under(BOB, GradedCases::tinyCheckerPoint);
        assertThat(under(ALICE, GradedCases::tinyCheckerPoint)).containsExactly(alice);
        assertThat(alice).isNotEqualTo(bob).isNotEqualTo(course);
        for (long seed = 1; seed <= 200; seed++) {
            double[] p = under(seed, GradedCases::tinyCheckerPoint);
            assertThat(GradedCases.usableTinyPoint(p, probeSteps())).as("point of seed %d: %s", seed, Arrays.toString(p)).isTrue();
        }
    }

    @Test
    @DisplayName("the NetworkGradientCheck labels: (1, 0, 0, 1, 1) for the course seed, both classes for every student")
    void checkerLabels() {
        assertThat(under(HiddenInputSeed.COURSE_SEED, GradedCases::checkerLabels)[0]).containsExactly(1, 0, 0, 1, 1);
        for (long seed = 1; seed <= 50; seed++) {
            double[] y = under(seed, GradedCases::checkerLabels)[0];
            double ones = Arrays.stream(y).sum();
            assertThat(ones).as("labels of seed %d: %s", seed, Arrays.toString(y)).isBetween(1.0, 4.0);
        }
    }

    @Test
    @DisplayName("the moons run: the notebook's data for the course seed, a calibrated data/init pair of moons.runPool for a student")
    void moonsRun() {
        Thresholds t = Thresholds.get();
        MoonsExperiment course = under(HiddenInputSeed.COURSE_SEED, MoonsExperiment::fromThresholds);
        assertThat(course.dataSeed()).isEqualTo(42);
        assertThat(course.splitSeed()).isEqualTo(42);
        assertThat(Arrays.stream(t.seeds("moons.initSeedPool")).boxed().toList()).contains(course.initSeed());
        MoonsExperiment alice = under(ALICE, MoonsExperiment::fromThresholds);
        MoonsExperiment bob = under(BOB, MoonsExperiment::fromThresholds);
        assertThat(under(ALICE, MoonsExperiment::fromThresholds).describe()).isEqualTo(alice.describe());
        assertThat(alice.describe()).isNotEqualTo(bob.describe());
        for (MoonsExperiment run : new MoonsExperiment[] {alice, bob}) {
            assertThat(run.splitSeed()).isEqualTo(run.dataSeed());
            assertThat(Arrays.stream(t.seedPairs("moons.runPool")).map(Arrays::toString).toList())
                    .as("the calibrated pool").contains(Arrays.toString(new long[] {run.dataSeed(), run.initSeed()}));
            assertThat(run.samples()).isEqualTo(course.samples());
            assertThat(run.epochs()).isEqualTo(course.epochs());
        }
    }
}
