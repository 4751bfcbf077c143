package backproplab.grader.suites.support;

import backproplab.runtime.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between plain {@code double[][]} (row-major) and DOUBLE INDArrays, element by element. */
public final class Arrays2D {

    private Arrays2D() {
    }

    /** The values of a rank-2 array, read with {@code getDouble(r, c)} so that any ordering or view works. */
    public static double[][] of(INDArray array) {
        if (array.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix (rank 2), got shape " + Feedback.shape(array));
        }
        int rows = (int) array.size(0);
        int cols = (int) array.size(1);
        double[][] values = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                values[r][c] = array.getDouble(r, c);
            }
        }
        return values;
    }

    /** A new DOUBLE array with these values. */
    public static INDArray array(double[][] values) {
        Backend.init();
        INDArray array = Nd4j.create(DataType.DOUBLE, values.length, values[0].length);
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[0].length; c++) {
                array.putScalar(r, c, values[r][c]);
            }
        }
        return array;
    }

    /** A new DOUBLE row vector (1 × n). */
    public static INDArray row(double... values) {
        return array(new double[][] {values});
    }

    /** A deep copy. */
    public static double[][] copy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /** The transpose. */
    public static double[][] transpose(double[][] values) {
        double[][] t = new double[values[0].length][values.length];
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[0].length; c++) {
                t[c][r] = values[r][c];
            }
        }
        return t;
    }

    /** {@code true} if the array is a rank-2 array of this shape. */
    public static boolean hasShape(INDArray array, long rows, long cols) {
        return array != null && array.rank() == 2 && array.size(0) == rows && array.size(1) == cols;
    }

    /** The largest |a − b| over all elements (arrays of the same shape). */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                double d = Math.abs(a[r][c] - b[r][c]);
                max = Double.isNaN(d) ? Double.NaN : Math.max(max, d);
                if (Double.isNaN(max)) {
                    return max;
                }
            }
        }
        return max;
    }

    /** {@code true} if every element is finite. */
    public static boolean allFinite(double[][] values) {
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
