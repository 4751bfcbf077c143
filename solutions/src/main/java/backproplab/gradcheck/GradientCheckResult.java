package backproplab.gradcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a gradient check: one {@link Row} per checked value, comparing the analytical
 * gradient (backpropagation) with the numerical one (central differences).
 *
 * <p>A row's name is free text: a scalar parameter ({@code "w1"}), one element of a matrix
 * ({@code "W1[0,1]"}) or a whole matrix summarised by its worst element ({@code "W1"}). Rows whose
 * names differ only in a trailing {@code [...]} index belong to the same parameter; see
 * {@link #summary()}.
 *
 * <p>A row passes when its relative error is at most {@link #MAX_RELATIVE_ERROR} <em>or</em> its
 * absolute error is at most {@link #MIN_ABSOLUTE_ERROR}: when both gradients are tiny (say 1e-12
 * and 3e-12) the relative error is large but meaningless, as in DL4J's GradientCheckUtil.
 * Immutable.
 */
public final class GradientCheckResult {

    /** Default step ε for central differences (f(θ+ε) − f(θ−ε)) / 2ε. */
    public static final double EPSILON = 1e-6;
    /** Default limit on |a − n| / (|a| + |n|) for a row to pass. */
    public static final double MAX_RELATIVE_ERROR = 1e-3;
    /** Default absolute error |a − n| below which a row passes whatever its relative error. */
    public static final double MIN_ABSOLUTE_ERROR = 1e-8;

    private static final String MISMATCH_MARK = "  <-- mismatch";

    private final List<Row> rows;

    /**
     * @param rows the checked values, in the order they should be printed; at least one
     * @throws IllegalArgumentException if {@code rows} is empty
     */
    public GradientCheckResult(List<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("A gradient check needs at least one row; none were given.");
        }
        this.rows = List.copyOf(rows);
    }

    /** Every row, in order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The row with exactly this name.
     *
     * @throws IllegalArgumentException if there is none (the message lists the names there are)
     */
    public Row row(String parameter) {
        return rows.stream()
                .filter(row -> row.parameter().equals(parameter))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No gradient-check row named '" + parameter + "'; rows are " + names(rows) + "."));
    }

    /** {@code true} if every row passes with the default limits. */
    public boolean passed() {
        return passed(MAX_RELATIVE_ERROR, MIN_ABSOLUTE_ERROR);
    }

    /** {@code true} if every row has relative error ≤ {@code maxRelativeError} or absolute error ≤ {@code minAbsoluteError}. */
    public boolean passed(double maxRelativeError, double minAbsoluteError) {
        return failures(maxRelativeError, minAbsoluteError).isEmpty();
    }

    /** The rows that fail with the default limits. */
    public List<Row> failures() {
        return failures(MAX_RELATIVE_ERROR, MIN_ABSOLUTE_ERROR);
    }

    /** The rows that fail: relative error above {@code maxRelativeError} and absolute error above {@code minAbsoluteError} (or NaN). */
    public List<Row> failures(double maxRelativeError, double minAbsoluteError) {
        return rows.stream().filter(row -> !row.passes(maxRelativeError, minAbsoluteError)).toList();
    }

    /** The row with the largest relative error (a NaN error counts as the largest). */
    public Row worst() {
        return rows.stream().max(BY_RELATIVE_ERROR).orElseThrow();
    }

    /**
     * One line per parameter: rows named {@code "W1[0,0]"}, {@code "W1[0,1]"}, … are grouped under
     * {@code "W1"} with their worst row; a scalar row is its own group. In order of first appearance.
     */
    public List<ParameterSummary> summary() {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            groups.computeIfAbsent(row.parameterGroup(), key -> new ArrayList<>()).add(row);
        }
        return groups.entrySet().stream()
                .map(e -> new ParameterSummary(e.getKey(), e.getValue().size(),
                        e.getValue().stream().max(BY_RELATIVE_ERROR).orElseThrow()))
                .toList();
    }

    /** The notebook's table (Parameter, Analytical, Numerical, Rel. error), failing rows marked, default limits. */
    public String table() {
        return table(MAX_RELATIVE_ERROR, MIN_ABSOLUTE_ERROR);
    }

    /** The notebook's table, marking the rows that fail with the given limits. */
    public String table(double maxRelativeError, double minAbsoluteError) {
        int nameWidth = Math.max("Parameter".length(), rows.stream().mapToInt(r -> r.parameter().length()).max().orElse(0));
        String header = String.format(Locale.ROOT, "%-" + nameWidth + "s %16s %16s %11s", "Parameter", "Analytical", "Numerical", "Rel. error");
        String rule = "=".repeat(header.length());
        StringBuilder out = new StringBuilder(rule).append('\n').append(header).append('\n').append(rule).append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "%-" + nameWidth + "s %16s %16s %11s",
                    row.parameter(), gradient(row.analytical()), gradient(row.numerical()), error(row.relativeError())));
            if (!row.passes(maxRelativeError, minAbsoluteError)) {
                out.append(MISMATCH_MARK);
            }
            out.append('\n');
        }
        return out.append(rule).toString();
    }

    /** Per-parameter summary table: worst row of each parameter and how many values were checked. */
    public String summaryTable() {
        List<ParameterSummary> summary = summary();
        int nameWidth = Math.max("Parameter".length(), summary.stream().mapToInt(s -> s.parameter().length()).max().orElse(0));
        int worstWidth = Math.max("Worst at".length(), summary.stream().mapToInt(s -> s.worst().parameter().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s %8s %-" + worstWidth + "s %16s %16s %11s";
        String header = String.format(Locale.ROOT, format, "Parameter", "Values", "Worst at", "Analytical", "Numerical", "Rel. error");
        String rule = "=".repeat(header.length());
        StringBuilder out = new StringBuilder(rule).append('\n').append(header).append('\n').append(rule).append('\n');
        for (ParameterSummary s : summary) {
            Row w = s.worst();
            out.append(String.format(Locale.ROOT, format, s.parameter(), s.values(), w.parameter(),
                    gradient(w.analytical()), gradient(w.numerical()), error(w.relativeError()))).append('\n');
        }
        return out.append(rule).toString();
    }

    /** One line: "✅ Gradients match! …" or "❌ Gradients don't match! Check w1, b2: …", default limits. */
    public String verdict() {
        return verdict(MAX_RELATIVE_ERROR, MIN_ABSOLUTE_ERROR);
    }

    /** One line saying whether every row passes with the given limits and, if not, which parameters to check. */
    public String verdict(double maxRelativeError, double minAbsoluteError) {
        Row worst = worst();
        String where = String.format(Locale.ROOT, "largest relative error %s at %s; limit %s, or absolute error ≤ %s",
                error(worst.relativeError()), worst.parameter(), error(maxRelativeError), error(minAbsoluteError));
        List<Row> failures = failures(maxRelativeError, minAbsoluteError);
        if (failures.isEmpty()) {
            return "✅ Gradients match! Backpropagation is implemented correctly (" + where + ").";
        }
        String suspects = failures.stream().map(Row::parameterGroup).distinct().collect(Collectors.joining(", "));
        return "❌ Gradients don't match! Check " + suspects + " (" + where + ").";
    }

    /** The table followed by the verdict. */
    @Override
    public String toString() {
        return table() + "\n" + verdict();
    }

    private static final Comparator<Row> BY_RELATIVE_ERROR = Comparator.comparingDouble(
            row -> Double.isNaN(row.relativeError()) ? Double.POSITIVE_INFINITY : row.relativeError());

    private static String names(List<Row> rows) {
        return rows.stream().map(Row::parameter).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String gradient(double value) {
        double magnitude = Math.abs(value);
        boolean plain = value == 0.0 || (magnitude >= 1e-4 && magnitude < 1e6);
        return String.format(Locale.ROOT, plain ? "%.8f" : "%.6e", value);
    }

    private static String error(double value) {
        return String.format(Locale.ROOT, "%.1e", value);
    }

    /**
     * One checked value.
     *
     * @param parameter     free-text name: {@code "w1"}, {@code "W1[0,1]"} or {@code "W1"}
     * @param analytical    the gradient from backpropagation
     * @param numerical     the gradient from central differences
     * @param relativeError |a − n| / (|a| + |n|)
     * @param absoluteError |a − n|
     */
    public record Row(String parameter, double analytical, double numerical, double relativeError, double absoluteError) {

        /** Checks that the row has a name; the numbers are taken as given (see {@link #of} to compute the errors). */
        public Row {
            Objects.requireNonNull(parameter, "parameter");
            if (parameter.isBlank()) {
                throw new IllegalArgumentException("A gradient-check row needs a parameter name.");
            }
        }

        /** A row whose errors are computed here: relative error by {@link RelativeError#of}, absolute error |a − n|. */
        public static Row of(String parameter, double analytical, double numerical) {
            return new Row(parameter, analytical, numerical,
                    RelativeError.of(analytical, numerical), Math.abs(analytical - numerical));
        }

        /** {@code true} if relative error ≤ {@code maxRelativeError} or absolute error ≤ {@code minAbsoluteError} (NaN never passes). */
        public boolean passes(double maxRelativeError, double minAbsoluteError) {
            return relativeError <= maxRelativeError || absoluteError <= minAbsoluteError;
        }

        /** The parameter this row belongs to: the name without a trailing {@code [...]} index ("W1[0,1]" → "W1"). */
        public String parameterGroup() {
            int bracket = parameter.indexOf('[');
            return bracket > 0 && parameter.endsWith("]") ? parameter.substring(0, bracket) : parameter;
        }
    }

    /**
     * All rows of one parameter, summarised.
     *
     * @param parameter the parameter group, e.g. {@code "W1"}
     * @param values    how many rows were checked for it
     * @param worst     its row with the largest relative error
     */
    public record ParameterSummary(String parameter, int values, Row worst) {
    }
}
