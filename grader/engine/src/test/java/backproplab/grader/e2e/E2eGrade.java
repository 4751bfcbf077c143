package backproplab.grader.e2e;

import backproplab.grader.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Grades a whole source tree through the real CLI path (picocli in-process, javac, structure rules, forked
 * child JVM, the real hidden suites, the reporters) with the contract's default options, reusing the CLI
 * tests' harness {@link CliRun}.
 */
final class E2eGrade {

    /** Task ids of the checks made before any test runs (worth 0 points). */
    static final List<String> CHECK_TASKS = List.of("api", "structure");

    private E2eGrade() {
    }

    /**
     * Grades {@code sources} into {@code out} exactly as {@code java -jar grader.jar grade <sources> --out <out>} would:
     * default limits, the default suites (every hidden suite of the suites module, all that the test JVM has).
     */
    static CliRun grade(Path sources, Path out) {
        return CliRun.gradeWith(sources, out, List.of());
    }

    /** Sum of the max_score of every test in results.json. */
    static double maxScore(CliRun run) {
        return run.tests().stream().mapToDouble(t -> t.path("max_score").asDouble()).sum();
    }

    /** The task id of a results.json test (its first tag), or "" if it has none. */
    static String task(JsonNode test) {
        return test.path("tags").path(0).asText("");
    }

    /** Whether a results.json test is a hidden-suite test (not an API or structure check). */
    static boolean isSuiteTest(JsonNode test) {
        return !CHECK_TASKS.contains(task(test));
    }

    /** The failed tests of a run, as "name [task]: first line of the message" lines, for assertion messages. */
    static String failures(CliRun run) {
        return run.tests().stream().filter(t -> !"passed".equals(t.path("status").asText()))
                .map(t -> "  - " + t.path("name").asText() + " [" + task(t) + "]: " + firstLine(t.path("output").asText()))
                .collect(Collectors.joining("\n"));
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
