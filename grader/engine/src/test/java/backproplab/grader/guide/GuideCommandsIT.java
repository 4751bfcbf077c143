package backproplab.grader.guide;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.export.CourseRepo;
import backproplab.grader.export.ProcessRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code bash guide-run} block of the instructor guide, in order, in one bash session with
 * {@code set -euo pipefail}, from a scratch copy of the course repository (sources copied, the built grader
 * linked), then checks what the commands were meant to produce. Needs grader/target/grader.jar: runs in the
 * integration-test phase.
 */
@DisplayName("The instructor guide's guide-run commands work as written")
class GuideCommandsIT {

    /** Copied into the scratch repository (the commands may write there). */
    private static final List<String> COPIED = List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn", ".ci", ".github",
            "solutions/pom.xml", "solutions/src", "exercises/pom.xml", "exercises/src", "exercises/docs");
    /** Linked (read only by the commands). */
    private static final List<String> LINKED = List.of("grader", "datasets");

    @TempDir
    static Path temp;

    @Test
    @DisplayName("the guide-run blocks run without error and leave the reports, export and packages they describe")
    void runTheGuide() throws IOException {
        Path course = scratchCourse();
        StringBuilder script = new StringBuilder("set -euo pipefail\ntrap 'echo \"### failed with exit code $? at: $BASH_COMMAND\"' ERR\n");
        int blocks = 0;
        for (GuideBlocks.Block block : GuideBlocks.read()) {
            if (block.tags().contains("guide-run")) {
                script.append("echo '### guide block at line ").append(block.line()).append("'\n");
                block.body().forEach(line -> script.append(line).append('\n'));
                blocks++;
            }
        }
        Path file = temp.resolve("guide.sh");
        Files.writeString(file, script.toString());

        // The log stays in grader/target for reading after a failure (the scratch folder is deleted).
        ProcessRun run = ProcessRun.run(course, Duration.ofMinutes(15), Map.of(),
                CourseRepo.root().resolve("grader/target/guide-commands.log"),
                List.of("bash", file.toString()));

        assertThat(run.exitCode()).as("bash of the %d guide-run blocks of %s: %s", blocks, GuideBlocks.GUIDE, run.describe()).isZero();
        JsonNode reference = new ObjectMapper().readTree(course.resolve("reports/reference/results.json").toFile());
        assertThat(reference.path("score").asDouble()).as("score of the reference graded by the guide's command")
                .isPositive().isEqualTo(maxScore(reference));
        assertThat(course.resolveSibling("backprop-lab-student/pom.xml")).as("the guide's export").exists();
        assertThat(course.resolve("autograder.zip")).as("the guide's autograder.zip").exists();
        assertThat(course.resolve("gradescope-trial/results/results.json")).as("the guide's Gradescope trial").exists();
        assertThat(course.resolve("prairielearn-course/serverFilesCourse/backproplab/run.sh")).as("the guide's PrairieLearn package").exists();
        List<String> gradebook = Files.readAllLines(course.resolve("batch-reports/gradebook.csv"));
        assertThat(gradebook).as("the guide's gradebook").hasSize(2);
        assertThat(gradebook.get(0)).startsWith("id,score,max,percent,status,chainrule,activations,");
        assertThat(gradebook.get(1)).startsWith("skeleton-student,0," + (long) maxScore(
                new ObjectMapper().readTree(course.resolve("batch-reports/skeleton-student/results.json").toFile())) + ",0.0,");
        assertThat(tree(course.resolve("exercises/src/main/java"))).as("the regenerated skeleton equals the committed one")
                .isEqualTo(tree(CourseRepo.root().resolve("exercises/src/main/java")));
        System.out.printf("Instructor guide: %d guide-run blocks in %d s%n", blocks, run.millis() / 1000);
    }

    private static double maxScore(JsonNode results) {
        double max = 0;
        for (JsonNode test : results.path("tests")) {
            max += test.path("max_score").asDouble();
        }
        return max;
    }

    private static Path scratchCourse() throws IOException {
        Path course = temp.resolve("course");
        Path root = CourseRepo.root();
        for (String path : COPIED) {
            copy(root.resolve(path), course.resolve(path));
        }
        for (String path : LINKED) {
            Files.createSymbolicLink(course.resolve(path), root.resolve(path));
        }
        return course;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                String relative = from.relativize(file).toString();
                if (relative.startsWith("target") || relative.contains("/target/") || relative.startsWith(".git/")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
