package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    private static <T extends Throwable> T withStack(T failure, StackTraceElement... frames) {
        failure.setStackTrace(frames);
        return failure;
    }

    private static StackTraceElement frame(String className, String method, String file, int line) {
        return new StackTraceElement(className, method, file, line);
    }

    @Test
    @DisplayName("an exception from student code names the type, the message and the first student frame")
    void studentFrame() {
        RuntimeException failure = withStack(new UnsupportedOperationException("TODO NeuralNetwork.backward"),
                frame("backproplab.network.NeuralNetwork", "backward", "NeuralNetwork.java", 42),
                frame("backproplab.network.NeuralNetworkTest", "gradients", "NeuralNetworkTest.java", 10),
                frame("org.junit.Something", "run", "Something.java", 1));
        assertThat(FailureMessages.describe(failure)).as("student message")
                .isEqualTo("UnsupportedOperationException: TODO NeuralNetwork.backward\n"
                        + "  at NeuralNetwork.backward(NeuralNetwork.java:42)");
    }

    @Test
    @DisplayName("a frame of a course class that is not the student's here (the reference stood in) is passed over for the student's caller")
    void referenceFramesAreNotTheStudents() {
        RuntimeException failure = withStack(new IllegalStateException(
                        "Cannot execute matrix multiplication: [1, 8]x[2, 320]: Column of left array 8 != rows of right 2"),
                frame("org.nd4j.linalg.util.LinAlgExceptions", "assertMultiplies", "LinAlgExceptions.java", 129),
                frame("backproplab.activations.Activations", "sigmoid", "Activations.java", 20),
                frame("backproplab.network.NeuralNetwork", "forward", "NeuralNetwork.java", 131),
                frame("backproplab.grader.suites.NetworkHiddenTest", "values", "NetworkHiddenTest.java", 10));
        String text = FailureMessages.describe(failure, name -> name.startsWith("backproplab.network."));
        assertThat(text).as("message when only the network package is the student's")
                .startsWith("NeuralNetwork.forward threw an exception at line 131 (NeuralNetwork.java)")
                .contains("  at NeuralNetwork.forward(NeuralNetwork.java:131)")
                .doesNotContain("Activations.sigmoid");
        assertThat(FailureMessages.describe(failure)).as("message when every course class is the student's")
                .startsWith("Activations.sigmoid threw an exception at line 20 (Activations.java)");
    }

    @Test
    @DisplayName("an assertion failure keeps its message, adds no type, and skips test and grader frames")
    void assertionOnlyMessage() {
        AssertionError failure = withStack(new AssertionError("[shape of dW2]\nexpected: (1, 8)\n but was: (8, 1)  \n"),
                frame("org.assertj.core.api.AbstractAssert", "isEqualTo", "AbstractAssert.java", 1),
                frame("backproplab.grader.suites.BackwardHiddenTest", "shapes", "BackwardHiddenTest.java", 5),
                frame("backproplab.scoring.PartialCredit", "award", "PartialCredit.java", 5));
        assertThat(FailureMessages.describe(failure)).as("assertion message, trailing spaces removed")
                .isEqualTo("[shape of dW2]\nexpected: (1, 8)\n but was: (8, 1)");
    }

    @Test
    @DisplayName("a wrapped exception names its root cause, and a frame found only in the cause is used")
    void rootCause() {
        RuntimeException cause = withStack(new ArithmeticException("/ by zero"),
                frame("backproplab.gradcheck.GradientChecker", "relativeError", "GradientChecker.java", 77));
        RuntimeException failure = withStack(new IllegalStateException("check failed", cause),
                frame("java.lang.Thread", "run", "Thread.java", 1));
        assertThat(FailureMessages.describe(failure)).as("message with cause")
                .isEqualTo("GradientChecker.relativeError threw an exception at line 77 (GradientChecker.java), where the test"
                        + " expected it to return normally:\n  ArithmeticException: / by zero\n  Check the sizes and indices you loop over.\n"
                        + "  See docs/04-gradient-check.md.\n"
                        + "  at GradientChecker.relativeError(GradientChecker.java:77)");
    }

    @Test
    @DisplayName("an exception without a student frame keeps its type, message and root cause")
    void rootCauseWithoutStudentFrame() {
        RuntimeException cause = withStack(new ArithmeticException("/ by zero"), frame("java.lang.Math", "floorDiv", "Math.java", 1));
        RuntimeException failure = withStack(new IllegalStateException("check failed", cause),
                frame("java.lang.Thread", "run", "Thread.java", 1));
        assertThat(FailureMessages.describe(failure)).as("message with cause")
                .isEqualTo("IllegalStateException: check failed\nCaused by: ArithmeticException: / by zero");
    }

    @Test
    @DisplayName("an ND4J shape error in student code names the method and line first, then the shapes, the equation and the notes")
    void shapeErrorExplained() {
        RuntimeException failure = withStack(new IllegalStateException(
                        "Cannot execute matrix multiplication: [1, 8]x[2, 320]: Column of left array 8 != rows of right 2"),
                frame("org.nd4j.linalg.util.LinAlgExceptions", "assertMultiplies", "LinAlgExceptions.java", 129),
                frame("backproplab.network.NeuralNetwork", "forward", "NeuralNetwork.java", 131),
                frame("backproplab.grader.suites.NetworkHiddenTest", "values", "NetworkHiddenTest.java", 10));
        String text = FailureMessages.describe(failure);
        assertThat(text).as("explained shape error")
                .startsWith("NeuralNetwork.forward threw an exception at line 131 (NeuralNetwork.java), where the test expected it to return normally:\n"
                        + "  A matrix product with shapes that do not fit: (1 × 8) · (2 × 320).")
                .contains("(1 × 8) · (2 × 320)", "expected the right factor to be (8 × 320)", "docs/06-neural-network.md#forward",
                        "Z_i = W_i · A_{i−1} + b_i", "  at NeuralNetwork.forward(NeuralNetwork.java:131)")
                .doesNotContain("LinAlgExceptions", "NetworkHiddenTest");
        assertThat(text.indexOf("(1 × 8) · (2 × 320)")).as("the shapes come before ND4J's own text")
                .isLessThan(text.indexOf("The exception: IllegalStateException: Cannot execute"));
    }

    @Test
    @DisplayName("element-wise and column-vector shape errors say which shapes met and what was expected")
    void otherShapeErrors() {
        assertThat(ShapeErrors.explain("Cannot perform operation \"muli\" - shapes are not equal and are not broadcastable."
                + "first.shape=[3, 4], second.shape=[3, 5]")).hasValueSatisfying(text -> assertThat(text)
                .contains("element-wise mul", "(3 × 4) and (3 × 5)", "expected both to be (3 × 4)"));
        assertThat(ShapeErrors.explain("Mismatched shapes (shape = [3, 4], column vector shape =[1, 4])"))
                .hasValueSatisfying(text -> assertThat(text).contains("column vector of shape (1 × 4)", "expected the vector to be (3 × 1)"));
        assertThat(ShapeErrors.explain("something else")).isEmpty();
    }

    @Test
    @DisplayName("a null returned by a student method and dereferenced by the test is charged to that method")
    void nullReturnedByStudentMethod() {
        NullPointerException failure = withStack(new NullPointerException("Cannot invoke \"org.nd4j.linalg.api.ndarray.INDArray.shape()\""
                        + " because the return value of \"backproplab.network.NeuralNetwork.gradient(String)\" is null"),
                frame("backproplab.grader.suites.NetworkShapesHiddenTest", "gradientShapes", "NetworkShapesHiddenTest.java", 3));
        assertThat(FailureMessages.describe(failure)).as("null return explained")
                .startsWith("NeuralNetwork.gradient returned null, where the test expected a value.")
                .contains("docs/06-neural-network.md", "The exception: NullPointerException");
    }

    @Test
    @DisplayName("an assertion that names a course method but not the notes gets the method's section of the notes")
    void assertionGetsNotes() {
        assertThat(FailureMessages.describe(withStack(new AssertionError("NeuralNetwork.backward — expected 1, got 2."))))
                .isEqualTo("NeuralNetwork.backward — expected 1, got 2.\n  See docs/06-neural-network.md#backward.");
        assertThat(FailureMessages.describe(withStack(new AssertionError("Sgd.step — expected 1, got 2 (docs/08-beyond.md#sgd)."))))
                .as("a message with its own pointer is kept").isEqualTo("Sgd.step — expected 1, got 2 (docs/08-beyond.md#sgd).");
    }

    @Test
    @DisplayName("a lambda's frame is named after the method it is in, with that method's notes")
    void lambdaFrame() {
        assertThat(CourseDocs.method("backproplab.training.TinyTrainer", "lambda$train$0")).isEqualTo("TinyTrainer.train");
        assertThat(CourseDocs.of("backproplab.training.TinyTrainer", "lambda$train$0"))
                .hasValueSatisfying(section -> assertThat(section.doc()).isEqualTo("docs/05-training-loop.md#the-loop"));
        assertThat(CourseDocs.of("backproplab.network.Helper", "helper"))
                .hasValueSatisfying(section -> assertThat(section.doc()).isEqualTo("docs/06-neural-network.md"));
    }

    @Test
    @DisplayName("errors without a message print their type, and an assertion without a message says so")
    void noMessage() {
        assertThat(FailureMessages.describe(withStack(new StackOverflowError())))
                .as("stack overflow").isEqualTo("StackOverflowError");
        assertThat(FailureMessages.describe(withStack(new AssertionError())))
                .as("bare assertion").isEqualTo("The assertion failed without a message.");
    }

    @Test
    @DisplayName("infrastructure packages and test classes are not student code; nested student classes are")
    void studentCodeRule() {
        assertThat(FailureMessages.isStudentCode("backproplab.network.NeuralNetwork$Cache")).as("nested student class").isTrue();
        assertThat(FailureMessages.isStudentCode("backproplab.network.NeuralNetworkTest$Shapes")).as("nested test class").isFalse();
        assertThat(FailureMessages.isStudentCode("backproplab.datasets.Dataset")).as("datasets").isFalse();
        assertThat(FailureMessages.isStudentCode("backproplab.runtime.Backend")).as("runtime").isFalse();
        assertThat(FailureMessages.isStudentCode("org.nd4j.linalg.Foo")).as("ND4J").isFalse();
    }

    @Test
    @DisplayName("trim normalises line ends and cuts long text with a note of how much was cut")
    void trim() {
        assertThat(FailureMessages.trim("a\r\nb\rc \n\n")).as("normalised").isEqualTo("a\nb\nc");
        assertThat(FailureMessages.trim(null)).as("null").isEmpty();
        String cut = FailureMessages.trim("z".repeat(FailureMessages.MAX_CHARS + 123));
        assertThat(cut).as("cut text").startsWith("z".repeat(FailureMessages.MAX_CHARS))
                .endsWith("\n... (message cut: 123 more characters)");
    }

    @Test
    @DisplayName("JUnit's timeout is recognised by its exception, loses the line about its own thread and gains a hint")
    void timeoutMessage() {
        Exception thread = withStack(new IllegalStateException("Execution timed out in thread junit-timeout-thread-2"),
                frame("backproplab.activations.Activations", "relu", "Activations.java", 26));
        java.util.concurrent.TimeoutException junit = withStack(
                new java.util.concurrent.TimeoutException("reluOfTwo() timed out after 2 seconds"),
                frame("org.junit.jupiter.engine.extension.TimeoutExceptionFactory", "create", "TimeoutExceptionFactory.java", 1));
        junit.initCause(thread);

        assertThat(FailureMessages.isTimeout(junit)).as("JUnit's TimeoutException is a timeout").isTrue();
        assertThat(FailureMessages.isTimeout(new IllegalStateException("timed out after 2 seconds")))
                .as("another exception with the same words is not").isFalse();
        assertThat(FailureMessages.timedOut(junit)).as("timeout message shown to the student")
                .startsWith("TimeoutException: reluOfTwo() timed out after 2 seconds")
                .contains("a loop that never ends");
    }
}
