package backproplab.grader.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backproplab.grader.cli.GraderCommand;
import backproplab.grader.export.CourseRepo;
import backproplab.grader.export.ProcessRun;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Gradescope end to end: {@code gradescope-zip} builds autograder.zip from grader/target/grader.jar, the test
 * unzips it into a temporary folder laid out like {@code /autograder} (source/, submission/, results/, with
 * run_autograder copied to the root as Gradescope does) and runs {@code bash run_autograder} with
 * AUTOGRADER_ROOT pointing there, pinned to one core.
 */
@DisplayName("Gradescope: run_autograder from autograder.zip writes a valid results.json for every kind of submission")
class GradescopeAutograderIT {

    /** Gradescope's default container memory. */
    static final double BOX_MIB = 768;

    @TempDir
    static Path temp;
    private static Path zip;

    @BeforeAll
    static void buildZip() {
        zip = temp.resolve("autograder.zip");
        StringWriter err = new StringWriter();
        CommandLine cli = GraderCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("gradescope-zip", zip.toString(), "--grader-jar", CourseRepo.graderJar().toString());
        assertThat(exit).as("gradescope-zip exit code (needs ./mvnw -pl grader/engine -am package first); stderr: %s", err).isZero();
    }

    @Test
    @DisplayName("the zip has setup.sh and run_autograder at its root (mode 755), the grader and every library it names")
    void zipLayout() throws IOException {
        GraderDistribution grader = GraderDistribution.of(CourseRepo.graderJar());
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : List.of("setup.sh", "run_autograder", "backproplab-grade.sh")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath(script))))
                        .as("Unix mode of %s in autograder.zip", script).isEqualTo("rwxr-xr-x");
            }
            assertThat(fs.getPath("grader.jar")).as("grader.jar in autograder.zip").exists();
            for (String library : grader.libraries()) {
                assertThat(fs.getPath(library)).as("library %s named by grader.jar's manifest, in autograder.zip", library).exists();
            }
            assertThat(Files.readString(fs.getPath("setup.sh")))
                    .as("setup.sh installs a JDK 17 with apt and builds nothing")
                    .contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless")
                    .doesNotContain("mvn");
        }
        Path source = temp.resolve("syntax-check");
        PlatformLayout.unzip(zip, source);
        for (String script : List.of("setup.sh", "run_autograder", "backproplab-grade.sh")) {
            ProcessRun check = ProcessRun.run(source, Duration.ofSeconds(30), Map.of(), temp.resolve("bash-n-" + script + ".log"),
                    List.of("bash", "-n", script));
            assertThat(check.exitCode()).as("bash -n %s: %s", script, check.describe()).isZero();
        }
    }

    @Test
    @DisplayName("the reference gets full marks with hidden inputs drawn from the student's Gradescope id, and the grader stays within Gradescope's 768 MB on one core")
    void reference() throws IOException {
        Path root = autograder("reference");
        Submissions.copySources(Submissions.reference(), root.resolve("submission/exercises/src/main/java"));
        // Gradescope's documented submission_metadata.json (gradescope-autograders.readthedocs.io, Submission Metadata).
        Files.writeString(root.resolve("submission_metadata.json"), "{\"id\": 123456, \"created_at\": \"2018-07-01T14:22:32.365935-07:00\","
                + " \"submission_method\": \"upload\", \"users\": [{\"email\": \"student@example.com\", \"id\": 1234,"
                + " \"name\": \"Student User\"}], \"previous_submissions\": []}\n");

        Optional<MemoryCgroup> cap = MemoryCgroup.create("gradescope-768", (long) BOX_MIB);
        ScriptRun run;
        String capped = "no cgroup available: peak RSS sampled only";
        try {
            Map<String, String> env = Map.of("AUTOGRADER_ROOT", root.toString());
            run = ScriptRun.bash(root.resolve("run_autograder"), env, temp.resolve("reference.log"), true, cap.orElse(null));
            if (cap.isPresent()) {
                MemoryCgroup group = cap.get();
                capped = String.format(Locale.ROOT, "cgroup limit %.0f MiB: max usage %.0f MiB, limit hit %d times",
                        BOX_MIB, group.maxUsageMib(), group.failCount());
                assertThat(group.oomKilled()).as("a process of the reference run was killed for passing %s MiB; %s",
                        BOX_MIB, run.describe()).isFalse();
            }
        } finally {
            if (cap.isPresent()) {
                cap.get().close();
            }
        }
        JsonNode results = results(root, "reference", run);

        double max = ResultsJson.tests(results).stream().mapToDouble(t -> t.path("max_score").asDouble()).sum();
        assertThat(max).as("points available on the reference; %s", run.describe()).isPositive();
        assertThat(results.path("score").asDouble()).as("score of the reference; %s", run.describe()).isCloseTo(max, within(1e-9));
        assertThat(results.path("extra_data").path("hidden_input_seed").asLong())
                .as("the seed of users[0].id 1234 of submission_metadata.json; %s", results.path("output").asText())
                .isEqualTo(backproplab.grader.protocol.HiddenInputSeed.ofStudentId("1234"));
        assertThat(ResultsJson.tests(results)).as("tests of the reference").allSatisfy(test ->
                assertThat(test.path("status").asText()).as("status of %s", test.path("name").asText()).isEqualTo("passed"));
        if (ProcessTreeMemory.available()) {
            assertThat(run.peakMib()).as("peak resident memory of run_autograder and all its processes (MiB); %s",
                    run.describe()).isLessThan(BOX_MIB);
        }
        System.out.printf("Gradescope reference: %.1f/%.1f points, %d ms wall, peak RSS %.0f MiB (process tree)%s; %s%n",
                results.path("score").asDouble(), max, run.millis(), run.peakMib(), run.oneCore() ? ", one core" : "", capped);
    }

    @Test
    @DisplayName("the skeleton (submitted as a module folder) scores 0 with a report of every test")
    void skeleton() throws IOException {
        Path root = autograder("skeleton");
        Submissions.copySources(Submissions.skeleton(), root.resolve("submission/src/main/java"));

        ScriptRun run = runAutograder(root, Map.of());
        JsonNode results = results(root, "skeleton", run);

        assertThat(results.path("score").asDouble()).as("score of the skeleton; %s", run.describe()).isZero();
        assertThat(results.path("output").asText()).as("without submission_metadata.json the report says the course seed ran")
                .contains("Hidden inputs were drawn from seed " + backproplab.grader.protocol.HiddenInputSeed.COURSE_SEED);
        List<JsonNode> graded = ResultsJson.tests(results).stream().filter(t -> t.path("max_score").asDouble() > 0).toList();
        assertThat(graded).as("tests with points reported for the skeleton").isNotEmpty()
                .allSatisfy(test -> assertThat(test.path("status").asText()).as("status of %s", test.path("name").asText())
                        .isEqualTo("failed"));
    }

    @Test
    @DisplayName("a mutant whose NeuralNetwork.update adds the gradient loses points on network.update")
    void mutant() throws IOException {
        Path root = autograder("mutant");
        Submissions.mutant(root.resolve("submission"));

        ScriptRun run = runAutograder(root, Map.of());
        JsonNode results = results(root, "mutant", run);

        List<JsonNode> lost = ResultsJson.tests(results).stream()
                .filter(t -> t.path("score").asDouble() < t.path("max_score").asDouble()).toList();
        assertThat(lost).as("tests that lost points on the mutant; %s", run.describe()).isNotEmpty();
        assertThat(lost).as("a test of task %s must lose points on the mutant", Submissions.MUTATED_TASK)
                .anySatisfy(t -> assertThat(t.path("tags").toString()).contains(Submissions.MUTATED_TASK));
    }

    @Test
    @DisplayName("loose .java files that do not compile score 0 with the compiler's message naming the file")
    void doesNotCompile() throws IOException {
        Path root = autograder("does-not-compile");
        Path sources = temp.resolve("broken-sources");
        String brokenFile = Submissions.doesNotCompile(sources);
        Submissions.copyLoose(sources, root.resolve("submission"));

        ScriptRun run = runAutograder(root, Map.of());
        JsonNode results = results(root, "does-not-compile", run);

        assertThat(results.path("score").asDouble()).as("score of a submission that does not compile").isZero();
        assertThat(results.path("output").asText()).as("output of a submission that does not compile; %s", run.describe())
                .contains(brokenFile);
    }

    @Test
    @DisplayName("when the grader cannot even start, results.json still says so with score 0")
    void graderFails() throws IOException {
        Path root = autograder("grader-fails");
        Submissions.copySources(Submissions.reference(), root.resolve("submission"));

        ScriptRun run = runAutograder(root, Map.of("JAVA_HOME", temp.resolve("no-jdk-here").toString()));
        JsonNode results = results(root, "grader-fails", run);

        assertThat(results.path("score").asDouble()).as("score when the grader cannot start").isZero();
        assertThat(results.path("output").asText()).as("output when the grader cannot start; %s", run.describe())
                .contains("could not grade").contains("tell your instructor");
    }

    /** A fresh /autograder: source/ (the unzipped zip), submission/, results/, and run_autograder at the root. */
    private static Path autograder(String name) throws IOException {
        Path root = temp.resolve(name);
        PlatformLayout.unzip(zip, root.resolve("source"));
        Files.createDirectories(root.resolve("submission"));
        Files.createDirectories(root.resolve("results"));
        Files.copy(root.resolve("source/run_autograder"), root.resolve("run_autograder"));
        return root;
    }

    private static ScriptRun runAutograder(Path root, Map<String, String> extraEnv) {
        return runAutograder(root, extraEnv, false);
    }

    private static ScriptRun runAutograder(Path root, Map<String, String> extraEnv, boolean oneCore) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("AUTOGRADER_ROOT", root.toString());
        return ScriptRun.bash(root.resolve("run_autograder"), env, root.resolveSibling(root.getFileName() + ".log"), oneCore);
    }

    /** Parses results/results.json and checks the fields Gradescope reads. */
    private static JsonNode results(Path root, String name, ScriptRun run) throws IOException {
        assertThat(run.exitCode()).as("exit code of run_autograder (%s); %s", name, run.describe()).isZero();
        JsonNode results = ResultsJson.read(root.resolve("results/results.json"), "Gradescope " + name);
        assertThat(results.path("score").isNumber()).as("%s: results.json has a numeric score: %s", name, results).isTrue();
        assertThat(results.path("output").isTextual()).as("%s: results.json has an output text", name).isTrue();
        assertThat(results.path("tests").isArray()).as("%s: results.json has a tests array", name).isTrue();
        for (JsonNode test : ResultsJson.tests(results)) {
            assertThat(test.path("name").isTextual() && test.path("score").isNumber() && test.path("max_score").isNumber()
                    && test.path("status").isTextual() && test.path("visibility").isTextual())
                    .as("%s: every test has name, score, max_score, status and visibility: %s", name, test).isTrue();
        }
        return results;
    }
}
