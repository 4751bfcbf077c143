package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.cli.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * Exercise isolation, end to end: a bug in an early exercise, graded with every hidden suite, costs points in its own
 * exercise and at most {@value #MAX_ELSEWHERE} points elsewhere, those of the labelled integration tests
 * ({@code IntegrationHiddenTest}); every failure says which of the student's code ran. Before isolation the sigmoid
 * sign slip cost 31 points outside activations and the scalar BCE's missing minus 15.
 *
 * <p>The table (mutant, points lost in its own exercise, elsewhere, and where) goes to {@code target/e2e/cascade.md}.
 */
@DisplayName("grade, end to end: one bug costs points once (exercise isolation)")
class CascadeTest {

    /** Points a bug may cost outside its own exercise: the integration tests' 1 + 1. */
    static final double MAX_ELSEWHERE = 2.0;

    /** Early-exercise bugs whose methods later exercises call: these two in every build (the bugs issue 10 names). */
    static final List<String> CORE = List.of("activations-sigmoid-array-sign-slip", "activations-bce-missing-minus");
    /** With {@code -Dmutants=all} (as MutantsTest), two more: a TinyNetwork and a NeuralNetwork backward bug. */
    static final List<String> MORE = List.of("tinynet-backward-wrong-dz2", "network-backward-missing-1-over-m");
    static final List<String> CASCADING = "all".equals(System.getProperty("mutants", "").strip())
            ? java.util.stream.Stream.concat(CORE.stream(), MORE.stream()).toList() : CORE;

    private static final String INTEGRATION = "integration";
    private static final Map<String, String> TABLE = new ConcurrentHashMap<>();

    @TempDir
    static Path temp;

    @TestFactory
    List<DynamicTest> anEarlyBugCostsAtMostTheIntegrationPointsElsewhere() {
        List<Mutant> mutants = Mutant.table().stream().filter(m -> CASCADING.contains(m.id())).toList();
        assertThat(mutants.stream().map(Mutant::id)).as("cascade mutants in mutants.json").containsExactlyInAnyOrderElementsOf(CASCADING);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<DynamicTest> tests = new ArrayList<>();
        try {
            for (Mutant mutant : mutants) {
                Future<CliRun> graded = pool.submit(() -> grade(mutant));
                tests.add(DynamicTest.dynamicTest(mutant.id() + " loses at most " + MAX_ELSEWHERE + " points outside "
                        + exerciseOf(mutant.task()), () -> check(mutant, await(graded))));
            }
        } finally {
            pool.shutdown();
        }
        return tests;
    }

    private static CliRun grade(Mutant mutant) {
        Path sources = CourseTree.copy(CourseTree.reference(), temp.resolve(mutant.id()).resolve("src"));
        mutant.applyTo(sources);
        return CliRun.gradeWith(sources, temp.resolve(mutant.id()).resolve("out"), List.of("--test-timeout", "60s"));
    }

    private static void check(Mutant mutant, CliRun run) {
        assertThat(run.exitCode()).as("exit code of grade on mutant %s; %s", mutant.id(), run.describe()).isZero();
        String own = exerciseOf(mutant.task());
        double lostOwn = 0;
        double lostElsewhere = 0;
        List<String> elsewhere = new ArrayList<>();
        for (JsonNode test : run.tests()) {
            double lost = test.path("max_score").asDouble() - test.path("score").asDouble();
            if (lost <= 0) {
                continue;
            }
            String exercise = exerciseOf(E2eGrade.task(test));
            if (exercise.equals(own)) {
                lostOwn += lost;
            } else {
                lostElsewhere += lost;
                elsewhere.add(String.format(Locale.ROOT, "%s (%s, −%s)", test.path("name").asText(), E2eGrade.task(test), lost));
            }
        }
        TABLE.put(mutant.id(), String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %s |", mutant.id(), own, lostOwn, lostElsewhere,
                String.join("; ", elsewhere)));
        assertThat(lostOwn).as("points mutant %s loses in its own exercise %s; failed:%n%s", mutant.id(), own,
                E2eGrade.failures(run)).isPositive();
        assertThat(lostElsewhere).as("points mutant %s loses outside %s (at most the integration tests'): %s", mutant.id(), own,
                elsewhere).isLessThanOrEqualTo(MAX_ELSEWHERE);
        assertThat(run.tests().stream().filter(t -> t.path("score").asDouble() < t.path("max_score").asDouble()
                        && !exerciseOf(E2eGrade.task(t)).equals(own)).map(E2eGrade::task))
                .as("the tests of mutant %s that lose points outside %s", mutant.id(), own)
                .allMatch(task -> exerciseOf(task).equals(INTEGRATION));
        assertThat(run.tests().stream().filter(E2eGrade::isSuiteTest).filter(t -> !"passed".equals(t.path("status").asText())))
                .as("every failed hidden test of mutant %s says which of the student's code ran", mutant.id())
                .allSatisfy(t -> assertThat(t.path("output").asText()).as("message of '%s'", t.path("name").asText())
                        .contains("Your code that ran: "));
    }

    private static String exerciseOf(String task) {
        int dot = task.indexOf('.');
        return dot < 0 ? task : task.substring(0, dot);
    }

    private static CliRun await(Future<CliRun> graded) throws Throwable {
        try {
            return graded.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("| mutant | its exercise | points lost there | points lost elsewhere | elsewhere |\n"
                + "|---|---|---|---|---|\n");
        CASCADING.forEach(id -> md.append(TABLE.getOrDefault(id, "| " + id + " | not graded | | | |")).append('\n'));
        md.append("\nGraded with every hidden suite; elsewhere may only be the integration tests (at most ")
                .append(MAX_ELSEWHERE).append(" points).\n");
        Path file = Path.of("target", "e2e", "cascade.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
    }
}
