package backproplab.grader.protocol;

import backproplab.scoring.PlannedTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete plan of the hidden suites, written when the suites are built (by
 * {@code backproplab.grader.child.TestPlanWriter}) and read by the engine, so that the engine knows every test and
 * its points before a test JVM starts, including the invocations of parameterised tests that a test JVM only finds
 * while it runs. One {@link PlannedTest} per line, as JSON, in plan order.
 */
public final class TestPlanFile {

    /** Where the suites jar carries the plan of its {@code …HiddenTest} classes. */
    public static final String RESOURCE = "backproplab/grader/suites/planned-tests.jsonl";

    private TestPlanFile() {
    }

    /**
     * Writes the plan.
     *
     * @param file  the file, created with its folders
     * @param tests the planned tests in order
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, List<PlannedTest> tests) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (PlannedTest test : tests) {
                out.write(Json.MAPPER.writeValueAsString(test));
                out.write('\n');
            }
        }
    }

    /**
     * Reads a plan.
     *
     * @param in the file's bytes; not closed
     * @return the planned tests in order
     * @throws UncheckedIOException if a line is not a planned test
     */
    public static List<PlannedTest> read(InputStream in) {
        List<PlannedTest> tests = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    tests.add(Json.MAPPER.readValue(line, PlannedTest.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the suites' test plan cannot be read: " + e.getMessage(), e);
        }
        return List.copyOf(tests);
    }
}
