package backproplab.scoring;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ND4J's shape errors and says, in the course's words, which shapes met and what they should have been:
 * {@code "Cannot execute matrix multiplication: [1, 8]x[2, 320]: …"} becomes
 * {@code "a matrix product (1 × 8) · (2 × 320): the left factor has 8 columns but the right one has 2 rows — expected
 * the right factor to be (8 × 320), or the left one to be (1 × 2)"}.
 */
final class ShapeErrors {

    private static final Pattern MMUL = Pattern.compile("matrix multiplication: \\[(\\d+), (\\d+)]x\\[(\\d+), (\\d+)]");
    private static final Pattern GEMM = Pattern.compile("op type \\[matmul] execution failed|Op \\[matmul] execution failed");
    private static final Pattern ELEMENTWISE = Pattern.compile(
            "operation \"(\\w+)\" - shapes are not equal and are not broadcastable\\.first\\.shape=\\[([\\d, ]*)], second\\.shape=\\[([\\d, ]*)]");
    private static final Pattern COLUMN_VECTOR = Pattern.compile("Mismatched shapes \\(shape = \\[([\\d, ]*)], (column|row) vector shape =\\[([\\d, ]*)]\\)");
    private static final Pattern INDEX = Pattern.compile("Index \\[(\\d+)] must not be >= shape\\[(\\d+)]=(\\d+)");

    private ShapeErrors() {
    }

    /**
     * The shapes of an ND4J error in words, if the exception (or one of its causes) is one.
     *
     * @param failure what the student's code threw
     * @return one or two lines without a trailing line end, or empty for any other exception
     */
    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> explained = explain(t.getMessage() == null ? "" : t.getMessage());
            if (explained.isPresent()) {
                return explained;
            }
        }
        return Optional.empty();
    }

    static Optional<String> explain(String message) {
        Matcher m = MMUL.matcher(message);
        if (m.find()) {
            String r1 = m.group(1);
            String c1 = m.group(2);
            String r2 = m.group(3);
            String c2 = m.group(4);
            return Optional.of("A matrix product with shapes that do not fit: (" + r1 + " × " + c1 + ") · (" + r2 + " × " + c2 + ").\n"
                    + "  The left factor has " + c1 + " columns but the right one has " + r2 + " rows; they must be equal: expected the"
                    + " right factor to be (" + c1 + " × " + c2 + "), or the left one to be (" + r1 + " × " + r2 + ")."
                    + " Is a factor transposed, or the wrong array?");
        }
        if (GEMM.matcher(message).find()) {
            return Optional.of("A matrix product (Nd4j.gemm or mmul) with shapes that do not fit: the columns of the left factor"
                    + " (after its transpose flag) must equal the rows of the right one. Print the shapes of both factors.");
        }
        m = ELEMENTWISE.matcher(message);
        if (m.find()) {
            return Optional.of("An element-wise " + m.group(1).replaceAll("i$", "") + " of two arrays of different shapes: "
                    + shape(m.group(2)) + " and " + shape(m.group(3)) + ".\n  Element-wise operations need equal shapes"
                    + " (or a row or column vector that broadcasts): expected both to be " + shape(m.group(2)) + ".");
        }
        m = COLUMN_VECTOR.matcher(message);
        if (m.find()) {
            String matrix = shape(m.group(1));
            boolean column = m.group(2).equals("column");
            String[] sizes = m.group(1).split(",\\s*");
            String expected = sizes.length == 2 ? (column ? "(" + sizes[0].strip() + " × 1)" : "(1 × " + sizes[1].strip() + ")") : "a vector";
            return Optional.of("A " + m.group(2) + " vector of shape " + shape(m.group(3)) + " added to (or combined with) every "
                    + m.group(2) + " of a " + matrix + " matrix: expected the vector to be " + expected + ".");
        }
        m = INDEX.matcher(message);
        if (m.find()) {
            return Optional.of("An index out of range: " + m.group(1) + " along dimension " + m.group(2) + ", which has only "
                    + m.group(3) + " entries (0 … " + (Integer.parseInt(m.group(3)) - 1) + ").");
        }
        return Optional.empty();
    }

    private static String shape(String commaSeparated) {
        return "(" + commaSeparated.strip().replaceAll(",\\s*", " × ") + ")";
    }
}
