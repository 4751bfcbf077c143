package backproplab.gradcheck;

import backproplab.scoring.Graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Graded(points = 1, task = "gradcheck")
@DisplayName("Exercise 4 — relative error |a − n| / (|a| + |n|)")
class RelativeErrorTest {

    private static final String DOC = "docs/04-gradient-check.md#relative-error";

    @ParameterizedTest(name = "a = {0}, n = {1}")
    @CsvSource({
        "2.0, 1.0",
        "1.0, 2.0",
        "-0.5, -0.25",
        "0.030, 0.0300003",
        "1e-9, 3e-9",
        "7.0, -7.0",
        "0.0, 0.001",
    })
    @DisplayName("of(a, n) is |a − n| / (|a| + |n|)")
    void formula(double a, double n) {
        double expected = Math.abs(a - n) / (Math.abs(a) + Math.abs(n));

        assertThat(RelativeError.of(a, n))
                .as("RelativeError.of(%s, %s): expected |a − n| / (|a| + |n|) = %s — absolute values in the denominator, added (%s)", a, n, expected, DOC)
                .isCloseTo(expected, within(1e-15));
    }

    @Test
    @DisplayName("of(0, 0) is 0, not NaN: two zero gradients agree")
    void bothZero() {
        double result = RelativeError.of(0.0, 0.0);

        assertThat(result).as("RelativeError.of(0, 0): expected 0, got %s — guard the 0/0 case (%s)", result, DOC).isEqualTo(0.0);
    }

    @Test
    @DisplayName("of(a, n) is 0 for equal values and 1 for opposite signs")
    void extremes() {
        assertThat(RelativeError.of(-3.25, -3.25)).as("RelativeError.of(−3.25, −3.25): expected 0 (%s)", DOC).isEqualTo(0.0);
        assertThat(RelativeError.of(0.4, -0.4)).as("RelativeError.of(0.4, −0.4): expected 1 — a sign error is the largest error there is (%s)", DOC)
                .isCloseTo(1.0, within(1e-15));
    }
}
