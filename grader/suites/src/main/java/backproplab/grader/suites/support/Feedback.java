package backproplab.grader.suites.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Formatting shared by the hidden suites' messages, so that every message prints numbers, shapes and small
 * matrices the same way (DESIGN.md, "Feedback style").
 */
public final class Feedback {

    private Feedback() {
    }

    /** A number with 10 significant digits, e.g. {@code 0.1234567890} or {@code 1.234567890e-08}. */
    public static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0.0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e6
                ? String.format(Locale.ROOT, "%.10f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0")
                : String.format(Locale.ROOT, "%.9e", value);
    }

    /** A relative error, e.g. {@code 3.2e-04}. */
    public static String err(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.1e", value);
    }

    /** The shape of an array as {@code (rows, cols)}, or {@code null} for a missing array. */
    public static String shape(INDArray array) {
        if (array == null) {
            return "null";
        }
        return shape(array.shape());
    }

    /** A shape as {@code (rows, cols)}. */
    public static String shape(long... shape) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (long size : shape) {
            joiner.add(Long.toString(size));
        }
        return joiner.toString();
    }

    /** Layer sizes as {@code [3, 5, 2, 1]}. */
    public static String sizes(int[] layerSizes) {
        return Arrays.toString(layerSizes);
    }

    /** A small matrix, row by row: {@code [[0.1, 0.2], [0.3, 0.4]]}; big ones are cut. */
    public static String matrix(double[][] values) {
        StringJoiner rows = new StringJoiner(", ", "[", "]");
        for (int r = 0; r < Math.min(values.length, 6); r++) {
            StringJoiner row = new StringJoiner(", ", "[", "]");
            for (int c = 0; c < Math.min(values[r].length, 8); c++) {
                row.add(num(values[r][c]));
            }
            if (values[r].length > 8) {
                row.add("…");
            }
            rows.add(row.toString());
        }
        if (values.length > 6) {
            rows.add("…");
        }
        return rows.toString();
    }

    /** A row of numbers: {@code [0.1, 0.2]}; long ones are cut. */
    public static String vector(double[] values) {
        StringJoiner row = new StringJoiner(", ", "[", "]");
        for (int c = 0; c < Math.min(values.length, 12); c++) {
            row.add(num(values[c]));
        }
        if (values.length > 12) {
            row.add("…");
        }
        return row.toString();
    }

    /** An array's values as a small matrix, or its shape when it is not a matrix. */
    public static String matrix(INDArray array) {
        if (array == null) {
            return "null";
        }
        if (array.rank() != 2) {
            return "an array of shape " + shape(array);
        }
        return matrix(Arrays2D.of(array));
    }
}
