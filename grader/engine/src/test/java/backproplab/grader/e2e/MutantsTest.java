package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import backproplab.grader.report.SurefireSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mutant of {@code src/test/resources/mutants/mutants.json} (a common student bug planted in a copy of the
 * reference) graded end to end with the real hidden suites: it must lose points, and at least one failed test's
 * message must name the method with the bug. Two mutants are graded at a time (each in its own forked JVM).
 *
 * <p>Each mutant is graded with the hidden suites that have tests of its task (for example every suite with a
 * {@code network.backward} test), not with all of them. That is enough: a mutant that loses points with a
 * message naming the method in those suites does so in a full grading too (more suites can only add failures),
 * and it keeps the slow training suites (moons, XOR) out of the dozens of mutant runs. The reference and the
 * skeleton are graded with all suites.
 *
 * <p>Every failed test's message must also explain itself as DESIGN.md's feedback style asks (see
 * {@link FailureMessageQuality}): it names a student method, gives expected versus actual, and points to the notes.
 *
 * <p>A bug costs points once, where it is: for the mutants of {@link #CHARGED_ONCE} every test that loses points must be
 * of the mutant's own task.
 *
 * <p>A summary table (mutant, score, points lost in its task and in the other tasks of the graded suites, the tests
 * that caught it) is written to {@code target/e2e/mutants.md}.
 * A few mutants also have golden results in {@code golden-e2e/mutant-<id>.json}.
 */
@DisplayName("grade, end to end, on mutants of the reference")
class MutantsTest {

    /** Mutants whose whole normalised results.json is pinned as a golden file. */
    static final List<String> GOLDEN = List.of("network-backward-missing-1-over-m", "activations-relu-derivative-ge",
            "tinynet-update-adds");

    /**
     * Mutants whose bug once cost points in a test of another method that calls the buggy one, and must not any more:
     * a backward that never stores dW1 failed update's test with a NullPointerException in the (correct) update, and a
     * backward that throws (a forgotten transpose) failed two of forward's tests that call backward.
     */
    static final List<String> CHARGED_ONCE = List.of("network-backward-never-stores-dw1", "network-backward-forgotten-transpose");

    private static final int PARALLEL = 2;
    private static final Map<String, String> SUMMARY = new ConcurrentHashMap<>();
    private static long startNanos;

    @TempDir
    static Path temp;

    @TestFactory
    List<DynamicTest> everyMutantLosesPointsWithAMessageNamingTheMethod() {
        List<Mutant> mutants = selected();
        startNanos = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<DynamicTest> tests = new ArrayList<>();
        try {
            for (Mutant mutant : mutants) {
                Future<Graded> graded = pool.submit(() -> grade(mutant));
                tests.add(DynamicTest.dynamicTest(mutant.id() + " (" + mutant.kind() + ") loses points and names "
                        + mutant.expect(), () -> check(mutant, await(graded))));
            }
        } finally {
            pool.shutdown();
        }
        return tests;
    }

    /**
     * The mutants to grade: the core ones by default (the bugs issue 4 names, about half of the table, to keep the
     * build's time reasonable), every one with {@code -Dmutants=all}, or only those named in
     * {@code -Dmutants=id1,id2} (to iterate on one suite).
     */
    static List<Mutant> selected() {
        String only = System.getProperty("mutants", "").strip();
        List<Mutant> all = Mutant.table();
        if (only.isEmpty()) {
            return all.stream().filter(Mutant::core).toList();
        }
        if (only.equals("all")) {
            return all;
        }
        List<String> ids = List.of(only.split("\\s*,\\s*"));
        List<Mutant> chosen = all.stream().filter(m -> ids.contains(m.id())).toList();
        assertThat(chosen.stream().map(Mutant::id)).as("mutants named in -Dmutants").containsExactlyInAnyOrderElementsOf(ids);
        return chosen;
    }

    @AfterAll
    static void writeSummary() throws IOException {
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        StringBuilder md = new StringBuilder("| mutant | task | score | lost in its task | lost in other tasks | wall | failed tests (task) |\n"
                + "|---|---|---|---|---|---|---|\n");
        selected().forEach(m -> md.append(SUMMARY.getOrDefault(m.id(), "| " + m.id() + " | " + m.task() + " | not graded | | | | |")).append('\n'));
        md.append("\n").append(selected().size()).append(" mutants graded in ").append(seconds).append(" s, ")
                .append(PARALLEL).append(" at a time.\n");
        Path file = Path.of("target", "e2e", "mutants.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }

    private record Graded(Path sources, CliRun run) {
    }

    private static Graded grade(Mutant mutant) {
        Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve(mutant.id()).resolve("src"));
        mutant.applyTo(sources);
        // A generous time limit per test: two gradings share the two cores, and a mutant must lose its points
        // to the checks, not to a slow machine.
        List<String> suites = HiddenSuites.testing(mutant.task());
        assertThat(suites).as("hidden suites with tests of task %s (mutant %s)", mutant.task(), mutant.id()).isNotEmpty();
        return new Graded(sources, CliRun.gradeWith(sources, temp.resolve(mutant.id()).resolve("out"),
                List.of("--suites", String.join(",", suites), "--test-timeout", "60s")));
    }

    private static Graded await(Future<Graded> graded) throws Throwable {
        try {
            return graded.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void check(Mutant mutant, Graded graded) {
        CliRun run = graded.run();
        double score = run.results().path("score").asDouble();
        double max = E2eGrade.maxScore(run);
        List<JsonNode> failed = run.tests().stream().filter(t -> !"passed".equals(t.path("status").asText())).toList();
        double lostInTask = 0;
        double lostElsewhere = 0;
        List<String> elsewhere = new ArrayList<>();
        for (JsonNode test : run.tests()) {
            double lost = test.path("max_score").asDouble() - test.path("score").asDouble();
            if (lost > 0 && E2eGrade.task(test).equals(mutant.task())) {
                lostInTask += lost;
            } else if (lost > 0) {
                lostElsewhere += lost;
                elsewhere.add(test.path("name").asText() + " (" + E2eGrade.task(test) + ", −" + lost + ")");
            }
        }
        SUMMARY.put(mutant.id(), String.format(Locale.ROOT, "| %s | %s | %.2f / %.2f | %.2f | %.2f | %.1f s | %s |", mutant.id(),
                mutant.task(), score, max, lostInTask, lostElsewhere, run.wallMillis() / 1000.0,
                failed.stream().map(t -> t.path("name").asText() + " (" + E2eGrade.task(t) + ")").collect(Collectors.joining("; "))));

        assertThat(run.exitCode()).as("exit code of grade on mutant %s; %s", mutant.id(), run.describe()).isZero();
        assertThat(max).as("total points of the report for mutant %s (a refused or broken run has none); %s",
                mutant.id(), run.describe()).isPositive();
        assertThat(score).as("score of mutant %s (%s) in %s: it should lose points, but every test passed. "
                        + "The hidden suites do not catch this bug: add a check for it to the suite of task %s.",
                mutant.id(), mutant.kind(), mutant.file(), mutant.task()).isLessThan(max);
        assertThat(failed).as("failed tests of mutant %s: at least one message should name %s; failed:%n%s",
                        mutant.id(), mutant.expect(), E2eGrade.failures(run))
                .anyMatch(t -> t.path("output").asText().contains(mutant.expect()));
        if (CHARGED_ONCE.contains(mutant.id())) {
            assertThat(elsewhere).as("tests of other tasks than %s that mutant %s costs points (a bug must cost points once, "
                    + "where it is); failed:%n%s", mutant.task(), mutant.id(), E2eGrade.failures(run)).isEmpty();
        }
        assertThat(SurefireSchema.problems(read(run.out().resolve("junit.xml"))))
                .as("Surefire schema problems of the junit.xml of mutant %s", mutant.id()).isEmpty();
        assertThat(failed).as("failed tests of mutant %s whose message does not explain itself (%s)", mutant.id(),
                        FailureMessageQuality.RULE)
                .allSatisfy(t -> assertThat(FailureMessageQuality.missing(t.path("output").asText()))
                        .as("what the message of '%s' lacks; it reads:%n%s", t.path("name").asText(), t.path("output").asText())
                        .isEmpty());
        if (GOLDEN.contains(mutant.id())) {
            GoldenResults.check("mutant-" + mutant.id(), GoldenResults.normalise(run.results(), graded.sources()));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
