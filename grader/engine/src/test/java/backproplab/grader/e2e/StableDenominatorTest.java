package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import backproplab.grader.protocol.TestPlanFile;
import backproplab.scoring.PlannedTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maximum is the suites' full total whatever the test JVM does: the reference with a System.exit in
 * NeuralNetwork.backward (the JVM dies during the parameterised backward suite, before it finds the later
 * invocations, and is not replaced) and the reference with sigmoid filling the heap (the JVM dies of
 * OutOfMemoryError, again and again), graded with the real suites. The structure rules are off so that the code
 * reaches the test JVM, as code the rules miss would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("grade keeps the full total when the test JVM dies")
class StableDenominatorTest {

    private static final String BACKWARD = "    public void backward(INDArray Y) {\n";
    private static final String SIGMOID = "    public static double sigmoid(double z) {\n";

    private List<PlannedTest> plan;
    private CliRun exitInBackward;
    private CliRun outOfMemory;

    @BeforeAll
    void gradeBoth(@TempDir Path temp) throws Exception {
        try (InputStream in = StableDenominatorTest.class.getClassLoader().getResourceAsStream(TestPlanFile.RESOURCE)) {
            assertThat(in).as("the suites' written plan %s on the class path", TestPlanFile.RESOURCE).isNotNull();
            plan = TestPlanFile.read(in);
        }
        Path exits = edited(temp.resolve("exit-src"), "backproplab/network/NeuralNetwork.java", BACKWARD,
                BACKWARD + "        if (Y.columns() > 0) { System.exit(3); }\n");
        Path fills = edited(temp.resolve("oom-src"), "backproplab/activations/Activations.java", SIGMOID,
                SIGMOID + "        java.util.List<double[]> hoard = new java.util.ArrayList<>();\n"
                        + "        while (z == z) { hoard.add(new double[1 << 20]); }\n");
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.gradeWith(exits,
                temp.resolve("exit"), List.of("--no-structure-rules", "--max-restarts", "0")));
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> CliRun.gradeWith(fills,
                temp.resolve("oom"), List.of("--no-structure-rules", "--max-restarts", "1")));
        exitInBackward = first.get();
        outOfMemory = second.get();
    }

    private static Path edited(Path to, String file, String original, String replacement) throws IOException {
        Path root = CourseTree.copy(CourseTree.reference(), to);
        Path source = root.resolve(file);
        String text = Files.readString(source, StandardCharsets.UTF_8);
        assertThat(text).as("%s of the reference", file).contains(original);
        Files.writeString(source, text.replace(original, replacement), StandardCharsets.UTF_8);
        return root;
    }

    @Test
    @DisplayName("the written plan holds every test of the suites, parameterised invocations included, worth 100")
    void thePlanIsComplete() {
        assertThat(plan.stream().mapToDouble(PlannedTest::points).sum()).isEqualTo(100.0);
        assertThat(plan).extracting(PlannedTest::id).as("the invocations of the parameterised backward test")
                .filteredOn(id -> id.startsWith("backproplab.grader.suites.NetworkBackpropHiddenTest#"
                        + "backwardMatchesCentralDifferences("))
                .hasSize(4);
    }

    @Test
    @DisplayName("a System.exit during the parameterised backward suite: every planned test is listed, the maximum is "
            + "100, and the invocations never found say the JVM exited")
    void exitDuringParameterisedSuite() {
        assertThat(exitInBackward.exitCode()).as(exitInBackward.describe()).isZero();
        assertEveryPlannedTestListed(exitInBackward);
        List<JsonNode> invocations = exitInBackward.tests().stream()
                .filter(t -> testId(t).contains("#backwardMatchesCentralDifferences(")).toList();
        assertThat(invocations).hasSize(4);
        assertThat(invocations).allSatisfy(t -> {
            assertThat(CliRun.outcome(t)).as("outcome of %s", testId(t)).isEqualTo("NOT_RUN");
            assertThat(t.path("output").asText()).as("reason of %s", testId(t))
                    .contains("the test JVM exited with code 3").contains("System.exit");
        });
    }

    @Test
    @DisplayName("a JVM that runs out of memory again and again: every planned test is listed and the maximum is 100")
    void outOfMemoryKeepsTheTotal() {
        assertThat(outOfMemory.exitCode()).as(outOfMemory.describe()).isZero();
        assertEveryPlannedTestListed(outOfMemory);
        assertThat(outOfMemory.tests()).as("a test charged with the out-of-memory death")
                .anyMatch(t -> t.path("output").asText().contains("ran out of memory"));
    }

    private void assertEveryPlannedTestListed(CliRun run) {
        List<String> listed = run.tests().stream().filter(E2eGrade::isSuiteTest).map(StableDenominatorTest::testId)
                .toList();
        assertThat(listed).as("suite tests of %s", run.out())
                .containsExactlyInAnyOrderElementsOf(plan.stream().map(PlannedTest::id).toList());
        assertThat(E2eGrade.maxScore(run)).as("maximum of %s", run.out()).isEqualTo(100.0);
    }

    private static String testId(JsonNode test) {
        return test.path("extra_data").path("test_id").asText();
    }
}
