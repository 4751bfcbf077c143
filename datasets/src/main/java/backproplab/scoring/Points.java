package backproplab.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding and printing of points, shared by every report so that they all show the same numbers.
 */
public final class Points {

    private static final double SCALE = 1e6;

    private Points() {
    }

    /**
     * Rounds to 6 decimals, so that {@code 0.1 × 3} points is {@code 0.3} and sums do not drift.
     *
     * @param points any finite number
     * @return {@code points} rounded half-up to 6 decimals
     */
    public static double round(double points) {
        return Math.round(points * SCALE) / SCALE;
    }

    /**
     * Prints points for people: at least one and at most two decimals.
     *
     * @param points any finite number
     * @return for example {@code "87.0"}, {@code "1.5"}, {@code "0.33"}
     */
    public static String format(double points) {
        BigDecimal value = BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (value.scale() < 1) {
            value = value.setScale(1, RoundingMode.UNNECESSARY);
        }
        return value.toPlainString();
    }
}
