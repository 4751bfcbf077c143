package backproplab.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The glibc ports give the C library's log, cos and sin bit for bit")
class GlibcMathTest {

    @Test
    @DisplayName("GlibcLog.log equals the C library's log on every golden argument")
    void logEqualsLibm() {
        List<String> differences = new ArrayList<>();
        List<String[]> rows = Golden.rows("libm_log.csv");
        for (String[] row : rows) {
            double x = Double.parseDouble(row[0]);
            double expected = Double.parseDouble(row[1]);
            double actual = GlibcLog.log(x);
            if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
                differences.add("log(" + row[0] + "): libm " + expected + ", Java " + actual);
            }
        }
        assertThat(rows.size()).as("number of golden log arguments").isGreaterThan(4000);
        assertThat(differences).as("arguments where GlibcLog.log differs from glibc's log").isEmpty();
    }

    @Test
    @DisplayName("GlibcTrig.cos and sin equal numpy's np.cos and np.sin on every golden argument")
    void trigEqualsNumpy() {
        List<String> differences = new ArrayList<>();
        List<String[]> rows = Golden.rows("libm_trig.csv");
        for (String[] row : rows) {
            double x = Double.parseDouble(row[0]);
            double cos = GlibcTrig.cos(x);
            double sin = GlibcTrig.sin(x);
            if (Double.doubleToRawLongBits(cos) != Double.doubleToRawLongBits(Double.parseDouble(row[1]))) {
                differences.add("cos(" + row[0] + "): numpy " + row[1] + ", Java " + cos);
            }
            if (Double.doubleToRawLongBits(sin) != Double.doubleToRawLongBits(Double.parseDouble(row[2]))) {
                differences.add("sin(" + row[0] + "): numpy " + row[2] + ", Java " + sin);
            }
        }
        assertThat(rows.size()).as("number of golden trig arguments").isGreaterThan(4000);
        assertThat(differences).as("arguments where the glibc sin/cos port differs from numpy").isEmpty();
    }

    @Test
    @DisplayName("special values: log(1) = 0, log(0) = -inf, log of a negative is NaN, cos(0) = 1, sin(-0.0) = -0.0")
    void specialValues() {
        assertThat(GlibcLog.log(1.0)).as("log(1)").isEqualTo(0.0);
        assertThat(GlibcLog.log(0.0)).as("log(0)").isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(GlibcLog.log(-1.0)).as("log(-1)").isNaN();
        assertThat(GlibcLog.log(Double.POSITIVE_INFINITY)).as("log(inf)").isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(GlibcTrig.cos(0.0)).as("cos(0)").isEqualTo(1.0);
        assertThat(Double.doubleToRawLongBits(GlibcTrig.sin(-0.0))).as("bits of sin(-0.0)")
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(GlibcTrig.cos(Double.NaN)).as("cos(NaN)").isNaN();
        assertThat(GlibcTrig.sin(Double.POSITIVE_INFINITY)).as("sin(inf)").isNaN();
    }
}
