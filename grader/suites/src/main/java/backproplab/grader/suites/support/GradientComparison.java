package backproplab.grader.suites.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analytical gradients (the submission's backward pass) against numerical ones (the suite's own central
 * differences), element by element, in the spirit of DL4J's GradientCheckUtil: an element passes when its
 * relative error |a − n| / (|a| + |n|) is at most the limit, or its absolute error |a − n| is at most the
 * floor. {@link #report} prints one line per parameter with its worst element and a guess at the cause.
 */
public final class GradientComparison {

    /**
     * The limits of a gradient check.
     *
     * @param epsilon          the central-difference step ε
     * @param maxRelativeError an element passes when |a − n| / (|a| + |n|) ≤ this …
     * @param minAbsoluteError … or when |a − n| ≤ this
     */
    public record Limits(double epsilon, double maxRelativeError, double minAbsoluteError) {

        /** The limits in the thresholds file: gradient.epsilon, gradient.maxRelativeError, gradient.minAbsoluteError. */
        public static Limits fromThresholds() {
            Thresholds t = Thresholds.get();
            return new Limits(t.number("gradient.epsilon"), t.number("gradient.maxRelativeError"),
                    t.number("gradient.minAbsoluteError"));
        }

        /** "eps 1e-06, limit 1e-03 (or |a − n| ≤ 1e-08)". */
        public String describe() {
            return String.format(Locale.ROOT, "central differences with eps %.0e, limit %.0e on |a − n| / (|a| + |n|), or |a − n| ≤ %.0e",
                    epsilon, maxRelativeError, minAbsoluteError);
        }
    }

    /** |a − n| / (|a| + |n|), 0 when both are 0; NaN if either is NaN. */
    public static double relativeError(double analytical, double numerical) {
        double denominator = Math.abs(analytical) + Math.abs(numerical);
        if (Double.isNaN(denominator)) {
            return Double.NaN;
        }
        return denominator == 0 ? 0.0 : Math.abs(analytical - numerical) / denominator;
    }

    private final Map<String, double[][]> analytical;
    private final Map<String, double[][]> numerical;
    private final int batchSize;
    private final Limits limits;
    private final boolean scalars;

    private GradientComparison(Map<String, double[][]> analytical, Map<String, double[][]> numerical, int batchSize,
                               Limits limits, boolean scalars) {
        this.analytical = new LinkedHashMap<>(analytical);
        this.numerical = new LinkedHashMap<>(numerical);
        this.batchSize = batchSize;
        this.limits = limits;
        this.scalars = scalars;
        if (!analytical.keySet().equals(numerical.keySet())) {
            throw new IllegalArgumentException("analytical and numerical gradients name different parameters");
        }
    }

    /** Matrices of a {@code NeuralNetwork} (same names, same shapes), on a batch of {@code batchSize} samples. */
    public static GradientComparison ofMatrices(Map<String, double[][]> analytical, Map<String, double[][]> numerical,
                                                int batchSize, Limits limits) {
        return new GradientComparison(analytical, numerical, batchSize, limits, false);
    }

    /** Scalar parameters (the TinyNetwork's w1, b1, w2, b2), one sample. */
    public static GradientComparison ofScalars(Map<String, Double> analytical, Map<String, Double> numerical, Limits limits) {
        Map<String, double[][]> a = new LinkedHashMap<>();
        Map<String, double[][]> n = new LinkedHashMap<>();
        analytical.forEach((name, value) -> a.put(name, new double[][] {{value}}));
        numerical.forEach((name, value) -> n.put(name, new double[][] {{value}}));
        return new GradientComparison(a, n, 1, limits, true);
    }

    /** {@code true} if an element passes the limits (NaN never passes). */
    public boolean passes(double a, double n) {
        double absolute = Math.abs(a - n);
        return relativeError(a, n) <= limits.maxRelativeError() || absolute <= limits.minAbsoluteError();
    }

    /** {@code true} if every element of every parameter passes. */
    public boolean passed() {
        return failingParameters().isEmpty();
    }

    /** The parameters with at least one failing element, in order. */
    public List<String> failingParameters() {
        List<String> failing = new ArrayList<>();
        for (String name : analytical.keySet()) {
            if (failures(name) > 0) {
                failing.add(name);
            }
        }
        return failing;
    }

    /**
     * The message for a failed check: the headline, the limits, one line per parameter (worst element,
     * analytical, numerical, relative error, and a marked guess at the cause), how many elements failed,
     * then {@code advice}.
     */
    public String report(String headline, String advice) {
        StringBuilder out = new StringBuilder(headline).append('\n');
        out.append("  expected: your analytical gradients to match the numerical ones (central differences); got:\n");
        out.append("  (").append(limits.describe()).append(")\n");
        String format = "  %-6s %-10s %18s %18s %10s%s%n";
        out.append(String.format(Locale.ROOT, format, "param", scalars ? "" : "worst at", "analytical", "numerical", "rel. error", ""));
        int failed = 0;
        int total = 0;
        for (String name : analytical.keySet()) {
            double[][] a = analytical.get(name);
            double[][] n = numerical.get(name);
            int worstR = 0;
            int worstC = 0;
            double worst = -1;
            for (int r = 0; r < a.length; r++) {
                for (int c = 0; c < a[r].length; c++) {
                    total++;
                    double e = relativeError(a[r][c], n[r][c]);
                    boolean pass = passes(a[r][c], n[r][c]);
                    if (!pass) {
                        failed++;
                    }
                    double rank = Double.isNaN(e) ? 2 : pass ? e / 10 : e + 1;
                    if (rank > worst) {
                        worst = rank;
                        worstR = r;
                        worstC = c;
                    }
                }
            }
            boolean ok = failures(name) == 0;
            String mark = ok ? "   ok" : "   <-- " + guess(name, a, n);
            out.append(String.format(Locale.ROOT, format, name, scalars ? "" : name + "[" + worstR + "," + worstC + "]",
                    Feedback.num(a[worstR][worstC]), Feedback.num(n[worstR][worstC]),
                    Feedback.err(relativeError(a[worstR][worstC], n[worstR][worstC])), mark));
        }
        if (!scalars) {
            out.append(String.format(Locale.ROOT, "  %d of %d elements fail.%n", failed, total));
        }
        return out.append(advice).toString();
    }

    private int failures(String name) {
        double[][] a = analytical.get(name);
        double[][] n = numerical.get(name);
        int count = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                if (!passes(a[r][c], n[r][c])) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A guess at why one parameter's gradient is wrong, from how the analytical values relate to the numerical ones. */
    String guess(String name, double[][] a, double[][] n) {
        double aa = 0;
        double nn = 0;
        double an = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                if (!Double.isFinite(a[r][c])) {
                    return "not finite (" + a[r][c] + "): look for log(0), 0/0 or exp overflow";
                }
                aa += a[r][c] * a[r][c];
                nn += n[r][c] * n[r][c];
                an += a[r][c] * n[r][c];
            }
        }
        if (aa == 0) {
            return "all zero: is this gradient computed from the right values (and stored under this name)?";
        }
        if (nn == 0) {
            return "the loss does not change with " + name + " here, yet the gradient is not 0"
                    + " (is a derivative that should be 0 here, such as ReLU' for z ≤ 0, missing?)";
        }
        double ratio = an / nn;
        double residual = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                double d = a[r][c] - ratio * n[r][c];
                residual += d * d;
            }
        }
        boolean proportional = Math.sqrt(residual) <= 1e-3 * Math.sqrt(aa);
        if (proportional) {
            int m = batchSize;
            if (near(ratio, -1)) {
                return "sign flipped: is it Y − A instead of A − Y, or θ + α·g instead of θ − α·g somewhere?";
            }
            if (m > 1 && near(ratio, m)) {
                return name.startsWith("b")
                        ? "off by a factor of m = " + m + ": is db a sum over the samples instead of a mean?"
                        : "off by a factor of m = " + m + ": is the 1/m missing?";
            }
            if (m > 1 && near(ratio, 1.0 / m)) {
                return "off by a factor of 1/m = 1/" + m + ": is 1/m applied twice?";
            }
            if (near(ratio, 2) || near(ratio, 0.5)) {
                return String.format(Locale.ROOT, "off by a factor of %s: a stray 2 or ½?", Feedback.num(ratio));
            }
            return String.format(Locale.ROOT, "off by a constant factor %s", Feedback.num(ratio));
        }
        if (a.length == a[0].length && a.length > 1 && transposeMatches(a, n)) {
            return "these are the right values transposed: which factor of the product did you transpose?";
        }
        return "wrong values (no constant factor)";
    }

    private static boolean transposeMatches(double[][] a, double[][] n) {
        double diff = 0;
        double norm = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[r].length; c++) {
                diff += (a[r][c] - n[c][r]) * (a[r][c] - n[c][r]);
                norm += n[c][r] * n[c][r];
            }
        }
        return Math.sqrt(diff) <= 1e-3 * Math.sqrt(norm);
    }

    private static boolean near(double value, double target) {
        return Math.abs(value - target) <= 0.02 * Math.abs(target);
    }
}
