package backproplab.coderules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The course's decisions, row by row, as a student meets them. The grader's StudentCodeRulesTest pins the same
 * decisions on compiled classes.
 */
@DisplayName("The course's allowlist")
class CourseAllowlistTest {

    private static final ApiAllowlist GRADED = CourseAllowlist.gradedCode();
    private static final ApiAllowlist GIVEN = CourseAllowlist.givenCode();

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "java.lang.Math, exp", "java.lang.StrictMath, pow", "java.lang.String, format", "java.lang.StringBuilder, append",
            "java.lang.Double, isNaN", "java.lang.Object, <init>", "java.lang.Object, getClass", "java.lang.Class, getSimpleName",
            "java.lang.Class, desiredAssertionStatus", "java.lang.Enum, valueOf", "java.lang.Record, <init>",
            "java.lang.IllegalArgumentException, <init>", "java.lang.IncompatibleClassChangeError, <init>",
            "java.lang.System, arraycopy", "java.lang.System, out", "java.io.PrintStream, println", "java.io.PrintStream, printf",
            "java.util.Arrays, stream", "java.util.Map$Entry, getKey", "java.util.stream.Collectors, joining",
            "java.util.stream.IntStream, range", "java.util.function.DoubleUnaryOperator, applyAsDouble",
            "java.util.concurrent.atomic.AtomicInteger, incrementAndGet", "java.math.BigDecimal, setScale",
            "org.nd4j.linalg.api.ndarray.INDArray, mmul", "org.nd4j.linalg.factory.Nd4j, gemm",
            "org.nd4j.linalg.factory.Nd4j, getBlasWrapper", "org.nd4j.linalg.api.blas.Level1, axpy",
            "org.nd4j.linalg.ops.transforms.Transforms, exp", "org.nd4j.linalg.indexing.NDArrayIndex, all",
            "org.nd4j.linalg.api.buffer.DataType, DOUBLE", "backproplab.datasets.NumpyRandom, randnArray",
            "backproplab.runtime.Backend, init"})
    @DisplayName("graded code may use what the reference and ordinary student code use")
    void gradedCodeMayUse(String owner, String member) {
        assertThat(GRADED.member(owner, member)).as("%s.%s in graded code", owner, member).isEqualTo(Judgement.ALLOWED);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', value = {
            "java.lang.System|exit|instead of stopping the JVM",
            "java.lang.Runtime|halt|instead of stopping the JVM",
            "java.lang.System|getenv|belong to the grader",
            "java.lang.Integer|getInteger|belong to the grader",
            "java.lang.System|setOut|shared settings",
            "java.lang.System|nanoTime|the clock",
            "java.lang.System|in|no files or input",
            "java.lang.Class|forName|without reflection",
            "java.lang.Class|getDeclaredFields|without reflection",
            "java.lang.Object|wait|calling thread",
            "java.util.ArrayList|parallelStream|calling thread",
            "java.util.stream.Stream|parallel|calling thread",
            "java.util.Arrays|parallelSort|calling thread",
            "java.util.stream.StreamSupport|stream|Collection.stream()",
            "java.lang.Thread|<init>|calling thread",
            "java.util.concurrent.Executors|newFixedThreadPool|calling thread",
            "java.util.concurrent.atomic.AtomicReferenceFieldUpdater|newUpdater|without reflection",
            "java.lang.Throwable|getStackTrace|stack traces",
            "java.lang.StackWalker|getInstance|stack traces",
            "java.lang.ProcessHandle|current|processes",
            "java.lang.ref.Cleaner|create|run code later",
            "java.util.ServiceLoader|load|service loaders",
            "java.util.logging.Logger|getLogger|instead of logging",
            "java.lang.System|getLogger|instead of logging",
            "javax.xml.transform.TransformerFactory|newInstance|no XML",
            "java.beans.Statement|execute|java.beans",
            "java.lang.management.ManagementFactory|getRuntimeMXBean|monitoring",
            "javax.management.MBeanServer|invoke|monitoring",
            "java.lang.invoke.MethodHandles|lookup|without reflection",
            "java.nio.file.Files|readString|no files",
            "java.io.PrintStream|<init>|no files",
            "java.io.PrintStream|close|leave System.out and System.err open",
            "java.util.Scanner|<init>|no files",
            "java.net.URL|openStream|no network",
            "org.nd4j.linalg.factory.Nd4j|readNpy|no files",
            "org.nd4j.linalg.factory.Nd4j|getExecutioner|course runtime",
            "org.nd4j.linalg.factory.Nd4j|setDefaultDataTypes|course runtime",
            "org.nd4j.linalg.ops.transforms.Transforms|sigmoidDerivative|compute the gradient yourself",
            "org.nd4j.autodiff.samediff.SameDiff|create|compute the gradient yourself",
            "org.nd4j.linalg.learning.config.Adam|<init>|compute the gradient yourself",
            "org.nd4j.linalg.api.buffer.DataBuffer|pointer|course runtime",
            "org.nd4j.linalg.api.rng.Random|setSeed|NumpyRandom",
            "org.nd4j.linalg.factory.Nd4j|getRandom|NumpyRandom",
            "backproplab.runtime.Backend|info|Backend.init()",
            "backproplab.scoring.GradeCollector|report|the scoring API",
            "backproplab.grader.suites.support.Thresholds|load|the grader",
            "backproplab.datasets.cli.ExportCommand|call|no files",
            "java.awt.Color|<init>|only in the given demos",
            "com.fasterxml.jackson.databind.ObjectMapper|<init>|not on the list"})
    @DisplayName("graded code may not use what reaches outside the exercise, and is told what to do instead")
    void gradedCodeMayNotUse(String owner, String member, String hint) {
        Judgement judgement = GRADED.member(owner, member);

        assertThat(judgement.allowed()).as("%s.%s allowed in graded code", owner, member).isFalse();
        assertThat(judgement.hint()).as("hint for %s.%s", owner, member).contains(hint);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({"java.nio.file.Files, writeString", "javax.imageio.ImageIO, write", "org.knowm.xchart.BitmapEncoder, saveBitmap",
            "java.awt.Graphics2D, drawString", "java.lang.System, nanoTime", "java.lang.System, setProperty",
            "backproplab.runtime.BackendInfo, threads"})
    @DisplayName("the given demos may also write files, draw pictures and read the clock")
    void givenCodeMayAlsoUse(String owner, String member) {
        assertThat(GIVEN.member(owner, member)).as("%s.%s in given code", owner, member).isEqualTo(Judgement.ALLOWED);
        assertThat(GRADED.member(owner, member).allowed()).as("%s.%s in graded code", owner, member).isFalse();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({"java.lang.System, exit", "java.lang.Thread, start", "java.lang.Class, forName",
            "org.nd4j.linalg.ops.transforms.Transforms, sigmoidDerivative"})
    @DisplayName("the given demos may not do what no code may do")
    void givenCodeMayNotUse(String owner, String member) {
        assertThat(GIVEN.member(owner, member).allowed()).as("%s.%s in given code", owner, member).isFalse();
    }

    @Test
    @DisplayName("types: PrintStream and Class can be named, Thread and Logger cannot")
    void types() {
        assertThat(GRADED.type("java.io.PrintStream")).as("PrintStream").isEqualTo(Judgement.ALLOWED);
        assertThat(GRADED.type("java.lang.Class")).as("Class").isEqualTo(Judgement.ALLOWED);
        assertThat(GRADED.type("java.lang.Thread").allowed()).as("Thread").isFalse();
        assertThat(GRADED.type("java.util.logging.Logger").allowed()).as("Logger").isFalse();
    }

    @Test
    @DisplayName("no row appears twice")
    void noDuplicateRows() {
        List<AllowlistEntry> rows = GRADED.entries();
        Set<String> seen = new HashSet<>();

        assertThat(rows).as("rows of the course's allowlist").allSatisfy(row ->
                assertThat(seen.add(row.owner() + "#" + row.members())).as("%s appears once", row).isTrue());
    }
}
