package backproplab.scoring;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a test failure into the text a student reads: the message without the stack trace, plus the one
 * line of the stack that points into the student's own code.
 *
 * <p>For an {@link AssertionError} (AssertJ, JUnit, opentest4j) the text is the assertion's message, which
 * already carries the description and the expected and actual values. For any other exception thrown in student
 * code the text is an explanation (see {@link ExceptionExplanation}): the student method and line first (the top
 * student frame), ND4J shape errors in shapes, the equation and the section of the notes, and only then the
 * exception's own text. A skeleton's {@code TODO} and exceptions with no student frame are
 * {@code SimpleClassName: message}, followed by the root cause the same way when there is one. Then, if a
 * frame of the stack (or of a cause's stack) belongs to student code, one line
 * {@code at ClassName.method(File.java:line)} names the first such frame.
 *
 * <p>Student code is any class in a {@code backproplab.*} package, except the course's infrastructure
 * ({@code backproplab.grader}, {@code backproplab.scoring}, {@code backproplab.datasets},
 * {@code backproplab.runtime}) and test classes (simple name ending in {@code Test} or {@code Tests}).
 *
 * <p>Every message is {@linkplain #trim(String) trimmed}: line ends normalised to {@code \n}, trailing white
 * space removed, and cut after {@value #MAX_CHARS} characters with a note saying how much was cut.
 */
public final class FailureMessages {

    /** Longest message kept, in characters; longer ones are cut and end with a note. */
    public static final int MAX_CHARS = 4000;

    private static final String[] INFRASTRUCTURE = {
        "backproplab.grader.", "backproplab.scoring.", "backproplab.datasets.", "backproplab.runtime."
    };

    private FailureMessages() {
    }

    /**
     * Whether a test failed because JUnit stopped it at its time limit ({@code @Timeout} or the default timeout): JUnit
     * then throws a {@link java.util.concurrent.TimeoutException} of its own.
     *
     * @param failure what the test threw
     * @return {@code true} for JUnit's timeout
     */
    public static boolean isTimeout(Throwable failure) {
        return failure != null && failure.getClass() == java.util.concurrent.TimeoutException.class;
    }

    /**
     * The message of a test stopped at its time limit: JUnit's timeout line without the line about its own timeout
     * thread, the student frame where the code was at that moment, and a hint.
     *
     * @param failure JUnit's timeout exception
     * @return the message
     */
    public static String timedOut(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (String line : (failure == null ? "" : plain(failure, FailureMessages::isStudentCode)).split("\n")) {
            if (!line.contains("ExecutionTimeoutException")) {
                text.append(text.length() == 0 ? "" : "\n").append(line);
            }
        }
        return text.append("\nThe test was stopped at its time limit. The line above, if any, is where your code was "
                + "at that moment: look for a loop that never ends or work that grows too fast.").toString();
    }

    /**
     * The student-facing message for a failure.
     *
     * @param failure what the test threw
     * @return the message, trimmed; never {@code null}
     */
    public static String describe(Throwable failure) {
        return describe(failure, FailureMessages::isStudentCode);
    }

    /**
     * The student-facing message for a failure, when only some course classes are the student's: the grader runs a
     * hidden suite with the course's reference beneath the exercise it grades, and a frame of a reference class must
     * not be named as the student's.
     *
     * @param failure      what the test threw
     * @param studentClass which binary class names are the student's code
     * @return the message, trimmed; never {@code null}
     */
    public static String describe(Throwable failure, Predicate<String> studentClass) {
        if (failure == null) {
            return "";
        }
        if (!(failure instanceof AssertionError)) {
            Optional<String> explained = ExceptionExplanation.explain(failure, studentClass);
            if (explained.isPresent()) {
                return trim(explained.get());
            }
        }
        return plain(failure, studentClass);
    }

    /** {@code Type: message}, the root cause, and the first student frame: for timeouts and exceptions nobody can explain better. */
    private static String plain(Throwable failure, Predicate<String> studentClass) {
        StringBuilder text = new StringBuilder(headline(failure));
        Throwable root = rootCause(failure);
        if (root != failure && !(failure instanceof AssertionError)) {
            text.append("\nCaused by: ").append(typeAndMessage(root));
        }
        topStudentFrame(failure, studentClass).map(FailureMessages::format)
                .ifPresent(frame -> text.append("\n  at ").append(frame));
        return trim(text.toString());
    }

    /**
     * A failure message with the shapes of an {@code Nd4j.gemm} error put in from ND4J's log: gemm's exception says only
     * "Op [matmul] execution failed", while the line ND4J logs for it on standard error has both inputs' shapes and the
     * transpose flags.
     *
     * @param message the failure's message from {@link #describe(Throwable, Predicate)}
     * @param printed what the test printed (standard output and error)
     * @return the message with the factors' shapes, or unchanged when it explains no gemm error or nothing was logged
     */
    public static String withLoggedShapes(String message, String printed) {
        return trim(ShapeErrors.withLoggedMatmul(message, printed));
    }

    /**
     * Normalises line ends, removes trailing white space and cuts to {@value #MAX_CHARS} characters.
     *
     * @param message any text, or {@code null}
     * @return the trimmed text; {@code ""} for {@code null}
     */
    public static String trim(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.length() - MAX_CHARS;
        return text.substring(0, MAX_CHARS).stripTrailing() + "\n... (message cut: " + cut + " more characters)";
    }

    /**
     * The first stack frame in student code, printed as {@code SimpleClass.method(File.java:line)}.
     *
     * @param failure what the test threw; its causes are searched too
     * @return the frame, or empty if no frame belongs to student code
     */
    public static Optional<String> studentFrame(Throwable failure) {
        return topStudentFrame(failure).map(FailureMessages::format);
    }

    /**
     * The first stack frame in student code (the top student frame).
     *
     * @param failure what the test threw; its causes are searched too
     * @return the frame, or empty if no frame belongs to student code
     */
    static Optional<StackTraceElement> topStudentFrame(Throwable failure) {
        return topStudentFrame(failure, FailureMessages::isStudentCode);
    }

    /** The first stack frame whose class {@code studentClass} accepts. */
    static Optional<StackTraceElement> topStudentFrame(Throwable failure, Predicate<String> studentClass) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (studentClass.test(frame.getClassName())) {
                    return Optional.of(frame);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a class is student code by the rule in the class comment.
     *
     * @param className a binary class name, for example {@code backproplab.network.NeuralNetwork$Cache}
     * @return {@code true} for a non-test class in a {@code backproplab.*} package outside the infrastructure
     */
    public static boolean isStudentCode(String className) {
        if (!className.startsWith("backproplab.")) {
            return false;
        }
        for (String prefix : INFRASTRUCTURE) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        String outer = simpleName(className);
        int dollar = outer.indexOf('$');
        outer = dollar < 0 ? outer : outer.substring(0, dollar);
        return !(outer.endsWith("Test") || outer.endsWith("Tests"));
    }

    private static String headline(Throwable failure) {
        if (failure instanceof AssertionError) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? "The assertion failed without a message." : withNotes(message.strip());
        }
        return typeAndMessage(failure);
    }

    /**
     * A message that names a student method but not the notes gets the method's section of the notes as a last line.
     *
     * @param message an assertion's message
     * @return the message, with {@code "  See docs/…"} added when it names a course method and no {@code docs/} page
     */
    static String withNotes(String message) {
        if (message.contains("docs/")) {
            return message;
        }
        return CourseDocs.named(message).map(section -> message + "\n  See " + section.doc() + ".").orElse(message);
    }

    static String typeAndMessage(Throwable t) {
        String message = t.getMessage();
        String type = simpleName(t.getClass().getName());
        return message == null || message.isBlank() ? type : type + ": " + message.strip();
    }

    static Throwable rootCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        Throwable t = failure;
        while (t.getCause() != null && seen.add(t)) {
            t = t.getCause();
        }
        return t;
    }

    static String format(StackTraceElement frame) {
        String where = frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return simpleName(frame.getClassName()) + "." + frame.getMethodName() + "(" + where + ")";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
