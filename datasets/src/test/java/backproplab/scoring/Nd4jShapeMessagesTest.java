package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shape errors ND4J (the version in the pom) really throws, triggered here and pinned: what each message says, and
 * what a student reads for it. If ND4J changes a message, this test says which one, before students get a bare exception.
 */
@DisplayName("ND4J shape errors, as this ND4J throws them, explained")
class Nd4jShapeMessagesTest {

    private static INDArray zeros(long rows, long cols) {
        return Nd4j.zeros(DataType.DOUBLE, rows, cols);
    }

    private static Throwable thrownBy(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("ND4J's exception").isNotNull();
        return thrown;
    }

    /** A student frame on top of ND4J's exception, as when student code calls ND4J. */
    private static Throwable inStudentMethod(Throwable thrown, String method) {
        StackTraceElement[] frames = thrown.getStackTrace();
        StackTraceElement[] withStudent = new StackTraceElement[frames.length + 1];
        System.arraycopy(frames, 0, withStudent, 0, frames.length);
        withStudent[frames.length] = new StackTraceElement("backproplab.network.NeuralNetwork", method, "NeuralNetwork.java", 131);
        thrown.setStackTrace(withStudent);
        return thrown;
    }

    @AfterEach
    void forgetTheNetwork() {
        KnownShapes.clear();
    }

    @Test
    @DisplayName("mmul says both shapes: (1 × 8) · (2 × 320), and in forward of a known 2-8-1 network, W2 · A1")
    void mmul() {
        Throwable thrown = thrownBy(() -> zeros(1, 8).mmul(zeros(2, 320)));
        assertThat(thrown.getMessage()).as("ND4J's message")
                .contains("Cannot execute matrix multiplication: [1, 8]x[2, 320]");

        assertThat(ShapeErrors.explain(thrown)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("A matrix product with shapes that do not fit: (1 × 8) · (2 × 320).")
                .contains("expected the right factor to be (8 × 320), or the left one to be (1 × 2)"));

        KnownShapes.network(new int[] {2, 8, 1}, 320);
        String explained = FailureMessages.describe(inStudentMethod(thrown, "forward"));
        assertThat(explained).as("what the student reads")
                .startsWith("NeuralNetwork.forward threw an exception at line 131 (NeuralNetwork.java)")
                .contains("W2 · A1: (1 × 8) · (2 × 320) — expected A1 to be (8 × 320), that is (n_1 × m); (2 × 320) is the shape"
                        + " of X (A0): is it the wrong array?")
                .contains("docs/06-neural-network.md#forward");
    }

    @Test
    @DisplayName("Nd4j.gemm says no shapes in its exception; its log line on standard error has them, with the transpose flags")
    void gemm() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        Throwable thrown;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            thrown = thrownBy(() -> Nd4j.gemm(zeros(4, 5), zeros(4, 3), false, true));
        } finally {
            System.setErr(err);
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(thrown.getMessage()).as("ND4J's message").isEqualTo("Op [matmul] execution failed").doesNotContain("4");
        assertThat(printed).as("ND4J's log line").contains("Failed to execute op matmul.")
                .contains("Inputs: [(DOUBLE,[4,5],c), (DOUBLE,[4,3],c)]").contains("iArgs: [0, 1, 0]");

        KnownShapes.network(new int[] {5, 4, 3}, 7);
        String described = FailureMessages.describe(inStudentMethod(thrown, "backward"));
        assertThat(described).as("before the log is read").contains(ShapeErrors.GEMM_WITHOUT_SHAPES);
        String withShapes = FailureMessages.withLoggedShapes(described, printed);
        assertThat(withShapes).as("what the student reads")
                .startsWith("NeuralNetwork.backward threw an exception")
                .contains("(4 × 5) · (3 × 4)")
                .contains("The left factor has 5 columns but the right one has 3 rows")
                .contains("the right one (4 × 3) transposed")
                .doesNotContain(ShapeErrors.GEMM_WITHOUT_SHAPES);
        assertThat(FailureMessages.withLoggedShapes("Some other failure.", printed)).as("another failure is left alone")
                .isEqualTo("Some other failure.");
    }

    @Test
    @DisplayName("in backward of a known network, a forgotten transpose of A_{i−1} and of W_i are named; layers of equal sizes are all named")
    void backwardProducts() {
        KnownShapes.network(new int[] {2, 8, 1}, 320);
        assertThat(ShapeErrors.product(1, 320, 8, 320, "NeuralNetwork.backward")).as("dZ2 · A1 without the transpose")
                .contains("dZ2 · A1ᵀ (for dW2): (1 × 320) · (8 × 320) — expected A1ᵀ to be (320 × 8); (8 × 320) is A1 itself: transpose it.");
        assertThat(ShapeErrors.product(1, 8, 1, 320, "NeuralNetwork.backward")).as("W2 · dZ2 without the transpose")
                .contains("W2ᵀ · dZ2 (for dA1): (1 × 8) · (1 × 320) — expected W2ᵀ to be (8 × 1); (1 × 8) is W2 itself: transpose it.");
        KnownShapes.network(new int[] {2, 7, 7, 7, 1}, 1);
        assertThat(ShapeErrors.product(7, 7, 2, 1, "NeuralNetwork.forward")).as("W2 · X where W2 and W3 have the same shape")
                .contains("W2 · A1 (or W3 · A2): (7 × 7) · (2 × 1) — expected A1 (or A2) to be (7 × 1), that is (n_1 × m); (2 × 1) is"
                        + " the shape of X (A0): is it the wrong array?");
        KnownShapes.clear();
        assertThat(ShapeErrors.product(1, 320, 8, 320, "NeuralNetwork.backward")).as("without a known network")
                .startsWith("A matrix product with shapes that do not fit: (1 × 320) · (8 × 320).");
    }

    @Test
    @DisplayName("add, sub, mul and their in-place forms say both shapes; the error names the in-place form")
    void elementWise() {
        check(() -> zeros(8, 320).add(zeros(2, 320)), "Cannot perform operation \"addi\" - shapes are not equal and are not"
                + " broadcastable.first.shape=[8, 320], second.shape=[2, 320]", "An element-wise add of two arrays of different shapes:"
                + " (8 × 320) and (2 × 320).");
        check(() -> zeros(8, 320).sub(zeros(8, 5)), "operation \"subi\"", "An element-wise sub of two arrays of different shapes:"
                + " (8 × 320) and (8 × 5).");
        check(() -> zeros(8, 320).addi(zeros(8, 5)), "operation \"addi\"", "(8 × 320) and (8 × 5)");
        check(() -> zeros(8, 320).muli(zeros(320, 8)), "operation \"muli\"", "An element-wise mul of two arrays of different shapes:"
                + " (8 × 320) and (320 × 8).");
        check(() -> zeros(8, 320).mul(zeros(2, 320)), "operation \"muli\"", "expected both to be (8 × 320)");
    }

    @Test
    @DisplayName("an in-place operation whose broadcast result does not fit its own array says both shapes")
    void inPlaceBroadcast() {
        check(() -> zeros(8, 1).muli(zeros(8, 320)), "Cannot perform in-place operation \"muli\": result array shape does not match the"
                + " broadcast operation output shape: [8, 1].muli([8, 320]) != [8, 1]", "An in-place mul (muli) of a (8 × 1) array with a"
                + " (8 × 320) one: the result would have the shape (8 × 320), which does not fit into the (8 × 1) array");
    }

    @Test
    @DisplayName("addColumnVector and addiRowVector say the matrix and the vector")
    void vectors() {
        check(() -> zeros(8, 320).addColumnVector(zeros(2, 1)), "Mismatched shapes (shape = [8, 320], column vector shape =[2, 1])",
                "A column vector of shape (2 × 1) added to (or combined with) every column of a (8 × 320) matrix: expected the"
                        + " vector to be (8 × 1).");
        check(() -> zeros(8, 320).addiRowVector(zeros(1, 5)), "Mismatched shapes (shape = [8, 320], row vector shape =[1, 5])",
                "expected the vector to be (1 × 320).");
    }

    private static void check(Runnable call, String nd4jSays, String studentReads) {
        Throwable thrown = thrownBy(call);
        Supplier<String> chain = () -> thrown + (thrown.getCause() == null ? "" : " / " + thrown.getCause());
        assertThat(thrown.getMessage()).as("ND4J's message (%s)", chain.get()).contains(nd4jSays);
        assertThat(ShapeErrors.explain(thrown)).as("the explanation of %s", chain.get())
                .hasValueSatisfying(text -> assertThat(text).contains(studentReads));
    }
}
