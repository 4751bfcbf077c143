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
                .isEqualTo("IllegalStateException: check failed\nCaused by: ArithmeticException: / by zero\n"
                        + "  at GradientChecker.relativeError(GradientChecker.java:77)");
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
