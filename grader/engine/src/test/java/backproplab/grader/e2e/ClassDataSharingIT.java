package backproplab.grader.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.engine.GraderJvmArchive;
import backproplab.grader.export.CourseRepo;
import backproplab.grader.export.ProcessRun;
import backproplab.grader.sandbox.SandboxVisibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archives of the shipped grader ({@code grader/target/grader.jar}; the build tree's own tests have
 * none, since their class paths start with class folders): built for this JDK, in use by the test JVM, the javac JVM
 * and the grader's own JVM (the platform script's, and the plain contract command's, which starts the grader again with
 * it), holding no exercise class, and grading with them gives the reference's golden results.
 */
@DisplayName("class-data sharing in grader.jar")
class ClassDataSharingIT {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    @DisplayName("builds the archives, which then map under -Xshare:on and hold no exercise class, and the reference graded "
            + "with them gets its golden results")
    void archivesInUse(@TempDir Path temp) throws IOException {
        Path root = CourseRepo.root();
        String jar = CourseRepo.graderJar().toString();
        ProcessRun build = ProcessRun.run(root, Duration.ofMinutes(10), Map.of(), temp.resolve("build.log"),
                List.of(JAVA.toString(), "-cp", jar, "backproplab.grader.engine.ClassDataSharing"));
        assertThat(build.exitCode()).as("building the archives: %s", build.describe()).isZero();

        ProcessRun check = ProcessRun.run(root, Duration.ofMinutes(5), Map.of(), temp.resolve("check.log"),
                List.of(JAVA.toString(), "-cp", jar, "backproplab.grader.engine.ClassDataSharing", "--check"));
        assertThat(check.exitCode()).as("checking the archives: %s", check.describe()).isZero();
        assertThat(check.output())
                .containsPattern("test-jvm: test-jvm-\\w+\\.jsa is in use \\(-Xshare:on maps it\\): of the \\d+ classes "
                        + "starting ND4J loads, \\d+ come from it")
                .containsPattern("test-jvm: the archive holds \\d+ classes, none of an exercise package")
                .containsPattern("javac-jvm: javac-jvm-\\w+\\.jsa is in use \\(-Xshare:on maps it\\)")
                .containsPattern("grader-jvm: grader-jvm-\\w+\\.jsa is in use \\(-Xshare:on maps it\\)")
                .doesNotContain("FAILS");
        boolean jmods = java.nio.file.Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"));
        if (jmods) {
            assertThat(check.output()).as("the test JVM's runtime image").containsPattern(
                    "test-runtime: the test JVM runs from the image \\S+test-runtime-\\w+ \\(only the modules "
                            + "java.base,java.desktop,java.logging,jdk.unsupported,jdk.zipfs, its own CDS archive\\)");
        }

        Path out = temp.resolve("reference");
        // As the platform script starts the grader: its own archive, with -Xshare:on, which fails unless it maps.
        Path graderArchive;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(CourseRepo.graderJar().getParent().resolve("cds"))) {
            graderArchive = files.filter(f -> f.getFileName().toString().matches("grader-jvm-\\w+\\.jsa")).findFirst()
                    .orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(GraderJvmArchive.trainingFlags());
        command.addAll(List.of("-XX:SharedArchiveFile=" + graderArchive, "-Xshare:on",
                "-jar", jar, "grade", CourseTree.reference().toString(), "--out", out.toString(), "--cds", "use"));
        ProcessRun grade = ProcessRun.run(root, Duration.ofMinutes(10), Map.of(), temp.resolve("grade.log"), command);
        assertThat(grade.exitCode()).as("grade: %s", grade.describe()).isZero();
        String used = new ObjectMapper().readTree(out.resolve("timings.json").toFile()).path("classDataSharing")
                .path("test JVM").asText();
        if (SandboxVisibility.readableInPlace(CourseRepo.graderJar())) {
            assertThat(used).as("timings.json: whether the test JVM used CDS").startsWith("used (")
                    .contains("test-jvm-");
        } else if (jmods) {
            // As root, a grader below a folder that uid 65534 cannot search (say /root) is mounted elsewhere in the
            // sandbox, where the AppCDS archive's recorded paths do not match: only the image's own archive maps.
            assertThat(used).as("timings.json: whether the test JVM used CDS (grader jar hidden from uid 65534)")
                    .startsWith("used (");
        }
        GoldenResults.check("reference", GoldenResults.normalise(
                new ObjectMapper().readTree(out.resolve("results.json").toFile()), CourseTree.reference()));

        // The contract command, with no JVM options: it starts the grader again with the grader JVM's archive.
        Path plainOut = temp.resolve("reference-plain");
        ProcessRun plain = ProcessRun.run(root, Duration.ofMinutes(10), Map.of(), temp.resolve("plain.log"),
                List.of(JAVA.toString(), "-jar", jar, "grade", CourseTree.reference().toString(), "--out", plainOut.toString(),
                        "--cds", "use"));
        assertThat(plain.exitCode()).as("plain grade: %s", plain.describe()).isZero();
        assertThat(new ObjectMapper().readTree(plainOut.resolve("timings.json").toFile()).path("classDataSharing")
                .path("grader JVM").asText()).as("timings.json: how the grader JVM of java -jar grader.jar ran")
                .startsWith("started again by java -jar grader.jar with " + graderArchive.getFileName() + " (-Xshare:auto)");
        GoldenResults.check("reference", GoldenResults.normalise(
                new ObjectMapper().readTree(plainOut.resolve("results.json").toFile()), CourseTree.reference()));
    }
}
