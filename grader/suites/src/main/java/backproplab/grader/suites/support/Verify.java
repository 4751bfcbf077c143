package backproplab.grader.suites.support;

import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Assertions whose failure message is exactly what the student reads, in DESIGN.md's feedback style:
 * {@code "<Class.method> — <what>: expected …, got …"}, then the equation to check and a hint.
 * (AssertJ is used where its own message is already that clear.)
 */
public final class Verify {

    private Verify() {
    }

    /** Fails with {@code message} unless {@code condition}. */
    public static void that(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionError(message.get());
        }
    }

    /** Fails with {@code message}. */
    public static AssertionError fail(String message) {
        throw new AssertionError(message);
    }

    /**
     * {@code actual} equals {@code expected} within {@code tolerance} · max(1, |expected|) (NaN and infinities must
     * match exactly).
     *
     * @param method    e.g. {@code "Activations.sigmoid"}
     * @param what      e.g. {@code "sigmoid(2.0)"}
     * @param check     the equation or hint printed after the values, e.g. {@code "Check σ(z) = 1/(1 + e^(−z))."}
     */
    public static void close(double actual, double expected, double tolerance, String method, String what, String check) {
        if (!isClose(actual, expected, tolerance)) {
            throw new AssertionError(method + " — " + what + ": expected " + Feedback.num(expected) + ", got "
                    + Feedback.num(actual) + ".\n  " + check);
        }
    }

    /** {@code actual} equals {@code expected} within {@code relative} · |expected|: for values far below 1, such as σ(−500). */
    public static void closeRelative(double actual, double expected, double relative, String method, String what, String check) {
        boolean ok = Double.isFinite(expected) ? Math.abs(actual - expected) <= relative * Math.abs(expected)
                : Double.compare(actual, expected) == 0;
        if (!ok) {
            throw new AssertionError(method + " — " + what + ": expected " + Feedback.num(expected) + ", got "
                    + Feedback.num(actual) + ".\n  " + check);
        }
    }

    /** {@code true} if |actual − expected| ≤ tolerance · max(1, |expected|), or both are the same non-finite value. */
    public static boolean isClose(double actual, double expected, double tolerance) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            return Double.compare(actual, expected) == 0;
        }
        return Math.abs(actual - expected) <= tolerance * Math.max(1.0, Math.abs(expected));
    }

    /** The array is a matrix of shape (rows, cols). */
    public static void shape(INDArray actual, long rows, long cols, String method, String what, String check) {
        if (!Arrays2D.hasShape(actual, rows, cols)) {
            throw new AssertionError(method + " — " + what + " has the wrong shape.\n  expected "
                    + Feedback.shape(rows, cols) + ", got " + (actual == null ? "null" : Feedback.shape(actual)) + ".\n  " + check);
        }
    }

    /** Every element of {@code actual} (shape checked first) equals {@code expected} within the tolerance. */
    public static void matrix(INDArray actual, double[][] expected, double tolerance, String method, String what, String check) {
        shape(actual, expected.length, expected[0].length, method, what, check);
        double[][] values = Arrays2D.of(actual);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                if (!isClose(values[r][c], expected[r][c], tolerance)) {
                    notDouble(actual, method, what, check);
                    throw new AssertionError(method + " — " + what + " is wrong at [" + r + "," + c + "]: expected "
                            + Feedback.num(expected[r][c]) + ", got " + Feedback.num(values[r][c]) + ".\n  expected "
                            + Feedback.matrix(expected) + "\n  got      " + Feedback.matrix(values) + "\n  " + check);
                }
            }
        }
    }

    /**
     * Fails with a data-type message when {@code actual} is not a DOUBLE array: a FLOAT result differs from the
     * expected values after about 7 digits, and the student should read why before reading the values.
     */
    public static void notDouble(INDArray actual, String method, String what, String check) {
        if (actual != null && actual.dataType() != DataType.DOUBLE) {
            throw new AssertionError(method + " — " + what + " has the wrong data type: expected a DOUBLE array, got "
                    + actual.dataType() + " (" + actual.dataType() + " keeps only about " + (actual.dataType() == DataType.FLOAT ? "7" : "a few")
                    + " digits, so the values cannot match).\n  Create arrays as DOUBLE (Nd4j.create(double[][]), castTo(DataType.DOUBLE))"
                    + " and do not cast to FLOAT. " + check);
        }
    }

    /** The array still holds exactly {@code before} (the method under test must not change its input). */
    public static void unchanged(INDArray array, double[][] before, String method, String what) {
        double[][] now = Arrays2D.of(array);
        for (int r = 0; r < before.length; r++) {
            for (int c = 0; c < before[r].length; c++) {
                if (Double.compare(now[r][c], before[r][c]) != 0) {
                    throw new AssertionError(method + " — changed " + what + ", which belongs to the caller: at [" + r + "," + c
                            + "] expected " + Feedback.num(before[r][c]) + " (its value before the call), got " + Feedback.num(now[r][c]) + ".\n"
                            + "  Work on a copy: an in-place op (a name ending in i, such as addi or muli, or Transforms.*(…, false))"
                            + " on the caller's array changes it.");
                }
            }
        }
    }

    /**
     * The array still holds exactly {@code before}: {@code method} only reads it (a cache, a gradient, a returned
     * result), and {@code why} says whose it is and where the contract says so.
     */
    public static void untouched(INDArray array, double[][] before, String method, String what, String why) {
        if (array == null) {
            throw new AssertionError(method + " — " + what + " is gone (null) after the call; expected it unchanged.\n  " + why);
        }
        double[][] now = Arrays2D.of(array);
        for (int r = 0; r < before.length; r++) {
            for (int c = 0; c < before[r].length; c++) {
                if (Double.compare(now[r][c], before[r][c]) != 0) {
                    throw new AssertionError(method + " — changed " + what + " in place: at [" + r + "," + c + "] expected "
                            + Feedback.num(before[r][c]) + " (its value before the call), got " + Feedback.num(now[r][c]) + ".\n  "
                            + why + "\n  An in-place op (addi, subi, muli, rsubi, divi, or Transforms.*(…, false)) on that array changes"
                            + " it; use the copying form (add, sub, mul, rsub, div) or work on a dup().");
                }
            }
        }
    }

    /**
     * {@code result} is a new array, not {@code input} itself: the contract promises new arrays, so that the
     * caller may change either without changing the other.
     */
    public static void notSameArray(INDArray result, INDArray input, String method, String what, String check) {
        if (result != null && result == input) {
            throw new AssertionError(method + " — " + what + ": expected a new array, got the caller's own array back.\n  " + check);
        }
    }
}
