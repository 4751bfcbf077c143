package backproplab.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ND4J's shape errors and says, in the course's words, which shapes met and what they should have been:
 * {@code "Cannot execute matrix multiplication: [1, 8]x[2, 320]: …"} becomes
 * {@code "A matrix product with shapes that do not fit: (1 × 8) · (2 × 320). The left factor has 8 columns but the right
 * one has 2 rows …"}. Where the test said which network it handed over ({@link KnownShapes}) and the error came from
 * {@code NeuralNetwork.forward} or {@code backward}, the factors are named by the equation: {@code "W2 · A1: (1 × 8) ·
 * (2 × 320) — expected A1 to be (8 × 320), that is (n_1 × m); (2 × 320) is the shape of X (A0)"}.
 *
 * <p>ND4J 1.0.0-M2.1's messages, pinned by {@code Nd4jShapeMessagesTest}: {@code mmul} says both shapes; {@code Nd4j.gemm}
 * only says "Op [matmul] execution failed" and logs the shapes (with its transpose flags) on standard error, which
 * {@link #withLoggedMatmul(String, String)} reads; element-wise {@code add}, {@code sub}, {@code mul} (and their in-place
 * forms) say both shapes; an in-place operation whose broadcast result does not fit its array says both;
 * {@code addColumnVector}/{@code addRowVector} say the matrix and the vector.
 */
final class ShapeErrors {

    private static final Pattern MMUL = Pattern.compile("matrix multiplication: \\[(\\d+), (\\d+)]x\\[(\\d+), (\\d+)]");
    private static final Pattern GEMM = Pattern.compile("op type \\[matmul] execution failed|Op \\[matmul] execution failed");
    /** ND4J's log line of a failed matmul: the two inputs' shapes, and the transpose flags as the first two iArgs. */
    private static final Pattern LOGGED_MATMUL = Pattern.compile("Failed to execute op matmul\\..*?Inputs: \\[\\(\\w+,\\[(\\d+),(\\d+)],\\w\\),"
            + " \\(\\w+,\\[(\\d+),(\\d+)],\\w\\)].*?iArgs: \\[(\\d), (\\d)");
    private static final Pattern ELEMENTWISE = Pattern.compile(
            "operation \"(\\w+)\" - shapes are not equal and are not broadcastable\\.first\\.shape=\\[([\\d, ]*)], second\\.shape=\\[([\\d, ]*)]");
    private static final Pattern IN_PLACE = Pattern.compile("in-place operation \"(\\w+)\": result array shape does not match the broadcast"
            + " operation output shape: \\[([\\d, ]*)]\\.\\w+\\(\\[([\\d, ]*)]\\) != \\[([\\d, ]*)]");
    private static final Pattern COLUMN_VECTOR = Pattern.compile("Mismatched shapes \\(shape = \\[([\\d, ]*)], (column|row) vector shape =\\[([\\d, ]*)]\\)");
    private static final Pattern INDEX = Pattern.compile("Index \\[(\\d+)] must not be >= shape\\[(\\d+)]=(\\d+)");

    /** The generic text of a gemm error, before the logged shapes replace it. */
    static final String GEMM_WITHOUT_SHAPES = "A matrix product (Nd4j.gemm or mmul) with shapes that do not fit: the columns of the left"
            + " factor (after its transpose flag) must equal the rows of the right one. Print the shapes of both factors.";

    private ShapeErrors() {
    }

    /**
     * The shapes of an ND4J error in words, if the exception (or one of its causes) is one.
     *
     * @param failure what the student's code threw
     * @param method  the student method it came from, {@code SimpleClass.method} ({@code ""} if unknown)
     * @return one or more lines without a trailing line end, or empty for any other exception
     */
    static Optional<String> explain(Throwable failure, String method) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> explained = explain(t.getMessage() == null ? "" : t.getMessage(), method);
            if (explained.isPresent()) {
                return explained;
            }
        }
        return Optional.empty();
    }

    static Optional<String> explain(Throwable failure) {
        return explain(failure, "");
    }

    static Optional<String> explain(String message) {
        return explain(message, "");
    }

    static Optional<String> explain(String message, String method) {
        Matcher m = MMUL.matcher(message);
        if (m.find()) {
            return Optional.of(product(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), method));
        }
        if (GEMM.matcher(message).find()) {
            return Optional.of(GEMM_WITHOUT_SHAPES);
        }
        m = IN_PLACE.matcher(message);
        if (m.find()) {
            String op = m.group(1).replaceAll("i$", "");
            return Optional.of("An in-place " + op + " (" + m.group(1) + ") of a " + shape(m.group(2)) + " array with a " + shape(m.group(3))
                    + " one: the result would have the shape " + shape(m.group(3)) + ", which does not fit into the " + shape(m.group(2))
                    + " array that " + m.group(1) + " changes in place.\n  Expected both to be " + shape(m.group(3)) + ", or write the"
                    + " larger array first (or use " + op + ", which makes a new array).");
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

    /**
     * A failure message that explains a gemm error without shapes, with the shapes ND4J logged for it (in what the test
     * printed) put in: {@code Nd4j.gemm}'s exception carries no shapes, but its log line does.
     *
     * @param message the failure's message, as {@link FailureMessages#describe} wrote it
     * @param printed what the test printed on standard output and error
     * @return the message with the shapes, or the message unchanged when it is no gemm error or nothing was logged
     */
    static String withLoggedMatmul(String message, String printed) {
        if (message == null || printed == null || !message.contains(GEMM_WITHOUT_SHAPES)) {
            return message;
        }
        Matcher m = LOGGED_MATMUL.matcher(printed);
        if (!m.find()) {
            return message;
        }
        long r1 = Long.parseLong(m.group(1));
        long c1 = Long.parseLong(m.group(2));
        long r2 = Long.parseLong(m.group(3));
        long c2 = Long.parseLong(m.group(4));
        boolean transposeLeft = m.group(5).equals("1");
        boolean transposeRight = m.group(6).equals("1");
        String method = message.contains(" threw an exception") ? message.substring(0, message.indexOf(" threw an exception")) : "";
        String explained = product(transposeLeft ? c1 : r1, transposeLeft ? r1 : c1, transposeRight ? c2 : r2, transposeRight ? r2 : c2, method);
        String flags = transposeLeft || transposeRight ? "\n  (Shapes after gemm's transpose flags: the left factor " + shape(r1, c1)
                + (transposeLeft ? " transposed" : "") + ", the right one " + shape(r2, c2) + (transposeRight ? " transposed" : "") + ".)" : "";
        return message.replace(GEMM_WITHOUT_SHAPES, explained + flags);
    }

    /** A matrix product (r1 × c1) · (r2 × c2) whose inner sizes differ, with its factors named where the network is known. */
    static String product(long r1, long c1, long r2, long c2, String method) {
        String generic = "The left factor has " + c1 + " columns but the right one has " + r2 + " rows; they must be equal: expected the"
                + " right factor to be " + shape(c1, c2) + ", or the left one to be " + shape(r1, r2) + ".";
        Optional<String> named = KnownShapes.network().flatMap(n -> named(n, method, r1, c1, r2, c2));
        if (named.isPresent()) {
            return "A matrix product with shapes that do not fit, " + named.get() + "\n  " + generic;
        }
        return "A matrix product with shapes that do not fit: " + shape(r1, c1) + " · " + shape(r2, c2) + ".\n  " + generic
                + " Is a factor transposed, or the wrong array?";
    }

    /** The factors named by the method's equation, for the shapes that met: {@code "W2 · A1: … — expected A1 to be …"}. */
    private static Optional<String> named(KnownShapes.Network n, String method, long r1, long c1, long r2, long c2) {
        long m = n.batch();
        String shapes = shape(r1, c1) + " · " + shape(r2, c2);
        if (method.equals("NeuralNetwork.forward")) {
            // Z_i = W_i · A_{i−1}: the left factor is W_i, the right must be A_{i−1}, (n_{i−1} × m).
            List<Integer> layers = layers(n, i -> n.n(i) == r1 && n.n(i - 1) == c1);
            if (!layers.isEmpty()) {
                String products = alternatives(layers, i -> "W" + i + " · A" + (i - 1));
                String expected = alternatives(layers, i -> "A" + (i - 1));
                List<String> names = layers.stream().map(i -> "A" + (i - 1)).toList();
                return Optional.of(products + ": " + shapes + " — expected " + expected + " to be " + shape(c1, m)
                        + ", that is (n_" + (layers.get(0) - 1) + " × m)" + whatHas(n, r2, c2, names));
            }
            Optional<Integer> layer = onlyLayer(n, i -> n.n(i - 1) == r2 && m == c2);
            if (layer.isPresent()) {
                int i = layer.get();
                return Optional.of("W" + i + " · A" + (i - 1) + ": " + shapes + " — expected W" + i + " to be " + shape(n.n(i), n.n(i - 1))
                        + ", that is (n_" + i + " × n_" + (i - 1) + ")" + whatHas(n, r1, c1, List.of("W" + i)));
            }
        }
        if (method.equals("NeuralNetwork.backward")) {
            // dW_i = dZ_i · A_{i−1}ᵀ: left (n_i × m), right (m × n_{i−1}).
            Optional<Integer> layer = onlyLayer(n, i -> n.n(i) == r1 && c1 == m && r2 == n.n(i - 1) && c2 == m);
            if (layer.isPresent()) {
                int i = layer.get();
                return Optional.of("dZ" + i + " · A" + (i - 1) + "ᵀ (for dW" + i + "): " + shapes + " — expected A" + (i - 1) + "ᵀ to be "
                        + shape(m, n.n(i - 1)) + "; " + shape(r2, c2) + " is A" + (i - 1) + " itself: transpose it.");
            }
            // dA_{i−1} = W_iᵀ · dZ_i: left (n_{i−1} × n_i), right (n_i × m).
            layer = onlyLayer(n, i -> n.n(i) == r1 && n.n(i - 1) == c1 && r2 == n.n(i) && c2 == m);
            if (layer.isPresent()) {
                int i = layer.get();
                return Optional.of("W" + i + "ᵀ · dZ" + i + " (for dA" + (i - 1) + "): " + shapes + " — expected W" + i + "ᵀ to be "
                        + shape(n.n(i - 1), n.n(i)) + "; " + shape(r1, c1) + " is W" + i + " itself: transpose it.");
            }
        }
        return Optional.empty();
    }

    private interface LayerTest {
        boolean holds(int layer);
    }

    /** The layers i (1 … L) for which the test holds. */
    private static List<Integer> layers(KnownShapes.Network n, LayerTest test) {
        List<Integer> layers = new ArrayList<>();
        for (int i = 1; i <= n.layers(); i++) {
            if (test.holds(i)) {
                layers.add(i);
            }
        }
        return layers;
    }

    /** The one layer i (1 … L) for which the test holds, or empty when none or several do. */
    private static Optional<Integer> onlyLayer(KnownShapes.Network n, LayerTest test) {
        List<Integer> layers = layers(n, test);
        return layers.size() == 1 ? Optional.of(layers.get(0)) : Optional.empty();
    }

    /** {@code "W2 · A1"}, or {@code "W2 · A1 (or W3 · A2)"} when layers of the same sizes could be meant. */
    private static String alternatives(List<Integer> layers, java.util.function.IntFunction<String> name) {
        String first = name.apply(layers.get(0));
        if (layers.size() == 1) {
            return first;
        }
        return first + " (or " + layers.subList(1, layers.size()).stream().map(name::apply).collect(java.util.stream.Collectors.joining(", or ")) + ")";
    }

    /**
     * The end of a sentence: {@code "; (2 × 320) is the shape of X (A0): is it the wrong array?"}, what of the network has
     * the shape that came (other than the expected array), or {@code "."} when nothing has.
     */
    private static String whatHas(KnownShapes.Network n, long rows, long cols, List<String> expected) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= n.layers(); i++) {
            if (n.n(i) == rows && n.batch() == cols) {
                names.add(i == 0 ? "X (A0)" : "A" + i);
            }
            if (n.n(i) == cols && n.batch() == rows) {
                names.add((i == 0 ? "X" : "A" + i) + "ᵀ");
            }
            if (i > 0 && n.n(i) == rows && n.n(i - 1) == cols) {
                names.add("W" + i);
            }
            if (i > 0 && n.n(i - 1) == rows && n.n(i) == cols) {
                names.add("W" + i + "ᵀ");
            }
        }
        names.removeAll(expected);
        return names.isEmpty() ? "." : "; " + shape(rows, cols) + " is the shape of " + String.join(" or ", names) + ": is it the wrong array?";
    }

    private static String shape(long rows, long cols) {
        return "(" + rows + " × " + cols + ")";
    }

    private static String shape(String commaSeparated) {
        return "(" + commaSeparated.strip().replaceAll(",\\s*", " × ") + ")";
    }
}
