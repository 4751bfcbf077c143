package backproplab.grader.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.grader.cli.GraderCommand;
import backproplab.grader.export.CourseRepo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * PrairieLearn end to end: {@code prairielearn-package} writes the course files from grader/target/grader.jar;
 * the test lays out a temporary folder like the grading container's {@code /grade} (serverFilesCourse/,
 * student/, results/) and runs {@code bash serverFilesCourse/backproplab/run.sh} with GRADE_ROOT pointing there.
 */
@DisplayName("PrairieLearn: run.sh writes a valid results.json for every kind of submission")
class PrairieLearnGraderIT {

    @TempDir
    static Path temp;
    private static Path pack;

    @BeforeAll
    static void buildPackage() {
        pack = temp.resolve("package");
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("prairielearn-package", pack.toString(), "--grader-jar", CourseRepo.graderJar().toString());
        assertThat(exit).as("prairielearn-package exit code (needs ./mvnw -pl grader/engine -am package first); stderr: %s", err).isZero();
    }

    @Test
    @DisplayName("the package has an executable entrypoint, the grader, and a question whose info.json points at the entrypoint")
    void packageLayout() throws IOException {
        Path server = pack.resolve(PrairieLearnPackage.SERVER_FILES);
        assertThat(Files.isExecutable(server.resolve("run.sh"))).as("run.sh is executable").isTrue();
        assertThat(Files.isExecutable(server.resolve("backproplab-grade.sh"))).as("backproplab-grade.sh is executable").isTrue();
        for (String library : GraderDistribution.of(CourseRepo.graderJar()).libraries()) {
            assertThat(server.resolve(library)).as("library %s in the package", library).exists();
        }
        JsonNode info = new ObjectMapper().readTree(pack.resolve(PrairieLearnPackage.QUESTION + "/info.json").toFile());
        JsonNode external = info.path("externalGradingOptions");
        assertThat(info.path("gradingMethod").asText()).as("info.json gradingMethod").isEqualTo("External");
        assertThat(external.path("entrypoint").asText()).as("info.json entrypoint")
                .isEqualTo("/grade/" + PrairieLearnPackage.SERVER_FILES + "/run.sh");
        assertThat(external.path("serverFilesCourse").toString()).as("info.json serverFilesCourse").contains("backproplab/");
        assertThat(info.path("uuid").asText()).as("info.json uuid").matches("[0-9a-f-]{36}");
        assertThat(external.path("timeout").asInt()).as("info.json timeout (s) must exceed the script's own 260 s limit")
                .isGreaterThan(260);
    }

    @Test
    @DisplayName("the reference, uploaded as submission.zip, scores 1 and every test has its points")
    void reference() throws IOException {
        Path root = grade("reference");
        Submissions.zipSources(Submissions.reference(), root.resolve("student/submission.zip"));

        ScriptRun run = runEntrypoint(root, Map.of());
        JsonNode results = results(root, "reference", run);

        assertThat(results.path("gradable").asBoolean()).as("reference gradable").isTrue();
        assertThat(results.path("score").asDouble()).as("score of the reference; %s", run.describe()).isCloseTo(1.0, within(1e-9));
        assertThat(ResultsJson.tests(results)).as("tests of the reference").isNotEmpty().allSatisfy(test ->
                assertThat(test.path("points").asDouble()).as("points of %s", test.path("name").asText())
                        .isEqualTo(test.path("max_points").asDouble()));
        for (JsonNode image : results.path("images")) {
            assertThat(image.path("url").asText()).as("an image of the report is a PNG data URL").startsWith("data:image/png;base64,");
        }
        System.out.printf("PrairieLearn reference: score %.3f, %d tests, %d images, %d ms, peak RSS %.0f MiB%n",
                results.path("score").asDouble(), ResultsJson.tests(results).size(), results.path("images").size(),
                run.millis(), run.peakMib());
    }

    @Test
    @DisplayName("the skeleton (the whole student repository) scores 0 and is gradable")
    void skeleton() throws IOException {
        Path root = grade("skeleton");
        Submissions.copySources(Submissions.skeleton(), root.resolve("student/exercises/src/main/java"));

        ScriptRun run = runEntrypoint(root, Map.of());
        JsonNode results = results(root, "skeleton", run);

        assertThat(results.path("gradable").asBoolean()).as("skeleton gradable").isTrue();
        assertThat(results.path("score").asDouble()).as("score of the skeleton; %s", run.describe()).isZero();
        assertThat(ResultsJson.tests(results)).as("tests of the skeleton").isNotEmpty();
    }

    @Test
    @DisplayName("the update mutant scores between 0 and 1 and a network.update test loses points")
    void mutant() throws IOException {
        Path root = grade("mutant");
        Submissions.mutant(root.resolve("student"));

        ScriptRun run = runEntrypoint(root, Map.of());
        JsonNode results = results(root, "mutant", run);

        assertThat(results.path("score").asDouble()).as("score of the mutant; %s", run.describe()).isLessThan(1.0);
        assertThat(ResultsJson.tests(results)).as("tests that lost points on the mutant")
                .anySatisfy(test -> {
                    assertThat(test.path("points").asDouble()).isLessThan(test.path("max_points").asDouble());
                    assertThat(test.path("description").asText()).contains(Submissions.MUTATED_TASK);
                });
    }

    @Test
    @DisplayName("a submission that does not compile is not gradable, with the compiler's message naming the file")
    void doesNotCompile() throws IOException {
        Path root = grade("does-not-compile");
        String brokenFile = Submissions.doesNotCompile(root.resolve("student/src/main/java"));

        ScriptRun run = runEntrypoint(root, Map.of());
        JsonNode results = results(root, "does-not-compile", run);

        assertThat(results.path("gradable").asBoolean()).as("gradable for a submission that does not compile; %s",
                run.describe()).isFalse();
        assertThat(results.path("message").asText() + results.path("format_errors").toString())
                .as("message of a submission that does not compile").contains(brokenFile);
    }

    @Test
    @DisplayName("when the grader cannot start, results.json says it did not succeed, with the reason")
    void graderFails() throws IOException {
        Path root = grade("grader-fails");
        Submissions.copySources(Submissions.reference(), root.resolve("student"));

        ScriptRun run = runEntrypoint(root, Map.of("JAVA_HOME", temp.resolve("no-jdk-here").toString()));
        JsonNode results = ResultsJson.read(root.resolve("results/results.json"), "PrairieLearn grader-fails");

        assertThat(run.exitCode()).as("exit code of run.sh; %s", run.describe()).isZero();
        assertThat(results.path("succeeded").asBoolean(true)).as("succeeded when the grader cannot start").isFalse();
        assertThat(results.path("score").asDouble()).as("score when the grader cannot start").isZero();
        assertThat(results.path("message").asText()).as("message when the grader cannot start").contains("could not grade");
    }

    /** A fresh /grade: serverFilesCourse/ (the package's), student/, results/. */
    private static Path grade(String name) throws IOException {
        Path root = temp.resolve(name);
        PlatformLayout.copyTree(pack.resolve("serverFilesCourse"), root.resolve("serverFilesCourse"));
        for (String script : List.of("run.sh", "backproplab-grade.sh")) {
            root.resolve(PrairieLearnPackage.SERVER_FILES).resolve(script).toFile().setExecutable(true, false);
        }
        Files.createDirectories(root.resolve("student"));
        Files.createDirectories(root.resolve("results"));
        return root;
    }

    private static ScriptRun runEntrypoint(Path root, Map<String, String> extraEnv) {
        return runEntrypoint(root, extraEnv, false);
    }

    private static ScriptRun runEntrypoint(Path root, Map<String, String> extraEnv, boolean oneCore) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GRADE_ROOT", root.toString());
        return ScriptRun.bash(root.resolve(PrairieLearnPackage.SERVER_FILES + "/run.sh"), env,
                root.resolveSibling(root.getFileName() + ".log"), oneCore);
    }

    /** Parses results/results.json and checks the fields PrairieLearn reads. */
    private static JsonNode results(Path root, String name, ScriptRun run) throws IOException {
        assertThat(run.exitCode()).as("exit code of run.sh (%s); %s", name, run.describe()).isZero();
        JsonNode results = ResultsJson.read(root.resolve("results/results.json"), "PrairieLearn " + name);
        assertThat(results.path("gradable").isBoolean()).as("%s: results.json has gradable: %s", name, results).isTrue();
        if (results.path("gradable").asBoolean()) {
            double score = results.path("score").asDouble(-1);
            assertThat(score).as("%s: score in [0, 1]", name).isBetween(0.0, 1.0);
        }
        assertThat(results.path("tests").isArray()).as("%s: results.json has a tests array", name).isTrue();
        for (JsonNode test : ResultsJson.tests(results)) {
            assertThat(test.path("name").isTextual() && test.path("points").isNumber() && test.path("max_points").isNumber()
                    && test.path("message").isTextual() && test.path("output").isTextual())
                    .as("%s: every test has name, points, max_points, message and output: %s", name, test).isTrue();
        }
        assertThat(results.path("images").isArray()).as("%s: results.json has an images array", name).isTrue();
        return results;
    }
}
