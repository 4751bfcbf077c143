package backproplab.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the golden files that generate_golden.py wrote from numpy (src/test/resources/golden). */
public final class Golden {

    private Golden() {
    }

    /** The data lines of a golden file (comment lines starting with # dropped), split at commas. */
    public static List<String[]> rows(String file) {
        String resource = "/golden/" + file;
        InputStream in = Golden.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("golden file " + resource + " is missing; regenerate it with "
                    + "python3 generate_golden.py in datasets/src/test/resources/golden");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The golden make_moons file for these arguments, as a data set. */
    public static Dataset moons(int samples, double noise, long seed) {
        List<String[]> rows = rows("moons_" + samples + "_" + noise + "_" + seed + ".csv");
        double[][] x = new double[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            x[i] = new double[] {Double.parseDouble(row[0]), Double.parseDouble(row[1])};
            y[i] = Integer.parseInt(row[2]);
        }
        return new Dataset(x, y);
    }

    public static double[] doubles(String spaceSeparated) {
        if (spaceSeparated.isEmpty()) {
            return new double[0];
        }
        String[] parts = spaceSeparated.split(" ");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    public static long[] longs(String spaceSeparated) {
        if (spaceSeparated.isEmpty()) {
            return new long[0];
        }
        String[] parts = spaceSeparated.split(" ");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    public static int[] ints(String spaceSeparated) {
        long[] values = longs(spaceSeparated);
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = Math.toIntExact(values[i]);
        }
        return ints;
    }

    /** Index of the first double whose bits differ, or -1 when all are bit-identical and the lengths match. */
    public static int firstBitDifference(double[] expected, double[] actual) {
        int n = Math.min(expected.length, actual.length);
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
                return i;
            }
        }
        return expected.length == actual.length ? -1 : n;
    }

    /** A one-line description of the difference at index i for assertion messages. */
    public static String describeDifference(double[] expected, double[] actual, int i) {
        if (i < 0) {
            return "no difference";
        }
        if (i >= expected.length || i >= actual.length) {
            return "lengths differ: expected " + expected.length + " values, got " + actual.length;
        }
        return "first difference at index " + i + ": numpy gave " + expected[i] + " ("
                + Double.toHexString(expected[i]) + "), Java gave " + actual[i] + " (" + Double.toHexString(actual[i])
                + ")";
    }
}
