package backproplab.grader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import picocli.CommandLine;

/**
 * One in-process run of {@code grader grade} (the parent) with real forked child JVMs, and what it wrote:
 * the exit code, the console, and the parsed {@code results.json} and {@code prairielearn.json}.
 */
public record CliRun(int exitCode, String stdout, String stderr, Path out, JsonNode results, JsonNode prairieLearn,
              long wallMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Options that keep the probe runs fast: the probe suite, no ND4J start-up, short limits, no structure rules
     * (the fixtures test the sandbox; tests that want them add {@code --structure-rules}) and javac inside the
     * test JVM, where it is warm after the first run (the default, a forked javac, is in {@code goodSubmission}).
     */
    static final List<String> FAST = List.of("--suites", ProbeSuite.NAME, "--suite-path", ProbeSuite.folder(), "--no-backend-info",
            "--test-timeout", "2s", "--grace", "1s", "--run-timeout", "60s", "--no-structure-rules", "--no-fork-compiler");

    /** A fixture submission folder under src/test/resources/submissions. */
    public static Path fixture(String name) {
        try {
            return Path.of(CliRun.class.getResource("/submissions/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("No fixture submission " + name + " under src/test/resources/submissions", e);
        }
    }

    /** Grades {@code submission} into {@code out} with {@link #FAST} plus {@code extra} options. */
    public static CliRun grade(Path submission, Path out, String... extra) {
        List<String> options = new ArrayList<>(FAST);
        options.addAll(Arrays.asList(extra));
        return gradeWith(submission, out, options);
    }

    /** Grades {@code submission} into {@code out} with exactly these options (the end-to-end tests run the real suites). */
    public static CliRun gradeWith(Path submission, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("grade", submission.toString(), "--out", out.toString()));
        args.addAll(options);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = GraderCommand.commandLine().setOverwrittenOptionsAllowed(true);
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        long start = System.nanoTime();
        int exitCode = cli.execute(args.toArray(String[]::new));
        long wall = (System.nanoTime() - start) / 1_000_000L;
        return new CliRun(exitCode, stdout.toString(), stderr.toString(), out,
                read(out.resolve("results.json")), read(out.resolve("prairielearn.json")), wall);
    }

    private static JsonNode read(Path file) {
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid JSON: " + file, e);
        }
    }

    /** The results.json test with this display name, if any. */
    public Optional<JsonNode> test(String name) {
        return tests().stream().filter(t -> name.equals(t.path("name").asText())).findFirst();
    }

    /** The results.json test with this display name; fails with the list of names if it is missing. */
    public JsonNode requireTest(String name) {
        return test(name).orElseThrow(() -> new AssertionError("results.json has no test named '" + name
                + "'; it has " + tests().stream().map(t -> t.path("name").asText()).toList() + "\nconsole:\n" + stdout));
    }

    /** Every test of results.json. */
    public List<JsonNode> tests() {
        JsonNode tests = results == null ? null : results.get("tests");
        return tests == null ? List.of() : StreamSupport.stream(tests.spliterator(), false).toList();
    }

    /** The grader's own status of a test (PASSED, FAILED, TIMED_OUT, NOT_RUN, ...). */
    public static String outcome(JsonNode test) {
        return test.path("extra_data").path("outcome").asText();
    }

    /** A summary for assertion messages. */
    public String describe() {
        return "exit code " + exitCode + ", wall " + wallMillis + " ms\nconsole:\n" + stdout + "\nerrors:\n" + stderr;
    }
}
