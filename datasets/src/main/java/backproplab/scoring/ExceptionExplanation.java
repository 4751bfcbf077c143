package backproplab.scoring;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explanation a student reads when a test failed because an exception was thrown (not an assertion): which
 * of their methods threw it and at which line (the top student frame), what the shapes of an ND4J shape error
 * were and what they should have been, the method's equation and its section of the notes, and only then the
 * exception's own text, without a stack trace:
 * <pre>
 * NeuralNetwork.forward threw an exception at line 131 (NeuralNetwork.java), where the test expected it to return normally:
 *   A matrix product with shapes that do not fit: (1 × 8) · (2 × 320).
 *   The left factor has 8 columns but the right one has 2 rows; … expected the right factor to be (8 × 320) …
 *   Check: Z_i = W_i · A_{i−1} + b_i with W_i (n_i × n_{i−1}), A_{i−1} (n_{i−1} × m) … (docs/06-neural-network.md#forward).
 *   at NeuralNetwork.forward(NeuralNetwork.java:131)
 *   The exception: ND4JIllegalStateException: Cannot execute matrix multiplication: …
 * </pre>
 * A {@code null} returned by a student method and dereferenced by the test (a helpful NullPointerException that
 * names that method) is charged to that method the same way.
 */
final class ExceptionExplanation {

    /** A helpful NullPointerException's "because the return value of "pkg.Class.method(…)" is null". */
    private static final Pattern RETURNED_NULL = Pattern.compile("the return value of \"(backproplab\\.[\\w.$]+)\\.([\\w$]+)\\(");

    private ExceptionExplanation() {
    }

    /**
     * The explanation, for an exception that is not an assertion.
     *
     * @param failure what the test threw
     * @return the text, or empty when it is a skeleton's {@code TODO} or no student method can be named
     */
    static Optional<String> explain(Throwable failure, Predicate<String> studentClass) {
        Throwable root = FailureMessages.rootCause(failure);
        if (isTodo(failure) || isTodo(root)) {
            return Optional.empty();
        }
        Optional<StackTraceElement> top = FailureMessages.topStudentFrame(failure, studentClass);
        if (top.isPresent()) {
            return Optional.of(threwIn(failure, root, top.get()));
        }
        return returnedNull(root, studentClass);
    }

    private static String threwIn(Throwable failure, Throwable root, StackTraceElement frame) {
        String method = CourseDocs.method(frame.getClassName(), frame.getMethodName());
        Optional<String> shapes = ShapeErrors.explain(failure, method);
        String where = frame.getLineNumber() >= 0 ? " at line " + frame.getLineNumber() + " (" + frame.getFileName() + ")" : "";
        StringBuilder text = new StringBuilder(method).append(" threw an exception").append(where)
                .append(", where the test expected it to return normally:\n  ");
        if (shapes.isPresent()) {
            text.append(shapes.get());
        } else {
            text.append(FailureMessages.typeAndMessage(root).replace("\n", "\n  "));
            if (root instanceof NullPointerException) {
                text.append("\n  A value was null: an array that was never stored (a gradient, a cache entry), a map lookup under a"
                        + " name that is not there, or a field that was never set.");
            } else if (root instanceof ArithmeticException || root instanceof IndexOutOfBoundsException) {
                text.append("\n  Check the sizes and indices you loop over.");
            }
        }
        CourseDocs.of(frame.getClassName(), frame.getMethodName()).ifPresent(section -> text.append("\n  ")
                .append(section.equation().isEmpty() ? "See " + section.doc() + "." : "Check: " + section.equation() + " (" + section.doc() + ")."));
        text.append("\n  at ").append(FailureMessages.format(frame));
        if (shapes.isPresent()) {
            text.append("\n  The exception: ").append(FailureMessages.typeAndMessage(ndArrayMessage(failure)));
        }
        return text.toString();
    }

    private static Optional<String> returnedNull(Throwable root, Predicate<String> studentClass) {
        if (!(root instanceof NullPointerException) || root.getMessage() == null) {
            return Optional.empty();
        }
        Matcher m = RETURNED_NULL.matcher(root.getMessage());
        if (!m.find() || !studentClass.test(m.group(1))) {
            return Optional.empty();
        }
        String method = CourseDocs.method(m.group(1), m.group(2));
        StringBuilder text = new StringBuilder(method).append(" returned null, where the test expected a value.");
        CourseDocs.of(m.group(1), m.group(2)).ifPresent(section -> text.append("\n  ")
                .append(section.equation().isEmpty() ? "See " + section.doc() + "." : "Check: " + section.equation() + " (" + section.doc() + ")."));
        text.append("\n  The exception: ").append(FailureMessages.typeAndMessage(root));
        return Optional.of(text.toString());
    }

    /** The exception whose message carries ND4J's shapes (the outermost one that does). */
    private static Throwable ndArrayMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && ShapeErrors.explain(t.getMessage()).isPresent()) {
                return t;
            }
        }
        return failure;
    }

    private static boolean isTodo(Throwable t) {
        return t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().strip().startsWith("TODO");
    }
}
