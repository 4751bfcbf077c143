package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Golden expected results for whole grading runs, as Exercism's test runners keep them: a results.json with
 * everything that depends on the run (time, machine, temporary paths) normalised away, pinned in
 * {@code src/test/resources/golden-e2e/<name>.json}.
 *
 * <p>To regenerate after an intended change (new or changed hidden tests, reworded messages), run
 * <pre>
 * ./mvnw -B -pl grader/engine -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='backproplab.grader.e2e.*Test' -Dgolden.update=true
 * git diff grader/engine/src/test/resources/golden-e2e
 * </pre>
 * and review the diff: it shows exactly how a student's report changes.
 */
final class GoldenResults {

    /** Set {@code -Dgolden.update=true} to rewrite the golden files instead of comparing with them. */
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern BACKEND_LINE = Pattern.compile("(?m)^Backend: .*$");
    /** The isolation note depends on the machine (bubblewrap or not); the level is tested on its own. */
    private static final Pattern ISOLATION_NOTE = Pattern.compile("(?m)^- Isolation: .*$");
    private static final Pattern SECONDS = Pattern.compile("\\b\\d+(\\.\\d+)? ?(ms|s)\\b(?! limit)");
    /** Relative errors at rounding-noise level (1e-7 and below) differ between BLAS kernels; their digits are not pinned. */
    private static final Pattern NOISE = Pattern.compile("\\b\\d\\.\\de-(0[7-9]|[1-9]\\d)\\b");
    /** Values printed with 8 or more decimals (gradients at 1e-10) keep 6 significant digits, for the same reason. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{8,}");

    private GoldenResults() {
    }

    /** The folder of the golden files in the source tree (not target/), so that an update lands in git. */
    static Path folder() {
        return CourseTree.root().resolve("grader/engine/src/test/resources/golden-e2e");
    }

    /**
     * A copy of results.json without what depends on the run: no {@code execution_time}; the submission's
     * temporary path becomes {@code <submission>}, the backend line {@code Backend: <backend>}, the isolation note
     * {@code - Isolation: <isolation>}, durations
     * {@code <duration>}, rounding-noise numbers such as a relative error of {@code 8.4e-10} {@code <noise>}, and
     * values printed with 8 or more decimals are rounded to 6 significant digits (the last digits of a numerical
     * gradient depend on the CPU's BLAS kernel).
     */
    static JsonNode normalise(JsonNode results, Path submission) {
        ObjectNode copy = results.deepCopy();
        copy.remove("execution_time");
        return normaliseText(copy, submission.toString());
    }

    private static JsonNode normaliseText(JsonNode node, String submission) {
        if (node.isTextual()) {
            String text = node.asText().replace(submission, "<submission>");
            text = BACKEND_LINE.matcher(text).replaceAll("Backend: <backend>");
            text = ISOLATION_NOTE.matcher(text).replaceAll("- Isolation: <isolation>");
            text = NOISE.matcher(text).replaceAll("<noise>");
            text = LONG_DECIMAL.matcher(text).replaceAll(number ->
                    new BigDecimal(number.group()).round(new MathContext(6)).toPlainString());
            return new TextNode(SECONDS.matcher(text).replaceAll("<duration>"));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(normaliseText(field.getValue(), submission));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normaliseText(array.get(i), submission));
            }
        }
        return node;
    }

    /**
     * Compares a normalised results.json with its golden file, or writes the file with {@code -Dgolden.update=true}.
     *
     * @param name the file's name without {@code .json}, for example {@code reference}
     */
    static void check(String name, JsonNode normalised) {
        Path golden = folder().resolve(name + ".json");
        try {
            String actual = JSON.writeValueAsString(normalised) + "\n";
            if (UPDATE) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                fail("Golden file %s is missing. Generate it with -Dgolden.update=true and review it.", golden);
            }
            JsonNode expected = JSON.readTree(golden.toFile());
            if (!expected.equals(normalised)) {
                fail("The normalised results.json of '%s' differs from %s, first at %s.%n"
                        + "If the change is intended (new tests, reworded messages), regenerate with "
                        + "-Dgolden.update=true and review the diff.", name, golden,
                        firstDifference(JSON.writeValueAsString(expected), actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + golden, e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String g = i < got.length ? got[i] : "<end of file>";
            if (!w.equals(g)) {
                return "line " + (i + 1) + ":\n  expected: " + shorten(w) + "\n  actual:   " + shorten(g);
            }
        }
        return "an invisible difference";
    }

    private static String shorten(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
